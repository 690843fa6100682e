package io.backupcharms.bacula;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.backupcharms.bacula.apply.CatalogSetup;
import io.backupcharms.bacula.config.Client;
import io.backupcharms.bacula.config.DirectorConfig;
import io.backupcharms.bacula.config.FileSet;
import io.backupcharms.bacula.config.Job;
import io.backupcharms.bacula.console.ConsoleSettings;
import io.backupcharms.bacula.console.DirectorConsole;
import io.backupcharms.bacula.render.BaculaRenderer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Benchmarks for docs/reference/performance.md, run by bench/bacula/run.sh (not by the test
 * command: the class name does not end in Test). Writes its two sections of that page.
 */
class BaculaBenchmark {
  private static final String[] COMMANDS = {"version", ".jobs", ".clients"};

  @Test
  void renderAndValidateThousandClients() throws Exception {
    Path dir = Files.createTempDirectory("bench-render");
    try {
      Samples s = new Samples(dir, "127.0.0.1", 9101, 9102, 9103);
      CatalogSetup.createSqlite(Files.createDirectories(dir.resolve("work")), "bacula");
      long t0 = System.nanoTime();
      DirectorConfig c = thousandClients(s);
      String cold = BaculaRenderer.render(c);
      long coldRender = System.nanoTime() - t0;
      List<Long> warm = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        long t = System.nanoTime();
        assertEquals(cold, BaculaRenderer.render(thousandClients(s)));
        warm.add(System.nanoTime() - t);
      }
      Path file = Files.writeString(dir.resolve("bacula-dir.conf"), cold, StandardCharsets.UTF_8);
      List<Long> checks = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        long t = System.nanoTime();
        BaculaTools.assertAccepted("/usr/sbin/bacula-dir", file);
        checks.add(System.nanoTime() - t);
      }
      long total = coldRender + median(checks);
      String body =
          String.format(
              Locale.ROOT,
              """
              Benchmark: `bench/bacula/run.sh`
              (`BaculaBenchmark.renderAndValidateThousandClients`). A Director
              configuration with 1,000 Clients, 1,000 FileSets and 2,000 Jobs (%,d
              lines, %,d bytes), built and rendered in a fresh JVM, then checked with
              `bacula-dir -t` (SQLite catalog).

              | step | time |
              | --- | --- |
              | build model + render, first run in the JVM | %d ms |
              | build model + render, warm (median of 5) | %d ms |
              | `bacula-dir -t -c` (median of 3) | %d ms |
              | **first render + `-t`** | **%d ms** |

              Target: under 2 s. Result: %s.
              """,
              cold.lines().count(),
              cold.getBytes(StandardCharsets.UTF_8).length,
              ms(coldRender),
              ms(median(warm)),
              ms(median(checks)),
              ms(total),
              total < 2_000_000_000L ? "met" : "NOT met");
      PerformanceDoc.writeSection("Bacula config rendering", body);
    } finally {
      Trees.delete(dir);
    }
  }

  @Test
  void consoleCommandsOverOneConnectionAgainstBconsole() throws Exception {
    BaculaLab lab = new BaculaLab();
    lab.beforeAll(null);
    try {
      ConsoleSettings settings =
          ConsoleSettings.of(BaculaLab.ADDRESS, lab.samples().dirPort(), Samples.CONSOLE_PASSWORD);
      try (DirectorConsole warmUp = DirectorConsole.connect(settings)) {
        for (int i = 0; i < 30; i++) {
          warmUp.command(COMMANDS[i % 3]);
        }
      }
      long t0 = System.nanoTime();
      try (DirectorConsole c = DirectorConsole.connect(settings)) {
        for (int i = 0; i < 100; i++) {
          c.command(COMMANDS[i % 3]);
        }
      }
      long ours = System.nanoTime() - t0;
      Path conf = lab.dir().resolve("bconsole.conf");
      Files.writeString(
          conf,
          "Director {\n  Name = \""
              + Samples.DIRECTOR
              + "\"\n  DIRport = "
              + lab.samples().dirPort()
              + "\n  Address = 127.0.0.1\n  Password = \""
              + Samples.CONSOLE_PASSWORD.replace("\\", "\\\\").replace("\"", "\\\"")
              + "\"\n}\n");
      long t1 = System.nanoTime();
      for (int i = 0; i < 100; i++) {
        Path in = Files.writeString(lab.dir().resolve("bconsole.in"), COMMANDS[i % 3] + "\nquit\n");
        Process p =
            new ProcessBuilder("/usr/sbin/bconsole", "-c", conf.toString())
                .redirectInput(in.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
          p.destroyForcibly();
          throw new AssertionError("bconsole failed");
        }
      }
      long bconsole = System.nanoTime() - t1;
      double ratio = (double) bconsole / ours;
      String body =
          String.format(
              Locale.ROOT,
              """
              Benchmark: `bench/bacula/run.sh`
              (`BaculaBenchmark.consoleCommandsOverOneConnectionAgainstBconsole`).
              100 console commands (`version`, `.jobs`, `.clients` in turn) against a real
              Director on 127.0.0.1: our `DirectorConsole` over one connection (connect, CRAM-MD5
              login and `.api 2` included, after a warm-up connection in the same JVM) against 100
              `bconsole` invocations of one command each.

              | client | 100 commands | per command |
              | --- | --- | --- |
              | `DirectorConsole`, one connection | %d ms | %.2f ms |
              | `bconsole`, one process each | %d ms | %.1f ms |

              Speed-up: **%.0f×**. Target: 10× or better. Result: %s.
              """,
              ms(ours),
              ours / 1e8,
              ms(bconsole),
              bconsole / 1e8,
              ratio,
              ratio >= 10 ? "met" : "NOT met");
      PerformanceDoc.writeSection("Console client", body);
    } finally {
      lab.afterAll(null);
    }
  }

  private static DirectorConfig thousandClients(Samples s) {
    DirectorConfig c = s.directorConfig(List.of("/srv/data"));
    List<Client> clients = new ArrayList<>(c.clients());
    List<FileSet> fileSets = new ArrayList<>(c.fileSets());
    List<Job> jobs = new ArrayList<>(c.jobs());
    for (int i = 0; i < 1000; i++) {
      String n = String.format(Locale.ROOT, "app-%04d", i);
      clients.add(Samples.client(n + "-fd", "10.0." + (i / 250) + "." + (i % 250 + 1), 9102));
      fileSets.add(
          FileSet.of(
              n + "-fileset",
              List.of("/var/lib/" + n, "/etc/" + n),
              List.of("/var/lib/" + n + "/cache")));
      jobs.add(
          Job.backup(
                  n + "-backup", n + "-fd", n + "-fileset", Samples.STORAGE, "Default", "Standard")
              .withSchedule("Nightly"));
      jobs.add(
          Job.restore(
              n + "-restore",
              n + "-fd",
              n + "-fileset",
              Samples.STORAGE,
              "Default",
              "Standard",
              "/var/tmp/bacula-restores"));
    }
    return new DirectorConfig(
        c.director(),
        c.catalogs(),
        c.messages(),
        c.storages(),
        c.pools(),
        clients,
        fileSets,
        c.schedules(),
        c.jobDefs(),
        jobs,
        c.consoles());
  }

  private static long median(List<Long> xs) {
    List<Long> s = new ArrayList<>(xs);
    Collections.sort(s);
    return s.get(s.size() / 2);
  }

  private static long ms(long nanos) {
    return Math.round(nanos / 1e6);
  }
}
