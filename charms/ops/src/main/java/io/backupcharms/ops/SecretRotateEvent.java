package io.backupcharms.ops;

import io.backupcharms.ops.model.Secret;

/** {@code secret-rotate} (owner): the rotation policy says it is time for a new revision. */
public record SecretRotateEvent(Secret secret) implements SecretEvent {}
