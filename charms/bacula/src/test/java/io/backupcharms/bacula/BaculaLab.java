package io.backupcharms.bacula;

import io.backupcharms.bacula.apply.CatalogSetup;
import io.backupcharms.bacula.apply.Daemon;
import io.backupcharms.bacula.apply.ServiceControl;
import io.backupcharms.bacula.config.DirectorConfig;
import io.backupcharms.bacula.config.Tls;
import io.backupcharms.bacula.render.BaculaRenderer;
import io.backupcharms.bacula.testing.BaculaDaemon;
import io.backupcharms.bacula.testing.FreePorts;
import io.backupcharms.bacula.tls.CertificateAuthority;
import io.backupcharms.bacula.tls.KeyAndCertificate;
import io.backupcharms.bacula.tls.TlsContexts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Real bacula-dir, bacula-sd and bacula-fd on 127.0.0.1 (free ports, a temporary directory, a
 * SQLite catalog), shared by one test class and always stopped by PID. Use with
 * {@code @RegisterExtension static final BaculaLab LAB = new BaculaLab();}.
 */
public final class BaculaLab implements BeforeAllCallback, AfterAllCallback {
  public static final String ADDRESS = "127.0.0.1";
  private final Map<Daemon, BaculaDaemon> running = new EnumMap<>(Daemon.class);
  private final BiFunction<Path, String, String> directorHook;
  private final boolean tls;
  private Path dir;
  private Samples samples;
  private CertificateAuthority authority;
  private KeyAndCertificate own;

  /** A lab with the sample configuration. */
  public BaculaLab() {
    this((dir, text) -> text);
  }

  /**
   * A lab whose rendered Director file is passed through {@code directorHook(labDir, text)} first,
   * for directives the model does not have (TLS in tests).
   */
  public BaculaLab(BiFunction<Path, String, String> directorHook) {
    this(directorHook, false);
  }

  private BaculaLab(BiFunction<Path, String, String> directorHook, boolean tls) {
    this.directorHook = directorHook;
    this.tls = tls;
  }

  /**
   * A lab whose three daemons require TLS of each other and of consoles, with certificates for
   * {@link #ADDRESS} from an authority of its own ({@link #tlsContext()}).
   */
  public static BaculaLab withTls() {
    return new BaculaLab((dir, text) -> text, true);
  }

  /** A context that trusts the lab's authority and presents the daemons' own certificate. */
  public SSLContext tlsContext() {
    return TlsContexts.mutual(authority.certificate(), own);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    requirePackages();
    dir = Files.createTempDirectory("bacula-lab");
    for (String d : List.of("work", "log", "volumes", "restores", "data", "etc", "tls")) {
      Files.createDirectories(dir.resolve(d));
    }
    Tls files = null;
    if (tls) {
      authority = CertificateAuthority.create("bacula-lab-ca");
      own = authority.issue(ADDRESS);
      Files.writeString(dir.resolve("tls/ca.pem"), authority.certificate());
      Files.writeString(dir.resolve("tls/own.pem"), own.certificate());
      Files.writeString(dir.resolve("tls/own.key"), own.key());
      files =
          Tls.required(
              dir.resolve("tls/ca.pem").toString(),
              dir.resolve("tls/own.pem").toString(),
              dir.resolve("tls/own.key").toString());
    }
    samples =
        new Samples(
            dir,
            ADDRESS,
            FreePorts.on(ADDRESS),
            FreePorts.on(ADDRESS),
            FreePorts.on(ADDRESS),
            files);
    CatalogSetup.createSqlite(dir.resolve("work"), "bacula");
    write(Daemon.STORAGE, BaculaRenderer.render(samples.storageDaemonConfig()));
    write(Daemon.FILE, BaculaRenderer.render(samples.fileDaemonConfig()));
    write(
        Daemon.DIRECTOR,
        directorHook.apply(
            dir, BaculaRenderer.render(samples.directorConfig(List.of(data().toString())))));
    try {
      start(Daemon.STORAGE);
      start(Daemon.FILE);
      start(Daemon.DIRECTOR);
    } catch (RuntimeException | IOException e) {
      afterAll(context);
      throw e;
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    for (Daemon d : List.of(Daemon.DIRECTOR, Daemon.FILE, Daemon.STORAGE)) {
      stop(d);
    }
    if (dir != null && System.getenv("BACULA_LAB_KEEP") == null) {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  public Samples samples() {
    return samples;
  }

  public Path dir() {
    return dir;
  }

  /** The directory the sample FileSet backs up. */
  public Path data() {
    return dir.resolve("data");
  }

  public Path config(Daemon d) {
    return dir.resolve("etc/" + d.binary() + ".conf");
  }

  public Path directorLog() {
    return dir.resolve("log/" + Daemon.DIRECTOR.binary() + ".out");
  }

  /** The Director configuration the lab started with. */
  public DirectorConfig directorConfig() {
    return samples.directorConfig(List.of(data().toString()));
  }

  /** Starts and restarts daemons this lab started, by PID: the test stand-in for systemctl. */
  public ServiceControl serviceControl() {
    return new ServiceControl() {
      @Override
      public boolean isActive(Daemon daemon) {
        BaculaDaemon d = running.get(daemon);
        return d != null && d.isAlive();
      }

      @Override
      public void start(Daemon daemon) {
        try {
          BaculaLab.this.start(daemon);
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }

      @Override
      public void restart(Daemon daemon) {
        stop(daemon);
        start(daemon);
      }
    };
  }

  private void write(Daemon d, String text) throws IOException {
    Files.writeString(config(d), text, StandardCharsets.UTF_8);
  }

  void start(Daemon d) throws IOException {
    int port =
        switch (d) {
          case DIRECTOR -> samples.dirPort();
          case FILE -> samples.fdPort();
          case STORAGE -> samples.sdPort();
        };
    running.put(
        d,
        BaculaDaemon.start(d, config(d), ADDRESS, port, dir.resolve("log/" + d.binary() + ".out")));
  }

  void stop(Daemon d) {
    BaculaDaemon running = this.running.remove(d);
    if (running != null) {
      running.close();
    }
  }

  /** Installs the Debian packages when a daemon is missing, as the issue's test command must. */
  private static void requirePackages() throws IOException, InterruptedException {
    if (Stream.of(Daemon.values()).allMatch(d -> Files.isExecutable(Path.of(d.path())))) {
      return;
    }
    Process p =
        new ProcessBuilder(
                "sh",
                "-c",
                "apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q"
                    + " bacula-director bacula-director-sqlite3 bacula-sd bacula-fd bacula-console"
                    + " sqlite3")
            .inheritIO()
            .start();
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException(
          "installing the Bacula packages failed; run scripts/install-deps.sh");
    }
  }
}
