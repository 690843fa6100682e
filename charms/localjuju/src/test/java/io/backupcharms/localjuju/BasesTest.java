package io.backupcharms.localjuju;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy --base} records a base from the charm's manifest, status shows it as Juju does, and
 * Juju's refusals keep a charm off a base it does not support and a subordinate away from a
 * principal with which it shares no base.
 */
class BasesTest {
  private static final String SUBORDINATE =
      "subordinate: true\nrequires:\n  juju-info:\n"
          + "    interface: juju-info\n    scope: container\n";

  @TempDir Path tmp;

  private Path charm(String name, String extraMeta, String... channels) throws Exception {
    Map<String, String> files = new HashMap<>(HookOrderTest.recorder(name, extraMeta));
    StringBuilder manifest = new StringBuilder("bases:\n");
    for (String channel : channels) {
      manifest
          .append("  - name: ubuntu\n    channel: \"")
          .append(channel)
          .append("\"\n")
          .append("    architectures: [amd64]\n");
    }
    files.put("manifest.yaml", manifest.toString());
    return Charms.zip(tmp, name, files);
  }

  @Test
  void deployRecordsTheBaseAndIntegrateRefusesASubordinateWithoutACommonBase() throws Exception {
    Path jammyOnly = charm("app", "", "22.04");
    Path wide = charm("wide", "", "22.04", "24.04");
    Path nobleSub = charm("sub-noble", SUBORDINATE, "24.04");
    Path bothSub = charm("sub-both", SUBORDINATE, "22.04", "24.04");
    try (Cli cli = new Cli(tmp, "bases")) {
      Cli.Result unsupported = cli.run("deploy", jammyOnly.toString(), "--base", "ubuntu@24.04");
      assertEquals(1, unsupported.rc(), unsupported::err);
      assertEquals(
          "ERROR base \"ubuntu@24.04\" not supported by charm, the charm supported bases are: "
              + "ubuntu@22.04\n",
          unsupported.err());
      Cli.Result unknown = cli.run("deploy", wide.toString(), "--base", "ubuntu@20.04");
      assertEquals(1, unknown.rc(), unknown::err);
      assertTrue(unknown.err().contains("use one of ubuntu@22.04, ubuntu@24.04"), unknown.err());
      assertFalse(cli.status().path("applications").has("app"), "a refused deploy leaves nothing");
      assertEquals(0, cli.state().path("machines").size(), "nor a machine");

      // Without --base, the charm's first base, as Juju picks it.
      Cli.Result deployed = cli.run("deploy", jammyOnly.toString()).ok();
      assertTrue(
          deployed.err().contains("from local charm \"app\", revision 0 on ubuntu@22.04/stable"),
          deployed.err());
      cli.run("deploy", wide.toString(), "--base", "ubuntu@24.04").ok();
      cli.run("deploy", nobleSub.toString()).ok();
      cli.run("deploy", bothSub.toString(), "--base", "ubuntu@22.04").ok();

      // Juju compares the bases the two charms support, and quotes the requirer first.
      Cli.Result refused = cli.run("integrate", "app", "sub-noble");
      assertEquals(1, refused.rc(), refused::err);
      assertEquals(
          "ERROR cannot add relation \"sub-noble:juju-info app:juju-info\": principal and "
              + "subordinate applications' bases must match\n",
          refused.err());
      cli.run("integrate", "wide", "sub-noble").ok();
      cli.run("integrate", "app", "sub-both").ok();
      cli.settle();

      JsonNode status = cli.status();
      JsonNode apps = status.path("applications");
      assertEquals(base("22.04"), apps.path("app").path("base"));
      assertEquals(base("24.04"), apps.path("wide").path("base"));
      assertEquals(base("24.04"), apps.path("sub-noble").path("base"));
      assertEquals(base("22.04"), apps.path("sub-both").path("base"));
      assertFalse(
          apps.path("app").path("relations").has("juju-info")
              && apps.path("app")
                  .path("relations")
                  .path("juju-info")
                  .toString()
                  .contains("sub-noble"),
          "no relation for the refused integrate: " + apps.path("app"));
      assertTrue(
          apps.path("app").path("units").path("app/0").path("subordinates").has("sub-both/0"),
          apps.toString());
      assertFalse(
          apps.path("app").path("units").path("app/0").path("subordinates").has("sub-noble/0"),
          apps.toString());
      String appMachine = apps.path("app").path("units").path("app/0").path("machine").asText();
      String wideMachine = apps.path("wide").path("units").path("wide/0").path("machine").asText();
      assertEquals(base("22.04"), status.path("machines").path(appMachine).path("base"));
      assertEquals(base("24.04"), status.path("machines").path(wideMachine).path("base"));
      String table = cli.run("status").ok().out();
      assertTrue(
          table.lines().anyMatch(l -> l.startsWith(appMachine + " ") && l.contains("ubuntu@22.04")),
          table);
      assertTrue(
          table
              .lines()
              .anyMatch(l -> l.startsWith(wideMachine + " ") && l.contains("ubuntu@24.04")),
          table);

      // A refresh may not take the application off its base.
      Path jammyGone = charm("app", "", "24.04");
      Cli.Result refresh = cli.run("refresh", "app", "--path", jammyGone.toString());
      assertEquals(1, refresh.rc(), refresh::err);
      assertEquals(
          "ERROR cannot upgrade application \"app\" to charm \"local:app-1\": base \"ubuntu@22.04\""
              + " not supported by charm, the charm supported bases are: ubuntu@24.04\n",
          refresh.err());
    }
  }

  private static JsonNode base(String channel) throws Exception {
    return new ObjectMapper().readTree("{\"name\":\"ubuntu\",\"channel\":\"" + channel + "\"}");
  }
}
