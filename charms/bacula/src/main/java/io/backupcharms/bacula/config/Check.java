package io.backupcharms.bacula.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Precondition checks shared by the records; each error names the resource and field. */
final class Check {
  /** Bacula's own rule for resource names (is_name_valid in lib/util.c): 1-127 of these. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.: -]{1,127}");

  /** IPv4, IPv6 or a host name: the address directives are read unquoted by Bacula. */
  private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9.:-]{1,253}");

  /** The characters that make Bacula's do_shell_expansion() run a shell (lib/util.c). */
  static final String SHELL_META = "~\\$[]*?`'<>\"";

  private Check() {}

  static String name(String resource, String field, String value) {
    if (value == null) {
      throw new InvalidConfigException(resource + ": " + field + " is missing");
    }
    if (!NAME.matcher(value).matches() || value.isBlank()) {
      throw new InvalidConfigException(
          resource
              + ": "
              + field
              + " \""
              + printable(value)
              + "\" is not a valid Bacula name; use 1-127 letters, digits, '-', '_', '.',"
              + " ':' or spaces, e.g. \"myapp-0-fd\"");
    }
    return value;
  }

  static String optionalName(String resource, String field, String value) {
    return value == null ? null : name(resource, field, value);
  }

  static String address(String resource, String field, String value) {
    if (value == null) {
      throw new InvalidConfigException(resource + ": " + field + " is missing");
    }
    if (!ADDRESS.matcher(value).matches()) {
      throw new InvalidConfigException(
          resource
              + ": "
              + field
              + " \""
              + printable(value)
              + "\" is not an IP address or host name, e.g. 10.0.0.5 or backup.example.com");
    }
    return value;
  }

  static <T> T present(String resource, String field, T value) {
    if (value == null) {
      throw new InvalidConfigException(resource + ": " + field + " is missing");
    }
    return value;
  }

  static int port(String resource, String field, int port) {
    if (port < 1 || port > 65535) {
      throw new InvalidConfigException(
          resource
              + ": "
              + field
              + " "
              + port
              + " is not a TCP port; use 1-65535 (Bacula's defaults are 9101-9103)");
    }
    return port;
  }

  static int positive(String resource, String field, int value) {
    if (value < 1) {
      throw new InvalidConfigException(
          resource + ": " + field + " must be at least 1, got " + value);
    }
    return value;
  }

  static Integer optionalPositive(String resource, String field, Integer value) {
    return value == null ? null : positive(resource, field, value);
  }

  static Duration duration(String resource, String field, Duration value) {
    if (value == null) {
      throw new InvalidConfigException(resource + ": " + field + " is missing");
    }
    if (value.isNegative() || value.isZero() || value.getNano() != 0) {
      throw new InvalidConfigException(
          resource + ": " + field + " " + value + " must be a positive whole number of seconds");
    }
    return value;
  }

  static Duration optionalDuration(String resource, String field, Duration value) {
    return value == null ? null : duration(resource, field, value);
  }

  /** An absolute path: FileSet entries starting with '|', '<' or '\' run programs or read lists. */
  static String absolutePath(String resource, String field, String value) {
    if (value == null) {
      throw new InvalidConfigException(resource + ": " + field + " is missing");
    }
    if (!value.startsWith("/")) {
      throw new InvalidConfigException(
          resource
              + ": "
              + field
              + " \""
              + printable(value)
              + "\" is not an absolute path; use one starting with '/', such as /var/lib/myapp");
    }
    return value;
  }

  /**
   * An absolute path for a directive Bacula reads with store_dir (WorkingDirectory, PidDirectory,
   * QueryFile, Where, Write Bootstrap). Bacula 9.6 hands such a value containing any of these
   * characters to {@code /bin/sh -c "echo VALUE"} while parsing, even under {@code -t}: quoting
   * does not protect it, so they are refused.
   */
  static String directory(String resource, String field, String value) {
    absolutePath(resource, field, value);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (SHELL_META.indexOf(c) >= 0) {
        throw new InvalidConfigException(
            resource
                + ": "
                + field
                + " \""
                + printable(value)
                + "\" contains '"
                + c
                + "', which Bacula passes to /bin/sh when it reads this"
                + " directive; use a path without any of "
                + SHELL_META);
      }
    }
    return value;
  }

  static String optionalDirectory(String resource, String field, String value) {
    return value == null ? null : directory(resource, field, value);
  }

  static String optionalAbsolutePath(String resource, String field, String value) {
    return value == null ? null : absolutePath(resource, field, value);
  }

  static String nonEmpty(String resource, String field, String value) {
    if (value == null || value.isEmpty()) {
      throw new InvalidConfigException(resource + ": " + field + " is missing or empty");
    }
    return value;
  }

  static <T> List<T> list(String resource, String field, List<T> values) {
    if (values == null) {
      return List.of();
    }
    for (T v : values) {
      if (v == null) {
        throw new InvalidConfigException(resource + ": " + field + " contains a null entry");
      }
    }
    return List.copyOf(values);
  }

  /** Rejects two resources of one kind with the same name: Bacula would refuse the file. */
  static <T> List<T> uniqueNames(String kind, List<T> values, Function<T, String> name) {
    List<T> copy = list("Director configuration", kind + " list", values);
    Set<String> seen = new HashSet<>();
    List<String> dup = new ArrayList<>();
    for (T v : copy) {
      if (!seen.add(name.apply(v))) {
        dup.add(kind + " \"" + name.apply(v) + "\" is defined twice; names must be unique");
      }
    }
    if (!dup.isEmpty()) {
      throw new InvalidConfigException(dup);
    }
    return copy;
  }

  /** Shows control characters as escapes so an error message stays on one line. */
  static String printable(String value) {
    StringBuilder b = new StringBuilder();
    value
        .codePoints()
        .forEach(
            c -> {
              if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\u%04x", c));
              } else {
                b.appendCodePoint(c);
              }
            });
    return b.toString();
  }
}
