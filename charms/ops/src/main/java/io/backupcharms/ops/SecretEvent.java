package io.backupcharms.ops;

import io.backupcharms.ops.model.Secret;

/** A hook about one secret. */
public sealed interface SecretEvent extends HookEvent
    permits SecretChangedEvent, SecretRotateEvent, SecretExpiredEvent, SecretRemoveEvent {
  /** The secret ({@code JUJU_SECRET_ID}, {@code JUJU_SECRET_LABEL}). */
  Secret secret();
}
