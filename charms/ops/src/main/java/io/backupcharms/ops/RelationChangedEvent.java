package io.backupcharms.ops;

import io.backupcharms.ops.model.Application;
import io.backupcharms.ops.model.Relation;
import io.backupcharms.ops.model.Unit;
import java.util.Optional;

/**
 * {@code <endpoint>-relation-changed}: a remote databag changed.
 *
 * @param unit the remote unit whose bag changed; empty when it was the application bag
 */
public record RelationChangedEvent(Relation relation, Application app, Optional<Unit> unit)
    implements RelationEvent {}
