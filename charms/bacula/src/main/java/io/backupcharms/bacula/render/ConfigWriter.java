package io.backupcharms.bacula.render;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes resources in Bacula's syntax, one directive per line. Every caller-supplied string goes
 * through {@link #quoted}, the only place that decides how a string reaches the lexer; problems are
 * collected so that one render reports all of them.
 */
final class ConfigWriter {
  private final StringBuilder out = new StringBuilder();
  private final List<String> problems = new ArrayList<>();
  private final List<String> open = new ArrayList<>();
  private String resource = "";

  void comment(String text) {
    out.append("# ").append(text).append('\n');
  }

  /** Opens a top-level resource and writes its quoted Name. */
  void begin(String kind, String name) {
    resource = kind + " \"" + name + "\"";
    line(kind + " {");
    open.add(kind);
    quoted("Name", name);
  }

  /** Opens a nested block such as Include, Options or RunScript. */
  void block(String kind) {
    line(kind + " {");
    open.add(kind);
  }

  void end() {
    open.remove(open.size() - 1);
    line("}");
    if (open.isEmpty()) {
      out.append('\n');
    }
  }

  /** A string directive, quoted and escaped; null leaves the directive out. */
  void quoted(String key, String value) {
    if (value != null) {
      line(key + " = " + quote(key, value));
    }
  }

  /**
   * A directive whose value Bacula only reads unquoted (keywords, addresses, Run lines). Only for
   * values the model has already restricted to safe characters.
   */
  void word(String key, String value) {
    if (value != null) {
      line(key + " = " + value);
    }
  }

  void number(String key, Number value) {
    if (value != null) {
      line(key + " = " + value);
    }
  }

  void bool(String key, Boolean value) {
    if (value != null) {
      line(key + " = " + (value ? "yes" : "no"));
    }
  }

  void duration(String key, Duration value) {
    if (value != null) {
      line(key + " = " + durationText(value));
    }
  }

  /** A raw line, assembled by the caller from {@link #quote} and trusted keywords. */
  void raw(String text) {
    line(text);
  }

  /** Quotes a string for Bacula's lexer, or records why it cannot be written. */
  /**
   * The longest quoted string Bacula's lexer takes, in bytes between the quotes as written (escapes
   * included): measured on bacula-dir 9.6.7, which reads 4999 bytes.
   */
  static final int MAX_STRING_BYTES = 4999;

  String quote(String key, String value) {
    StringBuilder b = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c)) {
        problems.add(
            resource
                + ": "
                + key
                + " contains the control character "
                + String.format("U+%04X", (int) c)
                + " at position "
                + i
                + "; Bacula configuration strings cannot hold control characters,"
                + " newlines or NUL. Remove it");
        return "\"\"";
      }
      if (Character.isSurrogate(c)
          && !(Character.isHighSurrogate(c)
              && i + 1 < value.length()
              && Character.isLowSurrogate(value.charAt(i + 1)))
          && !(Character.isLowSurrogate(c)
              && i > 0
              && Character.isHighSurrogate(value.charAt(i - 1)))) {
        problems.add(
            resource
                + ": "
                + key
                + " contains a broken UTF-16 surrogate at position "
                + i
                + "; it has no UTF-8 form. Fix the text's encoding");
        return "\"\"";
      }
      if (c == '"' || c == '\\') {
        b.append('\\');
      }
      b.append(c);
    }
    int bytes = b.substring(1).getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_STRING_BYTES) {
      problems.add(
          resource
              + ": "
              + key
              + " is "
              + bytes
              + " bytes long; Bacula reads at most "
              + MAX_STRING_BYTES
              + " bytes in one string (bacula-dir 9.6 crashes on 5000 and"
              + " refuses longer ones). Shorten it");
      return "\"\"";
    }
    return b.append('"').toString();
  }

  /** Records a problem of the resource being written; the render then fails listing it. */
  void problem(String text) {
    problems.add(resource + ": " + text);
  }

  List<String> problems() {
    return problems;
  }

  String text() {
    return out.toString();
  }

  private void line(String text) {
    out.append("  ".repeat(open.size())).append(text).append('\n');
  }

  static String durationText(Duration d) {
    long s = d.getSeconds();
    if (s % 86_400 == 0) {
      return s / 86_400 + " days";
    }
    if (s % 3_600 == 0) {
      return s / 3_600 + " hours";
    }
    if (s % 60 == 0) {
      return s / 60 + " minutes";
    }
    return s + " seconds";
  }
}
