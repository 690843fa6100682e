package io.backupcharms.bacula;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Replaces one level-2 section of docs/reference/performance.md, leaving every other section alone.
 */
final class PerformanceDoc {
  private PerformanceDoc() {}

  static void writeSection(String heading, String body) throws IOException {
    String prop = System.getProperty("perf.doc");
    if (prop == null) {
      System.out.println("## " + heading + "\n\n" + body);
      return;
    }
    Path doc = Path.of(prop);
    String text = Files.readString(doc, StandardCharsets.UTF_8);
    String marker = "## " + heading + "\n";
    String section = marker + "\n" + body.strip() + "\n";
    int start = text.indexOf(marker);
    if (start < 0) {
      text = text.stripTrailing() + "\n\n" + section;
    } else {
      int end = text.indexOf("\n## ", start + marker.length());
      text = text.substring(0, start) + section + (end < 0 ? "" : "\n" + text.substring(end + 1));
    }
    Files.writeString(doc, text, StandardCharsets.UTF_8);
  }
}
