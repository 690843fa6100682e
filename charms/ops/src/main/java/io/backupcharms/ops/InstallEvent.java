package io.backupcharms.ops;

/** {@code install}: The first hook of a unit: install the workload. */
public record InstallEvent() implements HookEvent {}
