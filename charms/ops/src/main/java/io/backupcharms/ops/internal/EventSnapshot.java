package io.backupcharms.ops.internal;

/**
 * What is needed to rebuild a hook event later, e.g. when a deferred event is re-emitted: the
 * kind plus exactly the environment Juju gave it. Stored as JSON; absent fields are null/-1.
 *
 * @param kind Juju's name of the event kind, e.g. {@code config-changed} or {@code relation-changed}
 */
public record EventSnapshot(String kind, String relationName, int relationId, String remoteUnit, String remoteApp,
                            String departingUnit, String secretId, String secretLabel, int secretRevision) {

    /** A hook event without relation or secret. */
    public static EventSnapshot of(EventKind kind) {
        return new EventSnapshot(kind.jujuName(), null, -1, null, null, null, null, null, -1);
    }

    /** A relation event. */
    public static EventSnapshot relation(EventKind kind, String endpoint, int id, String remoteApp, String remoteUnit,
                                         String departingUnit) {
        return new EventSnapshot(kind.jujuName(), endpoint, id, remoteUnit, remoteApp, departingUnit, null, null, -1);
    }

    /** A secret event. */
    public static EventSnapshot secret(EventKind kind, String id, String label, int revision) {
        return new EventSnapshot(kind.jujuName(), null, -1, null, null, null, id, label, revision);
    }

    /** The kind as an enum. */
    public EventKind eventKind() {
        return EventKind.fromJujuName(kind);
    }

    /** The hook name Juju would have run, e.g. {@code db-relation-changed}. */
    public String hookName() {
        return relationName != null ? relationName + "-" + kind : kind;
    }
}
