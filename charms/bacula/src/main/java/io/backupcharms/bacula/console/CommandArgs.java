package io.backupcharms.bacula.console;

import java.util.regex.Pattern;

/**
 * Builds {@code key="value"} console arguments. Bacula's argument parser honours double quotes but
 * has no escape for them, so values that contain a quote or a control character are refused.
 */
final class CommandArgs {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.: -]{1,127}");

  private CommandArgs() {}

  static String name(String key, String value) {
    if (value == null || !NAME.matcher(value).matches()) {
      throw new ConsoleException(
          key
              + " \""
              + value
              + "\" is not a valid Bacula name (letters, digits,"
              + " '-', '_', '.', ':' and spaces)");
    }
    return " " + key + "=\"" + value + "\"";
  }

  static String optionalName(String key, String value) {
    return value == null ? "" : name(key, value);
  }

  static String optionalPath(String key, String value) {
    if (value == null) {
      return "";
    }
    if (!value.startsWith("/") || value.chars().anyMatch(c -> c == '"' || c < 0x20 || c == 0x7f)) {
      throw new ConsoleException(
          key
              + " \""
              + value
              + "\" must be an absolute path without double quotes"
              + " or control characters");
    }
    return " " + key + "=\"" + value + "\"";
  }
}
