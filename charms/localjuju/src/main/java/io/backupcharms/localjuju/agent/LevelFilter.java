package io.backupcharms.localjuju.agent;

import java.util.List;
import java.util.Locale;

/** debug-log's {@code --level}: keeps lines at or above a level. */
final class LevelFilter {
  private static final List<String> ORDER =
      List.of("TRACE", "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL");

  private LevelFilter() {}

  static boolean atLeast(String line, String level) {
    String[] parts = line.split(" ", 4);
    if (parts.length < 3) {
      return true;
    }
    int have = ORDER.indexOf(parts[2]);
    int want = ORDER.indexOf(level.toUpperCase(Locale.ROOT));
    return have < 0 || want < 0 || have >= want;
  }
}
