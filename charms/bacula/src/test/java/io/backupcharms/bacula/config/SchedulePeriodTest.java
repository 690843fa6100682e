package io.backupcharms.bacula.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulePeriodTest {

  static Duration gap(String... lines) {
    return SchedulePeriod.longestGap(List.of(lines).stream().map(RunSpec::parse).toList());
  }

  @Test
  void theUsualWeeklyFullAndDailyIncrementalsAreADayApart() {
    assertEquals(
        Duration.ofDays(1), gap("Level=Full sun at 01:00", "Level=Incremental mon-sat at 01:00"));
  }

  @Test
  void aGapIsMeasuredAcrossTheWeekAndBetweenDifferentTimes() {
    assertEquals(Duration.ofDays(7), gap("Full sun at 23:05"));
    // Fri 02:00 to Mon 02:00.
    assertEquals(Duration.ofDays(3), gap("mon-fri at 2:00"));
    // Three lines together: the longest stretch is Fri 01:00 to Sat 23:00.
    assertEquals(Duration.ofHours(46), gap("sat at 23:00", "mon-fri at 01:00", "sun at 01:00"));
    assertEquals(Duration.ofHours(1), gap("hourly at 0:15"));
    assertEquals(Duration.ofDays(1), gap("daily at 03:30"));
    assertEquals(Duration.ofDays(1), gap("at 03:30"));
    assertEquals(Duration.ofDays(7), gap("weekly at 03:30"));
    assertEquals(
        Duration.ofDays(4), gap("fri-mon at 12:00"), "a range may wrap past Saturday: Mon to Fri");
    assertEquals(Duration.ofHours(12), gap("at 1:00am", "at 1:00pm"));
  }

  @Test
  void monthlyAndYearlyLinesGiveAnUpperBoundNeverShorterThanTheirRealGap() {
    assertEquals(Duration.ofDays(38), gap("1st sun at 1:00"));
    assertEquals(Duration.ofDays(38), gap("on 15 at 1:00"));
    assertEquals(Duration.ofDays(366), gap("jan 1 at 1:00"));
    assertEquals(
        Duration.ofDays(1), gap("1st sun at 1:00", "daily at 2:00"), "the weekly lines decide");
  }

  @Test
  void noRunLineIsNoPeriod() {
    assertEquals(Duration.ZERO, SchedulePeriod.longestGap(List.of()));
  }
}
