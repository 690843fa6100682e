package io.backupcharms.localjuju.agent;

/** Go-style durations as Juju's CLI takes them: 90s, 10m, 1h, 500ms, or plain seconds. */
final class Durations {
  private Durations() {}

  static long millis(String d) {
    String s = d.trim();
    try {
      if (s.endsWith("ms")) {
        return Long.parseLong(s.substring(0, s.length() - 2));
      }
      char unit = s.charAt(s.length() - 1);
      if (Character.isDigit(unit)) {
        return (long) (Double.parseDouble(s) * 1000);
      }
      double n = Double.parseDouble(s.substring(0, s.length() - 1));
      switch (unit) {
        case 's':
          return (long) (n * 1000);
        case 'm':
          return (long) (n * 60_000);
        case 'h':
          return (long) (n * 3_600_000);
        default:
          break;
      }
    } catch (RuntimeException e) {
      // Falls through to the error below, which names the accepted forms.
    }
    throw new Lifecycle.ModelError(
        "invalid duration " + Lifecycle.q(d) + "; use e.g. 90s, 10m or 1h");
  }
}
