package io.backupcharms.ops;

import io.backupcharms.ops.model.Application;
import io.backupcharms.ops.model.Relation;
import io.backupcharms.ops.model.Unit;
import java.util.Optional;

/**
 * {@code <endpoint>-relation-departed}: a remote unit left the relation.
 *
 * @param unit the unit that left
 * @param departingUnit {@code JUJU_DEPARTING_UNIT}: the unit going away (may be this unit)
 */
public record RelationDepartedEvent(
    Relation relation, Application app, Unit unit, Optional<Unit> departingUnit)
    implements RelationEvent {}
