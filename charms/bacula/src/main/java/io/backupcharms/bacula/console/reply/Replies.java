package io.backupcharms.bacula.console.reply;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsers for the Director's replies (Bacula 9.6.7 formats). */
public final class Replies {
  private static final Pattern VERSION =
      Pattern.compile("(?m)^(\\S+) Version: (\\S+) \\(([^)]+)\\)");
  private static final Pattern QUEUED = Pattern.compile("(?m)^Job queued\\. JobId=(\\d+)$");
  private static final Pattern LLIST_LINE = Pattern.compile("^\\s*(\\w+): ?(.*)$");
  private static final Pattern DAEMON =
      Pattern.compile(
          "(?ms)^(\\S+) Version: (\\S+) .*?^Daemon started [^\\n"
              + "]*?Jobs: run=(\\d+),? running=(\\d+)");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private Replies() {}

  /** Parses {@code version}. */
  public static DirectorVersion version(String text) {
    Matcher m = VERSION.matcher(text);
    if (!m.find()) {
      throw new ReplyFormatException(
          "no \"<name> Version: <x.y.z> (<date>)\" line in the version reply", text);
    }
    return new DirectorVersion(m.group(1), m.group(2), m.group(3));
  }

  /** The JobId in "Job queued. JobId=N" ({@code run}, {@code restore}). */
  public static long queuedJobId(String text) {
    Matcher m = QUEUED.matcher(text);
    if (!m.find()) {
      throw new ReplyFormatException("the job was not queued (no \"Job queued. JobId=N\")", text);
    }
    return Long.parseLong(m.group(1));
  }

