package io.backupcharms.ops;

/** {@code remove}: The last hook of a unit. */
public record RemoveEvent() implements HookEvent {}
