package io.backupcharms.ops;

/** {@code leader-settings-changed}: Legacy leader settings changed (non-leaders only). */
public record LeaderSettingsChangedEvent() implements HookEvent {}
