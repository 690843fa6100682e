package io.backupcharms.localjuju.agent;

import io.backupcharms.localjuju.machine.MachineHost;
import io.backupcharms.localjuju.model.MachineState;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The per-model controller daemon: {@code java ... ControllerMain <home> <model dir>}. Started by
 * the CLI; on start it brings back machines whose holder died (their layers persist) and requeues
 * nothing: queued hooks of a crashed controller are lost, like a crashed unit agent's.
 */
public final class ControllerMain {
  private ControllerMain() {}

  public static void main(String[] args) throws Exception {
    Path home = Path.of(args[0]);
    Path modelDir = Path.of(args[1]);
    // Two CLI commands may race to start the controller: only one may own the model's state.
    FileChannel lockFile =
        FileChannel.open(
            modelDir.resolve("controller.lock"),
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE);
    FileLock lock = lockFile.tryLock();
    if (lock == null) {
      System.err.println("another controller already serves " + modelDir + "; exiting");
      return;
    }
    Files.writeString(
        modelDir.resolve("controller.pid"), Long.toString(ProcessHandle.current().pid()));
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
    new UpdateStatusTimer(c).start();
    ModelCommands commands = new ModelCommands(c);
    AgentServer server = new AgentServer(c, commands);
    server.serve();
    lock.release();
  }
}
