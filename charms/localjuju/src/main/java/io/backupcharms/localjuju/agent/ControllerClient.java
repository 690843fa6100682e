package io.backupcharms.localjuju.agent;

import io.backupcharms.localjuju.tools.ToolResult;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** The CLI's side of the controller: starts it when needed and forwards commands to it. */
public final class ControllerClient {
  private static final long START_TIMEOUT_MS = 60_000;
  private final Path home;
  private final Path modelDir;

  /** A client for the model in {@code modelDir} under localjuju home {@code home}. */
  public ControllerClient(Path home, Path modelDir) {
    this.home = home;
    this.modelDir = modelDir;
  }

  /** Sends a CLI command; starts the controller first if it is not running. */
  public ToolResult send(Path cwd, List<String> args) throws IOException {
    ensureRunning();
    List<String> req = new ArrayList<>();
    req.add("cli");
    req.add(cwd.toString());
    req.addAll(args);
    return call(req);
  }

  /** True when the controller answers on its socket. */
  public boolean isRunning() {
    try {
      return call(List.of("cli", "/", "ping")).exitCode() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** Starts the controller daemon (in its own session) unless it already answers. */
  public void ensureRunning() throws IOException {
    if (isRunning()) {
      return;
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "setsid",
                java,
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Xss512k",
                "-Xmx256m",
                "-cp",
                stableClasspath(),
                ControllerMain.class.getName(),
                home.toString(),
                modelDir.toString()));
    File log = modelDir.resolve("controller.log").toFile();
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();

    long end = System.currentTimeMillis() + START_TIMEOUT_MS;
    while (!isRunning()) {
      // A controller that lost the start race exits at once; the winner will answer.
      if ((!p.isAlive() && p.exitValue() != 0) || System.currentTimeMillis() > end) {
        p.destroyForcibly();
        throw new IOException(
            "the controller of model "
                + modelDir.getFileName()
                + " did not start; see "
                + log
                + ": "
                + tail(log.toPath()));
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while starting the controller", e);
      }
    }
  }

  /**
   * The controller outlives the CLI, and {@code mvn package} rewrites the jar under it (which
   * breaks a running JVM's class loading): a single-jar class path is copied to home/lib first.
   */
  private String stableClasspath() throws IOException {
    String cp = System.getProperty("java.class.path");
    Path jar = Path.of(cp);
    if (cp.contains(File.pathSeparator) || !cp.endsWith(".jar") || !Files.isRegularFile(jar)) {
      return cp;
    }
    Path lib = home.resolve("lib");
    Files.createDirectories(lib);
    Path copy =
        lib.resolve(
            "localjuju-"
                + Files.size(jar)
                + "-"
                + Files.getLastModifiedTime(jar).toMillis()
                + ".jar");
    if (!Files.exists(copy)) {
      Path tmp = lib.resolve(copy.getFileName() + ".tmp" + ProcessHandle.current().pid());
      Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(tmp, copy, StandardCopyOption.ATOMIC_MOVE);
    }
    return copy.toString();
  }

  /** The controller's PID, or -1. */
  public long controllerPid() {
    try {
      return Long.parseLong(Files.readString(modelDir.resolve("controller.pid")).trim());
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }

  private ToolResult call(List<String> req) throws IOException {
    Path sock = modelDir.resolve("agent.sock");
    if (!Files.exists(sock)) {
      throw new IOException("no controller socket at " + sock);
    }
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.connect(UnixDomainSocketAddress.of(sock));
      ByteBuffer out = ByteBuffer.wrap(Netstrings.encode(req));
      while (out.hasRemaining()) {
        ch.write(out);
      }
      ch.shutdownOutput();
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      ByteBuffer bb = ByteBuffer.allocate(65536);
      while (ch.read(bb) >= 0) {
        bb.flip();
        buf.write(bb.array(), 0, bb.limit());
        bb.clear();
      }
      List<String> f = Netstrings.decode(buf.toByteArray());
      if (f.size() < 3) {
        throw new IOException("the controller closed the connection without an answer");
      }
      return new ToolResult(Integer.parseInt(f.get(0)), f.get(1), f.get(2));
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }
}
