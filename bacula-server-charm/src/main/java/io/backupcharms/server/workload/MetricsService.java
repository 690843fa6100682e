package io.backupcharms.server.workload;

import io.backupcharms.bacula.host.Systemctl;
import io.backupcharms.server.metrics.ExporterConfig;
import io.backupcharms.server.metrics.ExporterMain;
import io.backupcharms.server.metrics.OffsiteState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The {@code bacula-server-exporter} systemd service: its unit file and its configuration, both
 * rewritten only when they change, and a restart only then, so an unchanged hook leaves a running
 * exporter alone.
 */
public final class MetricsService {

  /** The systemd unit. */
  public static final String UNIT = "bacula-server-exporter.service";

  private final Path unitFile;
  private final Path configFile;

  /**
   * @param unitFile where systemd reads the unit
   * @param configFile the exporter's configuration (holds the console password)
   */
  public MetricsService(Path unitFile, Path configFile) {
    this.unitFile = unitFile;
    this.configFile = configFile;
  }

  /** Debian's places. */
  public static MetricsService debian() {
    return new MetricsService(
        Path.of("/etc/systemd/system/" + UNIT), Path.of("/etc/bacula/exporter.json"));
  }

  /**
   * The unit file: the JRE this hook runs on, by its absolute path (never the machine's default
   * {@code java}), and the charm's jars; a small heap, as it holds one scrape at a time.
   */
  public String unitText(String java, Path charmDir) {
    return String.join(
        "\n",
        "# Written by the bacula-server charm.",
        "[Unit]",
        "Description=Bacula server metrics for Prometheus (bacula-server charm)",
        "After=network-online.target",
        "",
        "[Service]",
        "Type=simple",
        "User=" + ServerLayout.USER,
        "Group=" + ServerLayout.USER,
        "ExecStart="
            + java
            + " -XX:+UseSerialGC -Xmx48m -XX:TieredStopAtLevel=1 -cp "
            + charmDir.resolve("lib")
            + "/* "
            + ExporterMain.class.getName()
            + " "
            + configFile,
        "Restart=always",
        "RestartSec=5",
        "",
        "[Install]",
        "WantedBy=multi-user.target",
        "");
  }

  /** Writes both files and (re)starts the service when either changed or it is not running. */
  public void apply(ExporterConfig config, String java, Path charmDir) {
    boolean unitChanged = write(unitFile, unitText(java, charmDir), "rw-r--r--", false);
    boolean configChanged = write(configFile, config.toJson(), "rw-r-----", true);
    Systemctl systemctl = new Systemctl();
    if (unitChanged) {
      systemctl.daemonReload();
      systemctl.enable(UNIT);
    }
    if (unitChanged || configChanged || !systemctl.isActive(UNIT)) {
      systemctl.restart(UNIT);
    }
  }

  /**
   * Leaves the off-machine copy's state where the running exporter reads it at each scrape; no
   * restart, since it changes with every copy pass. It holds no secret.
   */
  public static void publish(Path file, OffsiteState state) {
    write(file, state.toJson(), "rw-r--r--", false);
  }

  private static boolean write(Path file, String text, String mode, boolean groupBacula) {
    try {
      if (Files.isRegularFile(file) && Files.readString(file).equals(text)) {
        return false;
      }
      Files.createDirectories(file.getParent());
      Path tmp =
          Files.createTempFile(
              file.getParent(),
              ".exporter",
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(tmp, text);
      if (groupBacula) {
        GroupPrincipal group =
            file.getFileSystem()
                .getUserPrincipalLookupService()
                .lookupPrincipalByGroupName(ServerLayout.USER);
        Files.getFileAttributeView(tmp, PosixFileAttributeView.class).setGroup(group);
      }
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString(mode));
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
