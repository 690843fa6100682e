package io.backupcharms.ops;

import io.backupcharms.ops.model.Application;
import io.backupcharms.ops.model.Relation;

/** {@code <endpoint>-relation-created}: the relation exists; no remote unit has joined yet. */
public record RelationCreatedEvent(Relation relation, Application app) implements RelationEvent {}
