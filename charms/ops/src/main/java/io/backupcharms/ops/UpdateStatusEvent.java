package io.backupcharms.ops;

/** {@code update-status}: Periodic (every 5 minutes by default): refresh the status. */
public record UpdateStatusEvent() implements HookEvent {}
