package io.backupcharms.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The semantic rules for databag values, with messages that say what to do. They repeat what the
 * JSON Schema patterns state, because a regex failure cannot tell an operator which path is wrong
 * or why, and they are the checks the records' constructors apply.
 */
final class ValueRules {
  static final int MAX_PATH_LENGTH = 4096;
  static final int MAX_LIST_LENGTH = 65536;
  private static final int MAX_QUOTED = 80;
  private static final Pattern BACULA_NAME = Pattern.compile("[A-Za-z0-9._:-]{1,127}");
  private static final Pattern SECRET_ID =
      Pattern.compile(
          "secret:(?://[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/)?"
              + "[0-9a-v]{20}");
  private static final Pattern RUN_SPEC =
      Pattern.compile("[A-Za-z0-9=:/.-]+(?: [A-Za-z0-9=:/.-]+)*");

  private ValueRules() {}

  /**
   * Checks one absolute path.
   *
   * @param key the databag key reported in the error
   * @param label how the value is named in the message, e.g. "fileset path"
   * @param example an absolute path to suggest
   */
  static void checkPath(
      String key, String label, String path, String example, List<FieldError> out) {
    String problem = pathProblem(label, path, example);
    if (problem != null) {
      out.add(new FieldError(key, problem));
    }
  }

  private static String pathProblem(String label, String path, String example) {
    String q = quote(path);
    if (path.isEmpty()) {
      return label + " is empty; use an absolute path such as " + example;
    }
    int control = firstControl(path);
    if (control >= 0) {
      return label
          + " "
          + q
          + " contains a control character ("
          + escapeChar(path.charAt(control))
          + " at index "
          + control
          + "); paths must not contain newlines, tabs, NUL or other "
          + "control characters";
    }
    if (isSpace(path.charAt(0)) || isSpace(path.charAt(path.length() - 1))) {
      return label
          + " "
          + q
          + " has leading or trailing whitespace; remove it (write "
          + "\"/a,/b\", not \"/a, /b\")";
    }
    if (path.charAt(0) != '/') {
      return label + " " + q + " is relative; use an absolute path such as " + example;
    }
    if (path.indexOf(',') >= 0) {
      return label
          + " "
          + q
          + " contains a comma, which the interface uses to separate paths; "
          + "use a path without commas";
    }
    if (path.length() > MAX_PATH_LENGTH) {
      return label
          + " "
          + q
          + " is "
          + path.length()
          + " characters long; the limit is "
          + MAX_PATH_LENGTH;
    }
    return null;
  }

  /**
   * The paths of a comma-joined fileset, read as Canonical's backup-operators read it: each element
   * stripped of the spaces around it and empty elements dropped, so "/a, /b," is /a and /b. Control
   * characters are never stripped, so the path checks still reject a newline or a tab.
   */
  static List<String> filesetPaths(String joined) {
    List<String> paths = new ArrayList<>();
    for (String part : joined.split(",", -1)) {
      String path = stripSpaces(part);
      if (!path.isEmpty()) {
        paths.add(path);
      }
    }
    return List.copyOf(paths);
  }

