package io.backupcharms.ops;

/** {@code config-changed}: The application's config changed (also after install and upgrade). */
public record ConfigChangedEvent() implements HookEvent {}
