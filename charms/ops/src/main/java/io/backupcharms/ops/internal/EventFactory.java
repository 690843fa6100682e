package io.backupcharms.ops.internal;

import io.backupcharms.ops.ConfigChangedEvent;
import io.backupcharms.ops.HookEvent;
import io.backupcharms.ops.InstallEvent;
import io.backupcharms.ops.LeaderElectedEvent;
import io.backupcharms.ops.LeaderSettingsChangedEvent;
import io.backupcharms.ops.RelationBrokenEvent;
import io.backupcharms.ops.RelationChangedEvent;
import io.backupcharms.ops.RelationCreatedEvent;
import io.backupcharms.ops.RelationDepartedEvent;
import io.backupcharms.ops.RelationJoinedEvent;
import io.backupcharms.ops.RemoveEvent;
import io.backupcharms.ops.SecretChangedEvent;
import io.backupcharms.ops.SecretExpiredEvent;
import io.backupcharms.ops.SecretRemoveEvent;
import io.backupcharms.ops.SecretRotateEvent;
import io.backupcharms.ops.StartEvent;
import io.backupcharms.ops.StopEvent;
import io.backupcharms.ops.UpdateStatusEvent;
import io.backupcharms.ops.UpgradeCharmEvent;
import io.backupcharms.ops.model.Application;
import io.backupcharms.ops.model.Model;
import io.backupcharms.ops.model.Relation;
import io.backupcharms.ops.model.Secret;
import io.backupcharms.ops.model.Unit;
import java.util.Optional;

/** Builds the typed event record for a snapshot, against this hook's model. */
final class EventFactory {
  private EventFactory() {}

  static HookEvent create(EventSnapshot s, Model model) {
    EventKind kind = s.eventKind();
    Relation relation = kind.isRelation() ? model.relation(s.relationName(), s.relationId()) : null;
    Application app =
        s.remoteApp() == null || s.remoteApp().isEmpty() ? null : model.appNamed(s.remoteApp());
    Unit unit =
        s.remoteUnit() == null || s.remoteUnit().isEmpty() ? null : model.unitNamed(s.remoteUnit());
    Secret secret = null;
    if (kind.isSecret()) {
      String label = s.secretLabel() == null || s.secretLabel().isEmpty() ? null : s.secretLabel();
      secret =
          s.secretId() != null && !s.secretId().isEmpty()
              ? model.secret(s.secretId())
              : model.secretByLabel(label);
    }
    return switch (kind) {
      case INSTALL -> new InstallEvent();
      case START -> new StartEvent();
      case STOP -> new StopEvent();
      case REMOVE -> new RemoveEvent();
      case CONFIG_CHANGED -> new ConfigChangedEvent();
      case UPDATE_STATUS -> new UpdateStatusEvent();
      case UPGRADE_CHARM -> new UpgradeCharmEvent();
      case LEADER_ELECTED -> new LeaderElectedEvent();
      case LEADER_SETTINGS_CHANGED -> new LeaderSettingsChangedEvent();
      case RELATION_CREATED -> new RelationCreatedEvent(relation, app);
      case RELATION_JOINED -> new RelationJoinedEvent(relation, app, unit);
      case RELATION_CHANGED -> new RelationChangedEvent(relation, app, Optional.ofNullable(unit));
      case RELATION_DEPARTED ->
          new RelationDepartedEvent(
              relation,
              app,
              unit,
              Optional.ofNullable(s.departingUnit())
                  .filter(d -> !d.isEmpty())
                  .map(model::unitNamed));
      case RELATION_BROKEN -> new RelationBrokenEvent(relation, app);
      case SECRET_CHANGED -> new SecretChangedEvent(secret);
      case SECRET_ROTATE -> new SecretRotateEvent(secret);
      case SECRET_EXPIRED -> new SecretExpiredEvent(secret, s.secretRevision());
      case SECRET_REMOVE -> new SecretRemoveEvent(secret, s.secretRevision());
    };
  }
}