  /** One name per line ({@code .jobs}, {@code .clients}). */
  public static List<String> names(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        out.add(line.strip());
      }
    }
    return out;
  }

  /**
   * {@code key=value} records separated by blank lines ({@code .status dir running|terminated} in
   * API mode). Section headers ({@code running:}) and the {@code ====} trailer are skipped.
   */
  public static List<Map<String, String>> keyValueRecords(String text) {
    List<Map<String, String>> out = new ArrayList<>();
    Map<String, String> cur = new LinkedHashMap<>();
    for (String line : text.split("\n", -1)) {
      int eq = line.indexOf('=');
      if (line.isBlank() || line.startsWith("====")) {
        if (!cur.isEmpty()) {
          out.add(cur);
          cur = new LinkedHashMap<>();
        }
      } else if (eq > 0 && line.substring(0, eq).matches("\\w+")) {
        cur.put(line.substring(0, eq), line.substring(eq + 1));
      } else if (!line.endsWith(":") && !line.equals("No Jobs running.")) {
        throw new ReplyFormatException(
            "unexpected line \"" + line + "\" in a key=value listing", text);
      }
    }
    if (!cur.isEmpty()) {
      out.add(cur);
    }
    return out;
  }

  /** Running jobs from {@code .status dir running} (API mode 2). */
  public static List<JobProgress> running(String text) {
    List<JobProgress> out = new ArrayList<>();
    for (Map<String, String> r : keyValueRecords(text)) {
      out.add(
          new JobProgress(
              number(r, "jobid", text),
              r.getOrDefault("name", ""),
              r.getOrDefault("clientname", ""),
              JobStatus.of(r.get("status")),
              number(r, "jobfiles", text),
              number(r, "jobbytes", text)));
    }
    return out;
  }

  /** {@code Key: value} records separated by blank lines ({@code llist}). */
  public static List<Map<String, String>> llistRecords(String text) {
    List<Map<String, String>> out = new ArrayList<>();
    Map<String, String> cur = new LinkedHashMap<>();
    for (String line : text.split("\n", -1)) {
      if (line.isBlank()) {
        if (!cur.isEmpty()) {
          out.add(cur);
          cur = new LinkedHashMap<>();
        }
        continue;
      }
      Matcher m = LLIST_LINE.matcher(line);
      if (!m.matches()) {
        throw new ReplyFormatException("unexpected line \"" + line + "\" in an llist reply", text);
      }
      cur.put(m.group(1), m.group(2));
    }
    if (!cur.isEmpty()) {
      out.add(cur);
    }
    return out;
  }

  /** Jobs from {@code llist jobid=N} or {@code llist jobs ...}. */
  public static List<JobRecord> jobs(String text) {
    List<JobRecord> out = new ArrayList<>();
    for (Map<String, String> r : llistRecords(text)) {
      if (!r.containsKey("JobId")) {
        throw new ReplyFormatException("an llist record without JobId", text);
      }
      out.add(
          new JobRecord(
              number(r, "JobId", text),
              r.getOrDefault("Job", ""),
              r.getOrDefault("Name", ""),
              r.getOrDefault("Type", ""),
              r.getOrDefault("Level", "").strip(),
              r.getOrDefault("ClientName", ""),
              JobStatus.of(r.get("JobStatus")),
              number(r, "JobFiles", text),
              number(r, "JobBytes", text),
              number(r, "JobErrors", text),
              r.getOrDefault("FileSet", ""),
              time(r.get("StartTime"), text),
              time(r.get("EndTime"), text)));
    }
    return out;
  }

  /** Rows of {@code .sql query=...}: one row per packet, each field followed by a tab. */
  public static List<List<String>> sqlRows(List<String> packets) {
    List<List<String>> rows = new ArrayList<>();
    for (String p : packets) {
      String row = p.endsWith("\n") ? p.substring(0, p.length() - 1) : p;
      if (row.isEmpty()) {
        continue;
      }
      if (!row.endsWith("\t")) {
        throw new ReplyFormatException("a .sql row that does not end with a tab", p);
      }
      List<String> fields =
          new ArrayList<>(List.of(row.substring(0, row.length() - 1).split("\t", -1)));
      rows.add(fields);
    }
    return rows;
  }

  /**
   * Rows of a one-column {@code .sql query=...}: each packet is one value followed by a tab (and
   * perhaps a newline); the value itself may hold tabs.
   */
  public static List<String> sqlSingleColumn(List<String> packets) {
    List<String> out = new ArrayList<>();
    for (String p : packets) {
      String row = p.endsWith("\t\n") ? p.substring(0, p.length() - 1) : p;
      if (row.isEmpty() || row.equals("\n")) {
        continue;
      }
      if (!row.endsWith("\t")) {
        throw new ReplyFormatException("a .sql row that does not end with a tab", p);
      }
      out.add(row.substring(0, row.length() - 1));
    }
    return out;
  }

  /** The header of {@code status client=X} / {@code status storage=X}. */
  public static DaemonStatus daemonStatus(String text) {
    Matcher m = DAEMON.matcher(text);
    if (!m.find()) {
      throw new ReplyFormatException(
          "no \"<name> Version:\" and \"Daemon started ... Jobs: run=\" lines;"
              + " the daemon may be unreachable",
          text);
    }
    return new DaemonStatus(
        m.group(1), m.group(2), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), text);
  }

  /**
   * The header of {@code status dir} in API mode ({@code name=}, {@code version=}, {@code
   * jobs_run=}...).
   */
  public static DaemonStatus directorStatus(String text) {
    for (Map<String, String> r : keyValueRecords(text)) {
      if (r.containsKey("name") && r.containsKey("version") && r.containsKey("jobs_run")) {
        return new DaemonStatus(
            r.get("name"),
            r.get("version").split(" ")[0],
            (int) number(r, "jobs_run", text),
            (int) number(r, "jobs_running", text),
            text);
      }
    }
    throw new ReplyFormatException(
        "no header record with name, version and jobs_run in status dir", text);
  }

  private static long number(Map<String, String> r, String key, String text) {
    String v = r.get(key);
    if (v == null) {
      throw new ReplyFormatException("field " + key + " is missing", text);
    }
    try {
      return Long.parseLong(v.strip().replace(",", ""));
    } catch (NumberFormatException e) {
      throw new ReplyFormatException("field " + key + " is not a number: \"" + v + "\"", text);
    }
  }

  private static LocalDateTime time(String v, String text) {
    if (v == null || v.isBlank() || v.strip().equals("0") || v.startsWith("0000")) {
      return null;
    }
    try {
      return LocalDateTime.parse(v.strip(), TIME);
    } catch (DateTimeParseException e) {
      throw new ReplyFormatException("\"" + v + "\" is not a time", text);
    }
  }
}
