package io.backupcharms.bacula;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The printed form of a record that holds a password: every component as the record's own {@code
 * toString} would print it, except that any component whose name contains "password" prints as
 * {@code <redacted>}. Values end up in log lines, exception messages and test failures, which land
 * in {@code juju debug-log} and CI output.
 */
public final class Redacted {

  private Redacted() {}

  /** {@code Name[a=1, password=<redacted>]}; a private {@code key} is redacted too. */
  public static String describe(Record value) {
    StringJoiner out = new StringJoiner(", ", value.getClass().getSimpleName() + "[", "]");
    for (RecordComponent c : value.getClass().getRecordComponents()) {
      String name = c.getName().toLowerCase(Locale.ROOT);
      if (name.contains("password") || name.equals("key") || name.endsWith("privatekey")) {
        out.add(c.getName() + "=<redacted>");
        continue;
      }
      try {
        c.getAccessor().setAccessible(true);
        out.add(c.getName() + "=" + c.getAccessor().invoke(value));
      } catch (IllegalAccessException | InvocationTargetException e) {
        out.add(c.getName() + "=?");
      }
    }
    return out.toString();
  }
}
