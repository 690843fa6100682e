package io.backupcharms.ops;

/**
 * An event Juju fires as a hook. Observe {@code HookEvent.class} itself to run one reconcile
 * handler on every hook.
 */
public sealed interface HookEvent extends Event
    permits InstallEvent,
        StartEvent,
        StopEvent,
        RemoveEvent,
        ConfigChangedEvent,
        UpdateStatusEvent,
        UpgradeCharmEvent,
        LeaderElectedEvent,
        LeaderSettingsChangedEvent,
        RelationEvent,
        SecretEvent {}
