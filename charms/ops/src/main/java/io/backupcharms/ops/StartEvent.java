package io.backupcharms.ops;

/** {@code start}: After install and config-changed: start the workload. */
public record StartEvent() implements HookEvent {}
