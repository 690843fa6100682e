package io.backupcharms.fd;

import io.backupcharms.fd.plan.PlanInputs;
import io.backupcharms.fd.plan.PlanInputs.BackupEnd;
import io.backupcharms.fd.plan.PlanInputs.DirectorEnd;
import io.backupcharms.fd.plan.PlanInputs.Principal;
import io.backupcharms.fd.plan.SecretReader;
import io.backupcharms.ops.StoredState;
import io.backupcharms.ops.hooktools.ModelError;
import io.backupcharms.ops.model.Application;
import io.backupcharms.ops.model.GrantedSecret;
import io.backupcharms.ops.model.Model;
import io.backupcharms.ops.model.Relation;
import io.backupcharms.ops.model.Unit;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the plan's inputs from the model: the three relations, the config, the unit's names, and
 * the secrets bacula-server names.
 */
final class ModelReader {
  static final String BACKUP = "backup";
  static final String BACULA_DIR = "bacula-dir";
  static final String JUJU_INFO = "juju-info";
  private static final String INGRESS_ADDRESS = "ingress-address";

  private static final Logger LOG = LoggerFactory.getLogger(ModelReader.class);

  private ModelReader() {}

  /**
   * What {@code model} says this hook.
   *
   * @param machineOwner the other unit that owns the machine's File Daemon, if one does
   * @param noopScript where the host keeps the no-op client script
   */
  static PlanInputs read(Model model, Optional<String> machineOwner, String noopScript) {
    return new PlanInputs(
        model.unit().name(),
        model.name(),
        model.uuid(),
        machineOwner,
        model.config().asMap(),
        principal(model),
        model.relation(BACKUP).map(ModelReader::backup),
        model.relation(BACULA_DIR).map(r -> director(model, r)),
        noopScript);
  }

  /**
   * Reads secrets as this unit may: a secret not granted yet is asked again for seconds, then
   * reported unreadable until the next hook ({@link GrantedSecret#read}).
   */
  static SecretReader secrets(Model model, StoredState stored, Consumer<Duration> pause) {
    return id -> {
      try {
        return Optional.of(
            GrantedSecret.read(model, stored, id, "the Director's password secret", pause));
      } catch (ModelError e) {
        LOG.info(
            "cannot read the Director's password secret {}: {}; the next hook reads it again",
            id,
            e.getMessage());
        return Optional.empty();
      }
    };
  }

  private static Optional<Principal> principal(Model model) {
    Optional<Relation> jujuInfo = model.relation(JUJU_INFO);
    return jujuInfo.flatMap(
        r ->
            r.units().stream()
                .min(Comparator.comparing(Unit::name))
                .map(u -> new Principal(u.name(), r.remoteUnitData(u).get(INGRESS_ADDRESS))));
  }

  private static BackupEnd backup(Relation backup) {
    TreeMap<String, Map<String, String>> units = new TreeMap<>();
    for (Unit u : backup.units()) {
      try {
        units.put(u.name(), backup.remoteUnitData(u).asMap());
      } catch (ModelError e) {
        LOG.debug("cannot read {}'s databag on {}: {}", u.name(), backup, e.getMessage());
        units.put(u.name(), Map.of());
      }
    }
    return new BackupEnd(
        backup.toString(),
        backup.app().map(Application::name),
        backup.remoteAppData().asMap(),
        units);
  }

  private static DirectorEnd director(Model model, Relation director) {
    Optional<String> fromBag =
        director.localUnitData().get(INGRESS_ADDRESS).filter(a -> !a.isBlank());
    Optional<String> address =
        fromBag.isPresent() ? fromBag : model.network(BACULA_DIR, director).ingressAddress();
    return new DirectorEnd(director.toString(), director.remoteAppData().asMap(), address);
  }
}
