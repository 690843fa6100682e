package io.backupcharms.ops;

import io.backupcharms.ops.model.Secret;

/**
 * {@code secret-changed} (consumer): a new revision exists; read it with {@code getContent(true)}.
 */
public record SecretChangedEvent(Secret secret) implements SecretEvent {}
