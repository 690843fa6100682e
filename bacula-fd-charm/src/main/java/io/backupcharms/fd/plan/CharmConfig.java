package io.backupcharms.fd.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The charm's config options, checked: {@code port} (the File Daemon's TCP port) and {@code
 * schedule} (comma-separated Bacula Run specifications; empty means manual backups only).
 *
 * @param port FDPort, 1 to 65535
 * @param scheduleRuns the Run specifications, whitespace normalised, none for manual only
 */
record CharmConfig(int port, List<String> scheduleRuns) {
  static final int DEFAULT_PORT = 9102;
  // The characters the bacula_dir interface accepts in a Run spec, so that nothing the operator
  // types can end a line or a quoted string of the Director's config.
  private static final Pattern RUN_SPEC =
      Pattern.compile("[A-Za-z0-9=:/.-]+(?: [A-Za-z0-9=:/.-]+)*");

  CharmConfig {
    scheduleRuns = List.copyOf(scheduleRuns);
  }

  /** The schedule as the {@code bacula_dir} unit bag carries it, or empty for manual only. */
  String joinedSchedule() {
    return String.join(", ", scheduleRuns);
  }

  /**
   * Reads {@code config-get --all} output.
   *
   * @throws InvalidConfigException naming every option that is wrong and what to set instead
   */
  static CharmConfig from(Map<String, Object> config) {
    List<String> errors = new ArrayList<>();
    int port = DEFAULT_PORT;
    Object rawPort = config.get("port");
    if (rawPort instanceof Number n && n.longValue() == n.doubleValue()) {
      long value = n.longValue();
      if (value < 1 || value > 65535) {
        errors.add(
            "port " + value + " is out of range; use a TCP port from 1 to 65535, such as 9102");
      } else {
        port = (int) value;
      }
    } else if (rawPort != null) {
      errors.add("port \"" + rawPort + "\" is not a whole number; use a TCP port such as 9102");
    }
    List<String> runs = new ArrayList<>();
    Object rawSchedule = config.get("schedule");
    String schedule = rawSchedule == null ? "" : rawSchedule.toString();
    for (String part : schedule.split(",")) {
      String run = part.strip().replaceAll("\\s+", " ");
      if (run.isEmpty()) {
        continue;
      }
      if (!RUN_SPEC.matcher(run).matches()) {
        errors.add(
            "schedule run \""
                + printable(run)
                + "\" has characters a Bacula Run specification never needs; use letters, digits,"
                + " spaces and = : / . - only, such as \"Level=Full sun at 01:00\"");
      } else {
        runs.add(run);
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidConfigException(errors);
    }
    return new CharmConfig(port, runs);
  }

  private static String printable(String value) {
    StringBuilder sb = new StringBuilder();
    value
        .codePoints()
        .limit(60)
        .forEach(
            c -> {
              if (c < 0x20 || c == 0x7f || c == '"' || c == '\\') {
                sb.append(String.format("\\u%04x", c));
              } else {
                sb.appendCodePoint(c);
              }
            });
    return value.length() > 60 ? sb + "..." : sb.toString();
  }
}
