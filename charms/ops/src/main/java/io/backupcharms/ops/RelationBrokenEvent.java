package io.backupcharms.ops;

import io.backupcharms.ops.model.Application;
import io.backupcharms.ops.model.Relation;

/**
 * {@code <endpoint>-relation-broken}: the relation is being removed. As in ops, it no longer
 * appears in {@code model.relations(endpoint)} during this hook, so a reconcile handler naturally
 * drops what it provided for it.
 */
public record RelationBrokenEvent(Relation relation, Application app) implements RelationEvent {}
