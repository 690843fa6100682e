package io.backupcharms.ops;

import io.backupcharms.ops.model.Secret;

/** {@code secret-expired} (owner): a revision expired. */
public record SecretExpiredEvent(Secret secret, int revision) implements SecretEvent {}
