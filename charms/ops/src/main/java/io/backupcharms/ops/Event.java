package io.backupcharms.ops;

/**
 * Everything a charm can observe: Juju hooks ({@link HookEvent}), actions ({@link ActionEvent}) and
 * the framework's own {@link CollectStatusEvent}.
 */
public sealed interface Event permits HookEvent, ActionEvent, CollectStatusEvent {}
