package io.backupcharms.localjuju.agent;

import io.backupcharms.localjuju.machine.MachineHost;
import io.backupcharms.localjuju.model.MachineState;
import java.nio.file.Path;

/**
 * The per-model controller daemon: {@code java ... ControllerMain <home> <model dir>}. Started by
 * the CLI; on start it brings back machines whose holder died (their layers persist) and requeues
 * nothing: queued hooks of a crashed controller are lost, like a crashed unit agent's.
 */
public final class ControllerMain {
  private ControllerMain() { }

  public static void main(String[] args) throws Exception {
    Path home = Path.of(args[0]);
    Path modelDir = Path.of(args[1]);
    Controller c = new Controller(home, modelDir);
    synchronized (c.st) {
      for (MachineState m : c.st.machines.values()) {
        if (!MachineHost.isAlive(m.holderPid)) {
          MachineHost.Running r = c.machines.start(modelDir.resolve("machines").resolve(m.id));
          m.holderPid = r.holderPid();
          m.unsharePid = r.unsharePid();
        }
      }
      c.save();
    }
    ModelCommands commands = new ModelCommands(c);
    AgentServer server = new AgentServer(c, commands);
    server.serve();
  }
}
