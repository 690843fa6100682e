package io.backupcharms.bacula;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backupcharms.bacula.host.Command;
import io.backupcharms.bacula.host.CommandResult;
import io.backupcharms.bacula.host.HostException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs Bacula's own tools on files the tests render: the daemons' -t and bdirjson. */
public final class BaculaTools {
  private BaculaTools() {}

  /**
   * Runs a tool to its end with the library's own runner; a tool that is missing or hangs fails the
   * test with its command line.
   */
  public static CommandResult run(List<String> argv) {
    try {
      return Command.of(argv, Duration.ofSeconds(60)).run().requireExited();
    } catch (HostException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  /** Runs {@code program -t -c file} and fails with its output unless it accepts the file. */
  public static void assertAccepted(String program, Path file) {
    CommandResult r = run(List.of(program, "-t", "-c", file.toAbsolutePath().toString()));
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
    CommandResult r = run(List.of("/usr/sbin/" + tool, "-c", file.toAbsolutePath().toString()));
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
