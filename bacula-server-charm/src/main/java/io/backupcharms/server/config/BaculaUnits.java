package io.backupcharms.server.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations ("1 year", "60 days") and sizes ("50G") as Bacula writes them. */
final class BaculaUnits {

  private static final Pattern DURATION_PART =
      Pattern.compile("\\s*([0-9]{1,9})\\s*([a-zA-Z]*)\\s*");

  /** Bacula's duration units (lib/edit.c), with its month of 30 days and year of 365. */
  private static final Map<String, Long> SECONDS =
      Map.ofEntries(
          Map.entry("", 1L),
          Map.entry("s", 1L),
          Map.entry("sec", 1L),
          Map.entry("second", 1L),
          Map.entry("seconds", 1L),
          Map.entry("n", 60L),
          Map.entry("min", 60L),
          Map.entry("mins", 60L),
          Map.entry("minute", 60L),
          Map.entry("minutes", 60L),
          Map.entry("h", 3600L),
          Map.entry("hour", 3600L),
          Map.entry("hours", 3600L),
          Map.entry("d", 86400L),
          Map.entry("day", 86400L),
          Map.entry("days", 86400L),
          Map.entry("w", 604800L),
          Map.entry("week", 604800L),
          Map.entry("weeks", 604800L),
          Map.entry("m", 2592000L),
          Map.entry("month", 2592000L),
          Map.entry("months", 2592000L),
          Map.entry("q", 7862400L),
          Map.entry("quarter", 7862400L),
          Map.entry("quarters", 7862400L),
          Map.entry("y", 31536000L),
          Map.entry("year", 31536000L),
          Map.entry("years", 31536000L));

  private static final Pattern SIZE =
      Pattern.compile("\\s*([0-9]{1,12})\\s*([kKmMgGtT]?)[bB]?\\s*");

  private BaculaUnits() {}

  /**
   * Parses {@code value} (e.g. "1 year", "6 months 2 weeks").
   *
   * @throws InvalidSettingException naming {@code option} when it is not a positive duration
   */
  static Duration duration(String option, String value) {
    if (value != null && !value.isBlank()) {
      Matcher m = DURATION_PART.matcher(value);
      long total = 0;
      int at = 0;
      boolean ok = true;
      while (at < value.length() && ok) {
        m.region(at, value.length());
        if (!m.lookingAt()) {
          ok = false;
          break;
        }
        Long unit = SECONDS.get(m.group(2).toLowerCase(Locale.ROOT));
        if (unit == null) {
          ok = false;
          break;
        }
        total += Long.parseLong(m.group(1)) * unit;
        at = m.end();
      }
      if (ok && total > 0 && at == value.length()) {
        return Duration.ofSeconds(total);
      }
    }
    throw new InvalidSettingException(
        "config "
            + option
            + " \""
            + (value == null ? "" : value)
            + "\" is not a duration; use e.g. \"60 days\", \"6 months\" or \"1 year\"");
  }

  /**
   * Parses a size such as "50G" or "500M" (binary multiples, as Bacula reads them).
   *
   * @throws InvalidSettingException naming {@code option} when it is not a positive size
   */
  static long bytes(String option, String value) {
    Matcher m = SIZE.matcher(value == null ? "" : value);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      int shift =
          switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
          };
      if (n > 0 && n < (1L << (62 - shift))) {
        return n << shift;
      }
    }
    throw new InvalidSettingException(
        "config " + option + " \"" + value + "\" is not a size; use e.g. \"500M\" or \"50G\"");
  }
}
