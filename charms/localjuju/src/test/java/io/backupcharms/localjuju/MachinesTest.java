package io.backupcharms.localjuju;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Machines are private: own /etc and address; daemons outlive hooks and die with the machine. */
class MachinesTest {
  /** A number no other process on the host sleeps for. */
  private static final String MARK = "86400" + (ProcessHandle.current().pid() % 1000);

  @TempDir Path tmp;

  private long sleepers() {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().orElse("").endsWith("sleep " + MARK))
        .count();
  }

  @Test
  void eachMachineHasItsOwnEtcAddressAndDaemons() throws Exception {
    String start =
        String.join(
            "\n",
            "echo \"$JUJU_UNIT_NAME\" > /etc/lj-machine-test",
            "mkdir -p /etc/systemd/system",
            "printf '[Service]\\nType=exec\\nExecStart=/bin/sleep "
                + MARK
                + "\\n' > /etc/systemd/system/ljsleep.service",
            "systemctl start ljsleep",
            "status-set active \"$(systemctl is-active ljsleep)\"",
            "");
    Path svc =
        Charms.zip(
            tmp,
            "svc",
            Map.of(
                "metadata.yaml",
                "name: svc\n",
                "dispatch",
                Charms.RECORDER,
                "on/hooks_start",
                start));
    try (Cli cli = new Cli(tmp, "machines")) {
      cli.run("deploy", svc.toString(), "-n", "2").ok();
      cli.settle();
      assertEquals(
          "svc/0\n",
          cli.run("exec", "--unit", "svc/0", "--", "cat /etc/lj-machine-test").ok().out());
      assertEquals("svc/1\n", cli.run("ssh", "svc/1", "cat", "/etc/lj-machine-test").ok().out());
      assertFalse(Files.exists(Path.of("/etc/lj-machine-test")), "the host's /etc is untouched");
      var machines = cli.status().path("machines");
      String a0 = machines.path("0").path("dns-name").asText();
      String a1 = machines.path("1").path("dns-name").asText();
      assertNotEquals(a0, a1);
      assertEquals(
          a0 + "\n",
          cli.run("exec", "--unit", "svc/0", "--", "unit-get private-address").ok().out());
      assertEquals(
          a1 + "\n",
          cli.run("exec", "--unit", "svc/1", "--", "network-get juju-info --ingress-address")
              .ok()
              .out());
      // The daemons outlived the start hook that launched them, one per machine.
      assertEquals(
          "active",
          cli.status()
              .path("applications")
              .path("svc")
              .path("units")
              .path("svc/0")
              .path("workload-status")
              .path("message")
              .asText());
      assertEquals(2, sleepers());
      assertEquals(
          "active\n",
          cli.run("exec", "--unit", "svc/1", "--", "systemctl is-active ljsleep").ok().out());
      assertEquals(
          3,
          cli.run(
                  "exec",
                  "--unit",
                  "svc/1",
                  "--",
                  "systemctl stop ljsleep; systemctl is-active ljsleep")
              .rc());
      assertEquals(1, sleepers());
      assertEquals(7, cli.run("ssh", "svc/0", "exit 7").rc(), "exit status passes through");
      cli.run("remove-unit", "svc/0").ok();
      cli.settle();
      assertEquals(0, sleepers(), "the machine of svc/0 went away with its daemon");
    }
    assertEquals(0, sleepers());
  }
}
