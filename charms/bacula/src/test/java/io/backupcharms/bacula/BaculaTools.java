package io.backupcharms.bacula;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Bacula's own tools on files the tests render: the daemons' -t and bdirjson. */
public final class BaculaTools {
  private BaculaTools() {}

  public record Result(int exitCode, String output) {}

  public static Result run(List<String> argv) {
    try {
      Path out = Files.createTempFile("bacula-tool", ".out");
      try {
        Process p =
            new ProcessBuilder(argv)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new AssertionError(argv + " timed out");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
      }
    } catch (IOException e) {
      throw new AssertionError("cannot run " + argv + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Runs {@code program -t -c file} and fails with its output unless it accepts the file. */
  public static void assertAccepted(String program, Path file) {
    Result r = run(List.of(program, "-t", "-c", file.toAbsolutePath().toString()));
    if (r.exitCode() != 0) {
      throw new AssertionError(program + " -t rejected " + file + ":\n" + r.output());
    }
  }

  /** What the Director parsed, as bdirjson prints it: a list of {Kind: {...}} objects. */
  public static List<JsonNode> bdirjson(Path file) {
    return json("bdirjson", file);
  }

  /** What a File Daemon ({@code bfdjson}) or Storage Daemon ({@code bsdjson}) parsed. */
  public static List<JsonNode> json(String tool, Path file) {
    Result r = run(List.of("/usr/sbin/" + tool, "-c", file.toAbsolutePath().toString()));
    if (r.exitCode() != 0) {
      throw new AssertionError(tool + " rejected " + file + ":\n" + r.output());
    }
    try {
      List<JsonNode> out = new ArrayList<>();
      new ObjectMapper().readTree(r.output()).forEach(out::add);
      return out;
    } catch (IOException e) {
      throw new AssertionError("bdirjson printed no JSON:\n" + r.output(), e);
    }
  }

  /** The resources of one kind in bdirjson's output. */
  public static List<JsonNode> resources(List<JsonNode> parsed, String kind) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode n : parsed) {
      if (n.has(kind)) {
        out.add(n.get(kind));
      }
    }
    return out;
  }
}
