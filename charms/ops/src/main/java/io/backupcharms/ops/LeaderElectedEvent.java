package io.backupcharms.ops;

/** {@code leader-elected}: This unit became the leader. */
public record LeaderElectedEvent() implements HookEvent {}
