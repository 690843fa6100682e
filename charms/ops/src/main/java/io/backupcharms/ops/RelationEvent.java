package io.backupcharms.ops;

import io.backupcharms.ops.model.Application;
import io.backupcharms.ops.model.Relation;

/** A hook about one relation: created, joined, changed, departed or broken. */
public sealed interface RelationEvent extends HookEvent
    permits RelationCreatedEvent,
        RelationJoinedEvent,
        RelationChangedEvent,
        RelationDepartedEvent,
        RelationBrokenEvent {
  /** The relation the hook is about. */
  Relation relation();

  /** The remote application ({@code JUJU_REMOTE_APP}); null if Juju did not name it. */
  Application app();
}
