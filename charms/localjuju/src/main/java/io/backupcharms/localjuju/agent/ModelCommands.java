package io.backupcharms.localjuju.agent;

import io.backupcharms.localjuju.tools.ToolResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/** Runs a CLI command inside the controller, capturing what it prints and its exit code. */
final class ModelCommands {
  private final Controller c;
  private volatile boolean exit;

  ModelCommands(Controller c) {
    this.c = c;
  }

  boolean exitRequested() {
    return exit;
  }

  void requestExit() {
    exit = true;
  }

  ToolResult execute(Path cwd, List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Session s = new Session(c, this, cwd, new PrintWriter(out, true), new PrintWriter(err, true));
    CommandLine cl = new CommandLine(s);
    cl.setOut(s.out);
    cl.setErr(s.err);
    cl.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof Lifecycle.ModelError || e instanceof IllegalArgumentException) {
            s.err.println("ERROR " + e.getMessage());
            return 1;
          }
          s.err.println("ERROR " + e);
          e.printStackTrace(s.err);
          return 1;
        });
    int rc = cl.execute(args.toArray(new String[0]));
    s.out.flush();
    s.err.flush();
    return new ToolResult(rc, out.toString(), err.toString());
  }
}
