package io.backupcharms.bacula.config;

import java.util.List;

/**
 * A Schedule: when Jobs naming it run.
 *
 * @param name the Schedule name, e.g. {@code myapp-0-schedule}
 * @param runs the Run lines, at least one
 */
public record Schedule(String name, List<RunSpec> runs) {
  public Schedule {
    String r = "Schedule \"" + name + "\"";
    Check.name("Schedule", "Name", name);
    runs = Check.list(r, "Run", runs);
    if (runs.isEmpty()) {
      throw new InvalidConfigException(
          r + ": no Run line; give one such as \"Level=Full sun at 23:05\"");
    }
  }

  /**
   * A Schedule from Run values as operators write them, e.g. {@code "Level=Full sun at 23:05"}.
   *
   * @throws InvalidConfigException naming the Schedule and the word Bacula would reject
   */
  public static Schedule parse(String name, List<String> runs) {
    try {
      return new Schedule(name, runs.stream().map(RunSpec::parse).toList());
    } catch (InvalidConfigException e) {
      throw new InvalidConfigException("Schedule \"" + name + "\": " + e.getMessage());
    }
  }
}
