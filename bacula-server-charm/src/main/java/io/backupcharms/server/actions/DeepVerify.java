package io.backupcharms.server.actions;

import io.backupcharms.bacula.console.Director;
import io.backupcharms.bacula.console.DirectorAnswerException;
import io.backupcharms.server.config.DeepVerifyJob;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The comparison of {@code verify deep=true}: the checksums a restore's client script printed
 * ({@link DeepVerifyJob}) against those the catalog holds for the newest version of each regular
 * file of the restored jobs. Paths are kept as ISO-8859-1 strings of their bytes, so a file name
 * that is not UTF-8 compares as exactly as any other.
 */
final class DeepVerify {

  /** The outcome: files compared, and each problem (a differing, missing or extra file). */
  record Outcome(int compared, List<String> problems) {
    boolean isGood() {
      return problems.isEmpty();
    }
  }

  private DeepVerify() {}

  /**
   * The restored files' checksums from the restore job's log, by path as backed up ({@code
   * /srv/data/a}).
   *
   * @throws ActionFailedException when the log holds no complete list (the script did not run)
   */
  static Map<String, byte[]> restored(List<String> log) {
    StringBuilder base64 = new StringBuilder();
    boolean inside = false;
    boolean ended = false;
    for (String row : log) {
      for (String line : row.split("\n")) {
        int at = line.indexOf("ClientAfterJob: ");
        if (at < 0) {
          continue;
        }
        String text = line.substring(at + "ClientAfterJob: ".length()).strip();
        if (text.equals(DeepVerifyJob.BEGIN)) {
          inside = true;
        } else if (text.equals(DeepVerifyJob.END)) {
          ended = inside;
          inside = false;
        } else if (inside) {
          base64.append(text);
        }
      }
    }
    if (!ended) {
      throw new ActionFailedException(
          "the deep verify's restore left no checksum list in its job log: the client's"
              + " after-restore script did not run or was cut short; see the job log with"
              + " list-backups and the File Daemon's journal",
          Map.of());
    }
    byte[] records = Base64.getMimeDecoder().decode(base64.toString());
    Map<String, byte[]> out = new LinkedHashMap<>();
    int start = 0;
    for (int i = 0; i < records.length; i++) {
      if (records[i] == 0) {
        parseRecord(new String(records, start, i - start, StandardCharsets.ISO_8859_1), out);
        start = i + 1;
      }
    }
    return out;
  }

  /** One {@code md5sum -z} record: {@code <hex> ./path} (or {@code <hex> *./path}). */
  private static void parseRecord(String record, Map<String, byte[]> out) {
    int space = record.indexOf(' ');
    if (space < 0 || record.length() < space + 3) {
      return;
    }
    String hex = record.substring(0, space);
    String path = record.substring(space + 2);
    if (path.startsWith("./")) {
      path = path.substring(1);
    }
    out.put(path, HexFormat.of().parseHex(hex));
  }

  /**
   * Compares {@code restored} with {@code expected} (the catalog's, by path). A file the catalog
   * has and the restore lacks, or a checksum that differs, is a problem; so is a restored file the
   * catalog does not know.
   */
  static Outcome compare(Map<String, byte[]> expected, Map<String, byte[]> restored) {
    List<String> problems = new ArrayList<>();
    Map<String, byte[]> left = new TreeMap<>(restored);
    for (Map.Entry<String, byte[]> e : new TreeMap<>(expected).entrySet()) {
      byte[] got = left.remove(e.getKey());
      if (got == null) {
        problems.add(show(e.getKey()) + " was not restored");
      } else if (!Arrays.equals(got, e.getValue())) {
        problems.add(show(e.getKey()) + " does not match its checksum");
      }
    }
    left.keySet().forEach(p -> problems.add(show(p) + " was restored but is not in the catalog"));
    return new Outcome(expected.size(), problems);
  }

  /**
   * A catalog digest: Bacula stores it in base64 without padding. Padding is added before decoding;
   * anything that does not decode to a digest is returned empty.
   */
  static byte[] catalogDigest(String value) {
    String v = value.strip();
    if (v.isEmpty() || v.equals("0")) {
      return new byte[0];
    }
    String padded = v + "==".substring(0, (4 - v.length() % 4) % 4);
    try {
      return Base64.getDecoder().decode(padded);
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }

  /** A path for a message: its bytes as UTF-8 where they are, escaped where not printable. */
  static String show(String latin1Path) {
    String text =
        new String(latin1Path.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder("\"");
    text.codePoints()
        .forEach(
            c -> {
              if (c < 0x20 || c == 0x7f || c == '"' || c == '\\' || c == 0xfffd) {
                out.append(String.format("\\x%02x", c & 0xff));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.append('"').toString();
  }

  /**
   * The catalog's digest of the newest version of each regular file of {@code chain} (a Full and
   * the jobs after it), by path. A later job's deletion record (FileIndex 0) removes the file;
   * directories, links and empty digests are left out. Paths come hex-encoded, so no name can break
   * the answer's rows: SQLite's {@code hex()}, or PostgreSQL's {@code encode()}.
   */
  static Map<String, byte[]> expected(Director director, List<Long> chain) {
    String from =
        " FROM File f JOIN Path p ON p.PathId = f.PathId JOIN Filename n"
            + " ON n.FilenameId = f.FilenameId WHERE f.JobId IN ("
            + JobResults.join(chain)
            + ")"
            + " AND n.Name <> '' ORDER BY f.JobId, f.FileId";
    List<List<String>> rows;
    try {
      rows = director.select("f.FileIndex, f.MD5, hex(p.Path || n.Name)" + from, 3);
    } catch (DirectorAnswerException e) {
      rows = List.of();
    }
    if (rows.isEmpty()) {
      rows =
          director.select(
              "f.FileIndex, f.MD5, encode(convert_to(p.Path || n.Name, 'SQL_ASCII'),"
                  + " 'hex')"
                  + from,
              3);
    }
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (List<String> row : rows) {
      String path =
          new String(
              HexFormat.of().parseHex(row.get(2).strip().toLowerCase(Locale.ROOT)),
              StandardCharsets.ISO_8859_1);
      byte[] digest = catalogDigest(row.get(1));
      if (Long.parseLong(row.get(0).strip()) <= 0 || digest.length == 0) {
        out.remove(path);
      } else {
        out.put(path, digest);
      }
    }
    return out;
  }
}
