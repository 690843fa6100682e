package io.backupcharms.bacula.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The longest time a Schedule lets pass between two of its runs, so an alert can say that a backup
 * is late. Exact for what operators mostly write (days of the week, {@code daily}, {@code hourly},
 * a time of day); for lines that also name weeks of the month, days of the month, months or weeks
 * of the year, an upper bound (a month, or a year), so a late alert may come later than it could
 * but never while the schedule is on time.
 */
public final class SchedulePeriod {

  private static final int WEEK_MINUTES = 7 * 24 * 60;
  private static final List<String> DAYS = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");
  private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})(am|pm)?");

  private SchedulePeriod() {}

  /** The longest gap between two runs of {@code runs}; zero when there are none (manual only). */
  public static Duration longestGap(List<RunSpec> runs) {
    if (runs.isEmpty()) {
      return Duration.ZERO;
    }
    TreeSet<Integer> weekly = new TreeSet<>();
    Duration bound = null;
    for (RunSpec run : runs) {
      Line line = Line.of(run.when());
      if (line.bound != null) {
        bound = bound == null || line.bound.compareTo(bound) < 0 ? line.bound : bound;
      } else {
        weekly.addAll(line.minutesOfWeek);
      }
    }
    if (weekly.isEmpty()) {
      return bound;
    }
    Duration exact = Duration.ofMinutes(largestCyclicGap(weekly));
    // Lines with a bound run at least that often besides the weekly ones; either limit holds.
    return bound != null && bound.compareTo(exact) < 0 ? bound : exact;
  }

  private static int largestCyclicGap(TreeSet<Integer> minutes) {
    int largest = 0;
    Integer previous = null;
    for (int m : minutes) {
      if (previous != null) {
        largest = Math.max(largest, m - previous);
      }
      previous = m;
    }
    return Math.max(largest, minutes.first() + WEEK_MINUTES - minutes.last());
  }

  /** One Run line: its minutes of the week when it repeats weekly, else an upper bound. */
  private record Line(List<Integer> minutesOfWeek, Duration bound) {

    static Line of(String when) {
      boolean hourly = false;
      boolean monthly = false;
      boolean yearly = false;
      boolean[] days = new boolean[7];
      boolean anyDay = false;
      int hour = 0;
      int minute = 0;
      String[] words = when.toLowerCase(Locale.ROOT).trim().split("[ \t]+");
      for (int i = 0; i < words.length; i++) {
        String w = words[i];
        if (w.equals("at") && i + 1 < words.length) {
          Matcher m = TIME.matcher(words[++i]);
          if (m.matches()) {
            hour =
                Integer.parseInt(m.group(1)) % (m.group(3) == null ? 24 : 12)
                    + ("pm".equals(m.group(3)) ? 12 : 0);
            minute = Integer.parseInt(m.group(2));
          }
        } else if (w.equals("hourly")) {
          hourly = true;
        } else if (w.equals("daily") || w.equals("weekly") || w.equals("on")) {
          // daily: every day; weekly: Bacula runs it on Sundays unless a day is named.
          if (w.equals("weekly")) {
            days[0] = true;
            anyDay = true;
          }
        } else if (w.equals("monthly")
            || w.equals("lastday")
            || isWeekOfMonth(w)
            || isDayOfMonth(w)) {
          monthly = true;
        } else if (isMonth(w) || w.matches("w\\d{2}(-w\\d{2})?")) {
          yearly = true;
        } else if (dayRange(w, days)) {
          anyDay = true;
        }
      }
      if (yearly) {
        return new Line(List.of(), Duration.ofDays(366));
      }
      if (monthly) {
        // A day of the month, or "1st sun": at most a month and a week apart.
        return new Line(List.of(), Duration.ofDays(38));
      }
      List<Integer> minutes = new ArrayList<>();
      for (int d = 0; d < 7; d++) {
        if (!anyDay || days[d]) {
          if (hourly) {
            for (int h = 0; h < 24; h++) {
              minutes.add((d * 24 + h) * 60 + minute);
            }
          } else {
            minutes.add((d * 24 + hour) * 60 + minute);
          }
        }
      }
      return new Line(minutes, null);
    }

    private static boolean dayRange(String w, boolean[] days) {
      String[] ends = w.split("-", 2);
      int from = day(ends[0]);
      int to = ends.length == 2 ? day(ends[1]) : from;
      if (from < 0 || to < 0) {
        return false;
      }
      for (int d = from; ; d = (d + 1) % 7) {
        days[d] = true;
        if (d == to) {
          return true;
        }
      }
    }

    private static int day(String w) {
      return w.length() >= 3 ? DAYS.indexOf(w.substring(0, 3)) : -1;
    }

    private static boolean isWeekOfMonth(String w) {
      return w.matches("(1st|2nd|3rd|4th|5th|first|second|third|fourth|fifth)(-.*)?");
    }

    private static boolean isDayOfMonth(String w) {
      return w.matches("\\d{1,2}(-\\d{1,2})?");
    }

    private static boolean isMonth(String w) {
      return w.matches("(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*(-[a-z]+)?");
    }
  }
}
