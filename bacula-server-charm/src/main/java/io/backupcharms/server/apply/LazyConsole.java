package io.backupcharms.server.apply;

import io.backupcharms.bacula.apply.DirectorControl;
import java.util.List;
import java.util.function.Supplier;

/** Connects to the Director on first use only, so a hook that changes nothing opens no console. */
final class LazyConsole implements DirectorControl, AutoCloseable {

  private final Supplier<DirectorControl> connect;
  private DirectorControl open;

  LazyConsole(Supplier<DirectorControl> connect) {
    this.connect = connect;
  }

  @Override
  public void reload() {
    control().reload();
  }

  @Override
  public List<String> jobNames() {
    return control().jobNames();
  }

  @Override
  public List<String> clientNames() {
    return control().clientNames();
  }

  @Override
  public List<String> messagesNames() {
    return control().messagesNames();
  }

  @Override
  public int activeJobs() {
    return control().activeJobs();
  }

  @Override
  public void close() {
    if (open instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        // The reload is done; a failed close of the console changes nothing.
      }
    }
    open = null;
  }

  private DirectorControl control() {
    if (open == null) {
      open = connect.get();
    }
    return open;
  }
}
