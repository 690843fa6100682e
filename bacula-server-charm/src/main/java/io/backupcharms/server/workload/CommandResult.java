package io.backupcharms.server.workload;

import java.util.Arrays;
import java.util.List;

/** The outcome of one command: argv, exit code and what it printed (stdout and stderr merged). */
public record CommandResult(List<String> argv, int exitCode, String output) {

  public CommandResult {
    argv = List.copyOf(argv);
  }

  /** True when the command exited 0. */
  public boolean isSuccess() {
    return exitCode == 0;
  }

  /** The last {@code lines} lines of output, for error messages. */
  public String tail(int lines) {
    String[] all = output.strip().split("\n");
    int from = Math.max(0, all.length - lines);
    return String.join("\n", Arrays.asList(all).subList(from, all.length));
  }
}
