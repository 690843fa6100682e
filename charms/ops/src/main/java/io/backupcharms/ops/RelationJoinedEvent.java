package io.backupcharms.ops;

import io.backupcharms.ops.model.Application;
import io.backupcharms.ops.model.Relation;
import io.backupcharms.ops.model.Unit;

/** {@code <endpoint>-relation-joined}: a remote unit joined; a relation-changed for it follows. */
public record RelationJoinedEvent(Relation relation, Application app, Unit unit)
    implements RelationEvent {}
