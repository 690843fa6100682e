package io.backupcharms.ops;

/** {@code stop}: The unit is being removed: stop the workload. */
public record StopEvent() implements HookEvent {}
