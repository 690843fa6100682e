package io.backupcharms.server.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads action parameters as {@code action-get} delivers them (strings, numbers), collecting every
 * problem so one failed run tells the operator everything to fix.
 */
final class Params {

  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]");

  private final Map<String, Object> raw;
  private final List<String> problems = new ArrayList<>();

  Params(Map<String, ?> raw, Set<String> allowed) {
    this.raw = Map.copyOf(raw);
    Set<String> unknown = new TreeSet<>(raw.keySet());
    unknown.removeAll(allowed);
    if (!unknown.isEmpty()) {
      problems.add(
          "unknown parameter(s) "
              + String.join(", ", unknown)
              + "; allowed: "
              + String.join(", ", new TreeSet<>(allowed)));
    }
  }

  /** A client name or unit: required or optional, non-empty, one line, at most 200 characters. */
  Optional<String> client(boolean required) {
    Object value = raw.get("client");
    if (value == null) {
      if (required) {
        problems.add(
            "client is required: the unit of the backed-up application, e.g. client=myapp/0");
      }
      return Optional.empty();
    }
    String text = String.valueOf(value);
    if (text.isBlank() || text.length() > 200 || CONTROL.matcher(text).find()) {
      problems.add(
          "client must be a unit such as myapp/0 or a Bacula client name from list-clients");
      return Optional.empty();
    }
    return Optional.of(text.strip());
  }

  /** A unit that is related now, such as {@code myapp/1}, or a Bacula client name; optional. */
  Optional<String> unit(String key) {
    Object value = raw.get(key);
    if (value == null) {
      return Optional.empty();
    }
    String text = String.valueOf(value).strip();
    if (text.isEmpty() || text.length() > 200 || CONTROL.matcher(text).find()) {
      problems.add(
          key
              + " must be a unit related now, such as myapp/1, or a Bacula client name from"
              + " list-clients; got \""
              + shorten(String.valueOf(value))
              + "\"");
      return Optional.empty();
    }
    return Optional.of(text);
  }

  /** {@code true} or {@code false} (a boolean or its text), or {@code fallback} when absent. */
  boolean bool(String key, boolean fallback) {
    Object value = raw.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    String text = String.valueOf(value).strip();
    if (text.equals("true") || text.equals("false")) {
      return Boolean.parseBoolean(text);
    }
    problems.add(key + " must be true or false; got \"" + shorten(text) + "\"");
    return fallback;
  }

  /**
   * Comma-separated absolute paths of files or directories, each made of plain path characters
   * (letters, digits, {@code _.+@-}, spaces inside a name), without {@code ..}, {@code //} or a
   * trailing {@code /}; empty when absent. Each bad path is reported by itself.
   */
  List<String> paths(String key) {
    Object value = raw.get(key);
    if (value == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String part : String.valueOf(value).split(",", -1)) {
      String path = part.strip();
      boolean plain =
          path.matches("(/[A-Za-z0-9_.+@-][A-Za-z0-9_.+@ -]{0,254}){1,64}")
              && !path.endsWith(" ")
              && !path.contains(" /");
      boolean dots = path.matches(".*/\\.\\.?(/.*)?");
      if (!plain || dots) {
        problems.add(
            key
                + ": \""
                + shorten(path)
                + "\" is not an absolute path of a file or directory such as /srv/data/a (letters,"
                + " digits, _.+@- and inner spaces; no \"..\", no trailing /); separate paths with"
                + " commas");
      } else if (!out.contains(path)) {
        out.add(path);
      }
    }
    return out;
  }

  /**
   * A Bacula name as list-clients shows it (1-127 of letters, digits and {@code -_.:}), required.
   */
  Optional<String> baculaName(String key) {
    Object value = raw.get(key);
    String text = value == null ? "" : String.valueOf(value).strip();
    if (!text.matches("[A-Za-z0-9_.:-]{1,127}")) {
      problems.add(
          key
              + " must be a Bacula client name as shown by list-clients and the server's"
              + " status (letters, digits and -_.:); got \""
              + shorten(text)
              + "\"");
      return Optional.empty();
    }
    return Optional.of(text);
  }

  /** One of {@code choices} (case-sensitive as documented), or {@code fallback} when absent. */
  String choice(String key, List<String> choices, String fallback) {
    Object value = raw.get(key);
    if (value == null) {
      return fallback;
    }
    String text = String.valueOf(value);
    if (!choices.contains(text)) {
      problems.add(
          key
              + " must be one of "
              + String.join(", ", choices)
              + "; got \""
              + shorten(text)
              + "\"");
      return fallback;
    }
    return text;
  }

  /** A whole number in [min, max], or empty when absent. */
  Optional<Long> integer(String key, long min, long max) {
    Object value = raw.get(key);
    if (value == null) {
      return Optional.empty();
    }
    Long number = null;
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      number = ((Number) value).longValue();
    } else if (value instanceof String s && s.strip().matches("[0-9]{1,18}")) {
      number = Long.parseLong(s.strip());
    }
    if (number == null || number < min || number > max) {
      problems.add(
          key
              + " must be a whole number from "
              + min
              + " to "
              + max
              + "; got \""
              + shorten(String.valueOf(value))
              + "\"");
      return Optional.empty();
    }
    return Optional.of(number);
  }

  /** An absolute directory made of plain path characters, or {@code fallback}. */
  String directory(String key, String fallback) {
    Object value = raw.get(key);
    if (value == null) {
      return fallback;
    }
    String text = String.valueOf(value);
    if (!text.matches("/[A-Za-z0-9_.+@/-]{0,1023}")
        || text.contains("/../")
        || text.endsWith("/..")) {
      problems.add(
          key
              + " must be an absolute directory such as / (in place) or /srv/restore, made of"
              + " letters, digits and _.+@/- without \"..\"; got \""
              + shorten(text)
              + "\"");
      return fallback;
    }
    return text;
  }

  /** Throws when any problem was found; call after reading every parameter. */
  void check() {
    if (!problems.isEmpty()) {
      throw new InvalidParamsException(problems);
    }
  }

  private static String shorten(String text) {
    String oneLine = CONTROL.matcher(text).replaceAll("?");
    return oneLine.length() > 60 ? oneLine.substring(0, 60) + "..." : oneLine;
  }
}
