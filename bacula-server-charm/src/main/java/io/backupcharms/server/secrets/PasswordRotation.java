package io.backupcharms.server.secrets;

import io.backupcharms.bacula.console.Director;
import io.backupcharms.ops.model.Model;
import io.backupcharms.ops.model.Relation;
import io.backupcharms.ops.model.Unit;
import io.backupcharms.schema.UnitPasswords;
import io.backupcharms.server.actions.ActionFailedException;
import io.backupcharms.server.actions.CatalogQueries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code rotate-passwords}: a new Director password for every File Daemon unit that uses its own
 * (the passwords that live on client machines). Each unit applies its new password, restarting its
 * File Daemon, and says so; only then does the Director switch to it, so no job meets a File Daemon
 * that does not know its password, and the old password is then dropped everywhere.
 */
public final class PasswordRotation {
  private PasswordRotation() {}

  /**
   * @param endpoint the {@code bacula-dir} endpoint
   * @throws ActionFailedException while jobs run, since each File Daemon restarts
   */
  public static Map<String, Object> run(Model model, String endpoint, Supplier<Director> console) {
    int active;
    try (Director director = console.get()) {
      active = new CatalogQueries(director).activeJobs();
    }
    if (active > 0) {
      throw new ActionFailedException(
          active
              + " job"
              + (active == 1 ? " runs" : "s run")
              + " now, and"
              + " each File Daemon restarts to take its new password, which would fail them; run"
              + " rotate-passwords again when list-backups shows none running",
          Map.of());
    }
    PasswordSecrets secrets = new PasswordSecrets(model);
    List<String> rotated = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Relation relation : model.relations(endpoint)) {
      for (Unit unit : relation.units()) {
        if (!UnitPasswords.usesUnitPassword(relation.remoteUnitData(unit).asMap())) {
          // A File Daemon of another charm uses the relation's password and would not follow.
          skipped.add(unit.name());
          continue;
        }
        secrets
            .unitSecret(relation, unit.name())
            .ifPresent(
                s -> {
                  PasswordSecrets.rotate(s);
                  rotated.add(unit.name());
                });
      }
    }
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("rotated", Integer.toString(rotated.size()));
    results.put("units", rotated.isEmpty() ? "none" : String.join(",", rotated));
    if (!skipped.isEmpty()) {
      results.put("not-rotated", String.join(",", skipped) + " (they use the relation's password)");
    }
    results.put(
        "next",
        "each File Daemon restarts with its new password within a minute; the Director"
            + " keeps the old one for a unit until that unit says it applied the new one");
    return results;
  }
}
