package io.backupcharms.localjuju.agent;

import io.backupcharms.localjuju.tools.HookContext;
import io.backupcharms.localjuju.tools.ToolResult;
import io.backupcharms.localjuju.tools.Tools;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves the model's unix socket: hook tool calls ({@code tool} requests, answered from the hook
 * context named by JUJU_CONTEXT_ID) and CLI commands ({@code cli} requests).
 */
final class AgentServer {
  private final Controller c;
  private final ModelCommands commands;
  private final Path socket;
  private final ExecutorService pool =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "agent-conn");
            t.setDaemon(true);
            return t;
          });
  private ServerSocketChannel server;

  AgentServer(Controller c, ModelCommands commands) {
    this.c = c;
    this.commands = commands;
    this.socket = c.modelDir.resolve("agent.sock");
  }

  void serve() throws IOException {
    Files.deleteIfExists(socket);
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    while (server.isOpen()) {
      SocketChannel ch;
      try {
        ch = server.accept();
      } catch (IOException e) {
        if (!server.isOpen()) {
          return;
        }
        throw e;
      }
      pool.submit(() -> handle(ch));
    }
  }

  void close() {
    try {
      if (server != null) {
        server.close();
      }
      Files.deleteIfExists(socket);
    } catch (IOException e) {
      System.err.println("closing " + socket + ": " + e);
    }
  }

  private void handle(SocketChannel ch) {
    try (ch) {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      ByteBuffer bb = ByteBuffer.allocate(65536);
      while (ch.read(bb) >= 0) {
        bb.flip();
        buf.write(bb.array(), 0, bb.limit());
        bb.clear();
      }
      List<String> req = Netstrings.decode(buf.toByteArray());
      ToolResult res;
      if (!req.isEmpty() && req.get(0).equals("tool") && req.size() >= 5) {
        res = tool(req);
      } else if (!req.isEmpty() && req.get(0).equals("cli") && req.size() >= 2) {
        res = commands.execute(Path.of(req.get(1)), req.subList(2, req.size()));
      } else {
        res = new ToolResult(1, "", "ERROR malformed request to the localjuju agent\n");
      }
      ByteBuffer out =
          ByteBuffer.wrap(
              Netstrings.encode(
                  List.of(Integer.toString(res.exitCode()), res.stdout(), res.stderr())));
      while (out.hasRemaining()) {
        ch.write(out);
      }
      if (commands.exitRequested()) {
        close();
        System.exit(0);
      }
    } catch (IOException | RuntimeException e) {
      System.err.println("agent connection failed: " + e);
    }
  }

  private ToolResult tool(List<String> req) {
    String token = req.get(1);
    String name = req.get(2);
    String stdin = req.get(3).equals("1") ? req.get(4) : null;
    List<String> args = req.subList(5, req.size());
    HookContext ctx = c.contexts.get(token);
    if (ctx == null) {
      return new ToolResult(
          1,
          "",
          "ERROR bad request: no hook context with id \""
              + token
              + "\"; hook tools work only inside a running hook, action or `localjuju exec`\n");
    }
    return Tools.call(ctx, name, args, stdin);
  }
}