  private static String stripSpaces(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isPlainSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isPlainSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean isPlainSpace(char c) {
    return isSpace(c) && !isControl(c);
  }

  /** Checks a fileset: non-empty, every path absolute and clean. */
  static void checkFileset(String key, List<String> paths, List<FieldError> out) {
    if (paths.isEmpty() || paths.size() == 1 && paths.get(0).isEmpty()) {
      out.add(
          new FieldError(
              key,
              key + " has no path; set at least one absolute path, such as " + "/var/lib/myapp"));
      return;
    }
    int length = paths.size() - 1;
    for (int i = 0; i < paths.size(); i++) {
      String path = paths.get(i);
      length += path.length();
      if (path.isEmpty()) {
        out.add(
            new FieldError(
                key,
                key + " has an empty path at position " + (i + 1) + "; remove the extra comma"));
      } else {
        checkPath(key, key + " path", path, "/var/lib/myapp", out);
      }
    }
    if (length > MAX_LIST_LENGTH) {
      out.add(
          new FieldError(
              key,
              key
                  + " is "
                  + length
                  + " characters long; the limit is "
                  + MAX_LIST_LENGTH
                  + "; back up a parent directory instead of listing many paths"));
    }
  }

  /**
   * The port a databag string spells; a stand-in after recording the problem when it spells none
   * (the range is the record's rule, {@link #checkPort(String, int, List)}).
   */
  static int portNumber(String key, String value, List<FieldError> out) {
    if (!value.matches("[1-9][0-9]{0,4}")) {
      out.add(
          new FieldError(
              key,
              key
                  + " "
                  + quote(value)
                  + " is not a TCP port; use a decimal "
                  + "number from 1 to 65535 without sign, spaces or leading zeros, such as 9102"));
      return FileDaemonUnitData.DEFAULT_PORT;
    }
    return Integer.parseInt(value);
  }

  /** Checks a port number. */
  static void checkPort(String key, int port, List<FieldError> out) {
    if (port < 1 || port > 65535) {
      out.add(
          new FieldError(
              key,
              key
                  + " "
                  + port
                  + " is out of range; use a TCP port from 1 "
                  + "to 65535, such as 9102"));
    }
  }

  /** Checks a Bacula resource name. */
  static void checkBaculaName(String key, String value, List<FieldError> out) {
    if (!BACULA_NAME.matcher(value).matches()) {
      out.add(
          new FieldError(
              key,
              key
                  + " "
                  + quote(value)
                  + " is not a valid Bacula name; use 1 "
                  + "to 127 letters, digits, '-', '_', '.' or ':'"));
    }
  }

  /** Checks a Juju secret id in either form Juju prints: secret:ID or secret://MODEL-UUID/ID. */
  static void checkSecretId(String key, String value, List<FieldError> out) {
    if (!SECRET_ID.matcher(value).matches()) {
      out.add(
          new FieldError(
              key,
              key
                  + " "
                  + quote(value)
                  + " is not a Juju secret id; publish "
                  + "the id printed by secret-add (secret:<20 characters> or "
                  + "secret://<model-uuid>/<20 characters>), never the password itself"));
    }
  }

  /** Checks a comma-joined list of Bacula Run specifications. */
  static void checkSchedule(String key, String value, List<FieldError> out) {
    if (value.length() > MAX_PATH_LENGTH) {
      out.add(
          new FieldError(
              key,
              key
                  + " is "
                  + value.length()
                  + " characters long; the limit "
                  + "is "
                  + MAX_PATH_LENGTH));
      return;
    }
    List<String> specs = scheduleRuns(value);
    for (int i = 0; i < specs.size(); i++) {
      if (!RUN_SPEC.matcher(specs.get(i)).matches()) {
        out.add(
            new FieldError(
                key,
                key
                    + " run "
                    + (i + 1)
                    + " "
                    + quote(specs.get(i))
                    + " is not a Bacula Run specification this interface accepts; use only letters,"
                    + " digits, single spaces and = : / . - (such as \"Level=Full sun at 01:00\"),"
                    + " and separate runs with \", \""));
      }
    }
  }

  /** Splits a schedule on commas, dropping the one optional space after each comma. */
  static List<String> scheduleRuns(String schedule) {
    List<String> runs = new ArrayList<>();
    for (String part : schedule.split(",", -1)) {
      runs.add(runs.isEmpty() || !part.startsWith(" ") ? part : part.substring(1));
    }
    return List.copyOf(runs);
  }

  /** Quotes a value for a message: escaped, control characters visible, long values cut. */
  static String quote(String value) {
    StringBuilder sb = new StringBuilder("\"");
    int limit = Math.min(value.length(), MAX_QUOTED);
    for (int i = 0; i < limit; i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (isControl(c)) {
        sb.append(escapeChar(c));
      } else {
        sb.append(c);
      }
    }
    if (value.length() > limit) {
      sb.append("...(").append(value.length()).append(" characters)");
    }
    return sb.append('"').toString();
  }

  private static String escapeChar(char c) {
    switch (c) {
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      case 0:
        return "NUL";
      default:
        return String.format("\\u%04x", (int) c);
    }
  }

  static int firstControl(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (isControl(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * C0, DEL, C1 and the Unicode line and paragraph separators: all end or corrupt a config line.
   */
  static boolean isControl(char c) {
    return c < 0x20 || c >= 0x7f && c <= 0x9f || c == '\u2028' || c == '\u2029';
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
  }
}
