package io.backupcharms.server.clients;

import io.backupcharms.bacula.config.InvalidConfigException;
import io.backupcharms.bacula.config.RunScript;
import io.backupcharms.bacula.config.RunSpec;
import io.backupcharms.schema.DatabagResult;
import io.backupcharms.schema.FieldError;
import io.backupcharms.schema.FileDaemonUnitData;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns one File Daemon unit databag into a {@link ClientReading}, collecting every problem before
 * refusing it. First the {@code bacula_dir} interface rules ({@link FileDaemonUnitData}), then what
 * the Director itself needs on top: script paths Bacula cannot misread as several words, Run specs
 * in Bacula's schedule grammar, and a usable {@code ingress-address}.
 */
final class FdUnitBagReader {

  /** An IPv4/IPv6 address or a DNS host name. */
  private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.:-]{0,252}");

  private static final String INGRESS_ADDRESS = "ingress-address";
  private static final String PRIVATE_ADDRESS = "private-address";

  private FdUnitBagReader() {}

  static ClientReading read(FdUnitBag fd) {
    var bag = fd.bag();
    String name = bag.get(FileDaemonUnitData.NAME);
    if (name == null || name.isEmpty()) {
      return new ClientReading.Pending(
          fd.unit(), fd.relationId(), "has not published its File Daemon name yet");
    }
    List<String> problems = new ArrayList<>();
    if (name.startsWith(ClientSpec.RESERVED_PREFIX)) {
      // Every resource a client gets is named after it, so a client called "charm-catalog"
      // would replace the server's own charm-catalog-fileset (and so on) without a word.
      problems.add(
          "name "
              + quoted(name)
              + " is reserved: names starting with \""
              + ClientSpec.RESERVED_PREFIX
              + "\" belong to bacula-server's own resources; publish the File Daemon's default"
              + " name");
    }
    String address = bag.getOrDefault(INGRESS_ADDRESS, bag.get(PRIVATE_ADDRESS));
    if (address == null || address.isEmpty()) {
      problems.add(
          "ingress-address is missing; Juju sets it on every unit, so re-create the relation");
    } else if (!ADDRESS.matcher(address).matches()) {
      problems.add("ingress-address " + quoted(address) + " is not an IP address or host name");
    }
    DatabagResult<FileDaemonUnitData> result = FileDaemonUnitData.fromDatabag(bag);
    for (FieldError error : result.errors()) {
      problems.add(error.message());
    }
    List<String> badKeys = result.errorKeys();
    for (String key : FileDaemonUnitData.SCRIPT_KEYS) {
      String path = bag.get(key);
      if (path != null && !badKeys.contains(key)) {
        RunScript.problemWithScriptPath(path)
            .ifPresent(why -> problems.add(key + " " + quoted(path) + " " + why));
      }
    }
    if (!problems.isEmpty()) {
      return new ClientReading.Rejected(fd.unit(), fd.relationId(), Optional.of(name), problems);
    }
    FileDaemonUnitData data = result.orElseThrow();
    RunScripts scripts =
        new RunScripts(
            data.script(FileDaemonUnitData.CLIENT_RUN_BEFORE_BACKUP),
            data.script(FileDaemonUnitData.CLIENT_RUN_AFTER_BACKUP),
            data.script(FileDaemonUnitData.CLIENT_RUN_BEFORE_RESTORE),
            data.script(FileDaemonUnitData.CLIENT_RUN_AFTER_RESTORE));
    List<String> schedule = data.scheduleRuns();
    for (String run : schedule) {
      try {
        RunSpec.parse(run);
      } catch (InvalidConfigException e) {
        problems.add("schedule entry " + quoted(run) + " is invalid: " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      return new ClientReading.Rejected(fd.unit(), fd.relationId(), Optional.of(name), problems);
    }
    return new ClientReading.Ready(
        new ClientSpec(
            data.name(),
            fd.unit(),
            fd.relationId(),
            address,
            data.port(),
            data.fileset(),
            scripts,
            schedule));
  }

  /** Quotes a value for a message, escaping control characters so logs stay one line. */
  static String quoted(String value) {
    StringBuilder out = new StringBuilder("\"");
    String shown = value.length() > 80 ? value.substring(0, 80) + "..." : value;
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
