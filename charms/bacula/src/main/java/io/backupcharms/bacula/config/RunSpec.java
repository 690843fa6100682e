package io.backupcharms.bacula.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code Run} line of a Schedule: an optional level and pool override, then when to run, in
 * Bacula's words ({@code sun at 23:05}, {@code mon-fri at 2:00}, {@code 1st sun at 1:00}, {@code
 * daily at 03:30}). Bacula reads this line unquoted, so every word is checked against its schedule
 * grammar here, before it can reach the Director.
 *
 * @param level the level override, or null for the Job's level
 * @param pool the pool override, or null
 * @param when the time specification, already checked
 */
public record RunSpec(Level level, String pool, String when) {
  private static final List<String> DAYS =
      List.of(
          "sun",
          "mon",
          "tue",
          "wed",
          "thu",
          "fri",
          "sat",
          "sunday",
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday");
  private static final List<String> WEEKS =
      List.of("1st", "2nd", "3rd", "4th", "5th", "first", "second", "third", "fourth", "fifth");
  private static final List<String> MONTHS =
      List.of(
          "jan",
          "feb",
          "mar",
          "apr",
          "may",
          "jun",
          "jul",
          "aug",
          "sep",
          "oct",
          "nov",
          "dec",
          "january",
          "february",
          "march",
          "april",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december");
  private static final List<String> WORDS =
      List.of("hourly", "daily", "weekly", "monthly", "on", "lastday");
  private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})(am|pm)?");
  private static final Pattern WEEK_OF_YEAR = Pattern.compile("w(\\d{2})");
  private static final Pattern DAY_OF_MONTH = Pattern.compile("\\d{1,2}");
  private static final Pattern POOL = Pattern.compile("[A-Za-z0-9_.:-]{1,127}");

  public RunSpec {
    if (pool != null && !POOL.matcher(pool).matches()) {
      throw new InvalidConfigException(
          "Schedule Run: pool \""
              + Check.printable(pool)
              + "\" cannot be used in a Run line; use letters, digits, '-', '_', '.', ':'");
    }
    List<String> problems = checkWhen(Check.present("Schedule Run", "time specification", when));
    if (!problems.isEmpty()) {
      throw new InvalidConfigException(
          "Schedule Run \""
              + Check.printable(when)
              + "\": "
              + String.join("; ", problems)
              + ". Examples: \"sun at 23:05\", \"mon-fri at 2:00\", \"1st sun at 1:00\","
              + " \"daily at 03:30\"");
    }
  }

  /** A Run line with a level override. */
  public static RunSpec of(Level level, String when) {
    return new RunSpec(level, null, when);
  }

  /**
   * Parses a Run value as an operator writes it: {@code Level=Full sun at 23:05}, {@code Full sun
   * at 23:05}, {@code Incremental Pool=Daily mon-sat at 23:05}.
   *
   * @throws InvalidConfigException naming the word Bacula would not understand
   */
  public static RunSpec parse(String spec) {
    Check.present("Schedule Run", "specification", spec);
    String[] words = spec.trim().split("[ \t]+");
    Level level = null;
    String pool = null;
    int i = 0;
    for (; i < words.length; i++) {
      String w = words[i];
      String lower = w.toLowerCase(Locale.ROOT);
      if (lower.startsWith("level=")) {
        level = Level.fromBacula(w.substring(6));
      } else if (lower.startsWith("pool=")) {
        pool = w.substring(5);
      } else if (lower.equals("full")
          || lower.equals("incremental")
          || lower.equals("differential")) {
        level = Level.fromBacula(w);
      } else {
        break;
      }
    }
    return new RunSpec(level, pool, String.join(" ", List.of(words).subList(i, words.length)));
  }

  /**
   * The most jobs this line starts in one day: 24 for {@code hourly}, else one (a line names one
   * time of day).
   */
  public int maxRunsPerDay() {
    return List.of(when.toLowerCase(Locale.ROOT).split("[ \t]+")).contains("hourly") ? 24 : 1;
  }

  /** The text after {@code Run =}. */
  public String toBacula() {
    StringBuilder b = new StringBuilder();
    if (level != null) {
      b.append("Level=").append(level.baculaName()).append(' ');
    }
    if (pool != null) {
      b.append("Pool=").append(pool).append(' ');
    }
    return b.append(when).toString();
  }

  private static List<String> checkWhen(String when) {
    List<String> problems = new ArrayList<>();
    if (when.isBlank()) {
      problems.add("no time given");
      return problems;
    }
    String[] words = when.trim().split("[ \t]+");
    int ats = 0;
    for (int i = 0; i < words.length; i++) {
      String w = words[i].toLowerCase(Locale.ROOT);
      if (w.equals("at")) {
        ats++;
        if (i + 1 >= words.length) {
          problems.add("\"at\" needs a time such as 23:05");
        } else {
          String t = checkTime(words[++i]);
          if (t != null) {
            problems.add(t);
          }
        }
      } else if (!isDateWord(w)) {
        problems.add("\"" + Check.printable(words[i]) + "\" is not a Bacula schedule word");
      }
    }
    if (ats > 1) {
      problems.add("\"at\" appears " + ats + " times; use one Run line per time");
    }
    return problems;
  }

  private static String checkTime(String word) {
    Matcher m = TIME.matcher(word.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return "\"" + Check.printable(word) + "\" is not a time; use HH:MM such as 23:05";
    }
    int hour = Integer.parseInt(m.group(1));
    int minute = Integer.parseInt(m.group(2));
    int maxHour = m.group(3) == null ? 23 : 12;
    if (hour > maxHour || minute > 59 || (m.group(3) != null && hour == 0)) {
      return "\"" + word + "\" is not a valid time of day";
    }
    return null;
  }

  private static boolean isDateWord(String w) {
    if (WORDS.contains(w)) {
      return true;
    }
    int dash = w.indexOf('-');
    if (dash > 0 && dash < w.length() - 1 && w.indexOf('-', dash + 1) < 0) {
      String a = w.substring(0, dash);
      String b = w.substring(dash + 1);
      return (DAYS.contains(a) && DAYS.contains(b))
          || (WEEKS.contains(a) && WEEKS.contains(b))
          || (MONTHS.contains(a) && MONTHS.contains(b))
          || (isWeekOfYear(a) && isWeekOfYear(b))
          || (isDayOfMonth(a) && isDayOfMonth(b));
    }
    return DAYS.contains(w)
        || WEEKS.contains(w)
        || MONTHS.contains(w)
        || isWeekOfYear(w)
        || isDayOfMonth(w);
  }

  private static boolean isWeekOfYear(String w) {
    Matcher m = WEEK_OF_YEAR.matcher(w);
    return m.matches() && Integer.parseInt(m.group(1)) <= 53;
  }

  private static boolean isDayOfMonth(String w) {
    if (!DAY_OF_MONTH.matcher(w).matches()) {
      return false;
    }
    int d = Integer.parseInt(w);
    return d >= 1 && d <= 31;
  }
}
