package io.backupcharms.ops;

/** {@code upgrade-charm}: A new charm revision was installed. */
public record UpgradeCharmEvent() implements HookEvent {}
