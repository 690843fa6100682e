package io.backupcharms.ops;

import io.backupcharms.ops.model.Secret;

/** {@code secret-remove} (owner): no consumer tracks this revision any more; it can be removed. */
public record SecretRemoveEvent(Secret secret, int revision) implements SecretEvent {}
