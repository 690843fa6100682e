package io.backupcharms.localjuju;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every hook tool's exact stdout, stderr and exit code, for success and each documented error
 * (shared/reference/juju-hook-tools.md). One table, run inside a unit's hook context with {@code
 * localjuju exec} so the whole table costs a single exec.
 */
class HookToolConformanceTest {
  @TempDir Path tmp;

  /** One row: the command line, then what it must print and return. */
  record Row(String cmd, String out, String err, int rc) {}

  static Row ok(String cmd, String out) {
    return new Row(cmd, out, "", 0);
  }

  static Row err(String cmd, int rc, String message) {
    return new Row(cmd, "", "ERROR " + message + "\n", rc);
  }

  static List<Row> table(String addr, String dbAddr) {
    String dbBag =
        "{\"egress-subnets\":\""
            + dbAddr
            + "/32\",\"ingress-address\":\""
            + dbAddr
            + "\",\"private-address\":\""
            + dbAddr
            + "\"}\n";
    String cidr = addr.substring(0, addr.lastIndexOf('.')) + ".0/24";
    return List.of(
        ok("relation-ids database", "database:1\n"),
        ok("relation-ids database --format=json", "[\"database:1\"]\n"),
        ok("relation-ids nothing --format json", "[]\n"),
        err("relation-ids", 2, "no endpoint name specified"),
        err("relation-ids database extra", 2, "unrecognized args: [\"extra\"]"),
        err("relation-ids --foo", 2, "flag provided but not defined: --foo"),
        err("relation-ids --format", 2, "flag needs an argument: --format"),
        err(
            "relation-ids database --format xml",
            2,
            "invalid value \"xml\" for flag --format: unknown format \"xml\""),
        ok("relation-list -r 1", "db/0\n"),
        ok("relation-list -r database:1 --format=json", "[\"db/0\"]\n"),
        ok("relation-list -r 1 --app", "db\n"),
        err("relation-list -r db:99", 2, "invalid value \"db:99\" for flag -r: relation not found"),
        err("relation-list -r x", 2, "invalid value \"x\" for flag -r: invalid relation id"),
        err("relation-list", 2, "no relation id specified"),
        ok("relation-get -r 1 - db/0 --format json", dbBag),
        ok("relation-get -r 1 private-address db/0", dbAddr + "\n"),
        ok("relation-get -r 1 missing db/0 --format json", "null\n"),
        ok("relation-get -r 1 missing db/0", ""),
        ok("relation-get -r 1 --app - db --format json", "{}\n"),
        err("relation-get -r 1 - db", 2, "expected unit name, got application name \"db\""),
        err("relation-get -r 1 - ///", 2, "invalid unit name \"///\""),
        ok("relation-list 1", "db/0\n"),
        err(
            "relation-get -r 1 - nosuch/0",
            1,
            "cannot read settings for unit \"nosuch/0\" in relation "
                + "\"database:1\": unit \"nosuch/0\": settings not found"),
        err("relation-get -r 1", 2, "no unit or application specified"),
        ok("relation-set -r 1 greeting=' hello '", ""),
        ok("relation-get -r 1 greeting app/0", "hello\n"),
        ok("printf 'a: 1\\nb: two\\n' | relation-set -r 1 --file -", ""),
        ok(
            "relation-get -r 1 - app/0 --format json | tr -d '\\n' | cut -c1-30",
            "{\"a\":\"1\",\"b\":\"two\",\"egress-sub\n"),
        ok("relation-set -r 1 --app shared=yes", ""),
        ok("relation-get -r 1 --app shared app", "yes\n"),
        err("relation-set -r 1 novalue", 2, "expected \"key=value\", got \"novalue\""),
        err("relation-set k=v", 2, "no relation id specified"),
        ok("config-get greeting", "hi\n"),
        ok("config-get --format=json", "{\"greeting\":\"hi\",\"n\":3}\n"),
        ok("config-get n --format=json", "3\n"),
        ok("config-get nodefault --format=json", "null\n"),
        ok("config-get --all --format=json", "{\"greeting\":\"hi\",\"n\":3,\"nodefault\":null}\n"),
        ok("config-get --format=yaml", "greeting: hi\nn: 3\n"),
        ok("is-leader", "True\n"),
        ok("is-leader --format=json", "true\n"),
        err("is-leader --bogus", 2, "flag provided but not defined: --bogus"),
        ok("status-set maintenance 'doing things'", ""),
        ok("status-get", "maintenance\n"),
        ok(
            "status-get --include-data --format=json",
            "{\"message\":\"doing things\",\"status\":\"maintenance\",\"status-data\":{}}\n"),
        ok("status-set --application=False active -- 'all good'", ""),
        ok("status-get --format=json", "\"active\"\n"),
        err(
            "status-set bogus",
            2,
            "invalid status \"bogus\", expected one of [maintenance blocked waiting active]"),
        err("status-set", 2, "invalid args, require <status> [message] [data]"),
        ok("application-version-set 1.2.3", ""),
        err("application-version-set", 2, "no version specified"),
        ok("juju-log --log-level WARNING -- hello there", ""),
        err("juju-log", 2, "no message specified"),
        err("action-get", 1, "not running an action"),
        err("action-set a=b", 1, "not running an action"),
        err("action-fail", 1, "not running an action"),
        err("action-log x", 1, "not running an action"),
        ok("open-port 8080", ""),
        ok("open-port 9000-9010/udp", ""),
        ok("opened-ports --format=json", "[\"8080/tcp\",\"9000-9010/udp\"]\n"),
        ok("close-port 8080/tcp && opened-ports", "9000-9010/udp\n"),
        err("open-port bad", 2, "invalid port or range \"bad\""),
        ok("network-get database --ingress-address", addr + "\n"),
        ok(
            "network-get database --format=json",
            "{\"bind-addresses\":[{\"mac-address\":\"\",\"interface-name\":\"lo\","
                + "\"addresses\":[{\"hostname\":\"\",\"value\":\""
                + addr
                + "\",\"cidr\":\""
                + cidr
                + "\"}]}],"
                + "\"egress-subnets\":[\""
                + addr
                + "/32\"],\"ingress-addresses\":[\""
                + addr
                + "\"]}\n"),
        err("network-get nope", 1, "no network config found for binding \"nope\""),
        err("network-get", 2, "no arguments specified"),
        ok("state-set a=1", ""),
        ok("state-get a", "1\n"),
        ok("state-get --format=json", "{\"a\":\"1\"}\n"),
        ok("state-delete a && state-get a --format=json", "null\n"),
        err("state-delete", 2, "no key specified"),
        ok("secret-ids --format=json", "[]\n"),
        err(
            "secret-get secret:0123456789abcdefghij",
            1,
            "secret \"0123456789abcdefghij\" not found"),
        err("secret-get secret:nonexistent", 2, "secret URI \"secret:nonexistent\" not valid"),
        err("secret-info-get --label nope", 1, "secret \"nope\" not found"),
        err(
            "secret-info-get secret:0123456789abcdefghij --label x",
            2,
            "specify either a secret URI or label but not both"),
        err("secret-get", 2, "require either a secret URI or label"),
        err("secret-get --label nope", 1, "secret \"nope\" not found"),
        err("secret-add", 2, "missing secret value or filename"),
        err("secret-add x=1", 2, "invalid key \"x\""),
        ok(
            "id=$(secret-add --label creds password=s3cret) && secret-get \"$id\" --format=json",
            "{\"password\":\"s3cret\"}\n"),
        ok("secret-get --label creds --format=json", "{\"password\":\"s3cret\"}\n"),
        ok(
            "secret-info-get --label creds --format=json | sed 's/\"[0-9a-v]\\{20\\}\"/ID/'",
            "{ID:{\"revision\":1,\"label\":\"creds\",\"owner\":\"application\"}}\n"),
        err(
            "secret-get --peek --refresh --label creds",
            2,
            "specify one of --peek or --refresh but not both"),
        err(
            "no-such-tool-flag-test --x 2>/dev/null; relation-ids --app",
            2,
            "flag provided but not defined: --app"));
  }

  /** Rows for a unit that is not the leader. */
  static List<Row> nonLeaderTable() {
    return List.of(
        ok("is-leader", "False\n"),
        err("relation-set -r 1 --app k=v", 1, "cannot write relation settings"),
        err("relation-get -r 1 --app - app", 1, "permission denied"),
        err(
            "status-set --application active",
            1,
            "setting application status: this unit is not the leader"),
        err(
            "status-get --application",
            1,
            "finding application status: this unit is not the leader"),
        err(
            "secret-add --owner application pass=one",
            1,
            "cannot create an application-owned secret: this unit is not the leader"),
        ok(
            "id=$(secret-add --owner unit pass=one) && secret-ids | grep -c \"^secret:${id##*/}$\"",
            "1\n"),
        err(
            "secret-add --owner model pass=one",
            2,
            "invalid value \"model\" for flag --owner: secret owner \"model\" not valid"));
  }

  /** Rows run inside an action (the charm's "table" action runs them). */
  static List<Row> actionTable() {
    return List.of(
        ok("action-get --format=json", "{\"n\":5,\"script\":\"x\"}\n"),
        ok("action-get n", "5\n"),
        ok("action-get missing --format=json", "null\n"),
        ok("action-set result.value=1 other=two", ""),
        err(
            "action-set Bad=1",
            2,
            "key \"Bad\" must start and end with lowercase alphanumeric, and contain only lowercase"
                + " alphanumeric, hyphens and periods"),
        err("action-set stdout=1", 2, "cannot set reserved action key \"stdout\""),
        err("action-set novalue", 2, "argument \"novalue\" must be of the form key...=value"),
        err("action-set a.stderr=1", 2, "cannot set reserved action key \"stderr\""),
        err(
            "action-set =1",
            2,
            "key \"\" must start and end with lowercase alphanumeric, and contain only lowercase"
                + " alphanumeric, hyphens and periods"),
        err("action-set", 2, "no key=value pairs specified"),
        ok("action-log step one", ""),
        err("action-log", 2, "no message specified"));
  }

  /** Writes the rows as one script, runs it, and checks each row's output and exit code. */
  static void check(Path tmp, String name, List<Row> rows, Consumer<Path> runner) throws Exception {
    Path results = tmp.resolve("results-" + name);
    Files.createDirectories(results);
    StringBuilder script = new StringBuilder("#!/bin/bash\n");
    for (int i = 0; i < rows.size(); i++) {
      script
          .append("( ")
          .append(rows.get(i).cmd())
          .append(" ) >")
          .append(results)
          .append('/')
          .append(i)
          .append(".out 2>")
          .append(results)
          .append('/')
          .append(i)
          .append(".err; echo $? >")
          .append(results)
          .append('/')
          .append(i)
          .append(".rc\n");
    }
    Path sh = tmp.resolve(name + ".sh");
    Files.writeString(sh, script);
    runner.accept(sh);
    List<Executable> checks = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      String out = Files.readString(results.resolve(i + ".out"));
      String err = Files.readString(results.resolve(i + ".err"));
      int rc = Integer.parseInt(Files.readString(results.resolve(i + ".rc")).trim());
      checks.add(
          () ->
              assertEquals(
                  r.out() + "|" + r.err() + "|" + r.rc(),
                  out + "|" + err + "|" + rc,
                  name + ": " + r.cmd()));
    }
    assertAll(checks);
  }

  @Test
  void everyToolPrintsWhatJujuPrints() throws Exception {
    String meta = "name: %s\n%s";
    Path db =
        Charms.zip(
            tmp,
            "db",
            Map.of(
                "metadata.yaml",
                String.format(
                    meta,
                    "db",
                    "provides:\n"
                        + "  db:\n"
                        + "    interface: sql\n"
                        + "peers:\n"
                        + "  cluster:\n"
                        + "    interface: db-peers\n"),
                "dispatch",
                Charms.RECORDER));
    Path app =
        Charms.zip(
            tmp,
            "app",
            Map.of(
                "metadata.yaml",
                String.format(meta, "app", "requires:\n  database:\n    interface: sql\n"),
                "actions.yaml",
                "table:\n  params:\n    n:\n      type: integer\n    script:\n      type: string\n",
                "on/actions_table",
                "bash " + tmp.resolve("action.sh") + "\n",
                "config.yaml",
                "options:\n  greeting:\n    type: string\n    default: hi\n  n:\n    type: int\n"
                    + "    default: 3\n  nodefault:\n    type: string\n",
                "dispatch",
                Charms.RECORDER));
    try (Cli cli = new Cli(tmp, "tools")) {
      cli.run("deploy", db.toString()).ok();
      cli.run("deploy", app.toString()).ok();
      cli.run("integrate", "app", "db").ok();
      cli.settle();
      var machines = cli.status().path("machines");
      String dbAddr = machines.path("0").path("dns-name").asText();
      String addr = machines.path("1").path("dns-name").asText();
      check(
          tmp,
          "leader",
          table(addr, dbAddr),
          sh -> cli.run("exec", "--unit", "app/0", "--", "bash " + sh).ok());
      cli.run("add-unit", "app").ok();
      cli.settle();
      check(
          tmp,
          "non-leader",
          nonLeaderTable(),
          sh -> cli.run("exec", "--unit", "app/1", "--", "bash " + sh).ok());
      check(
          tmp,
          "action",
          actionTable(),
          sh -> {
            Cli.Result r = cli.run("run", "app/1", "table", "script=x", "n=5");
            assertEquals("other: two\nresult:\n  value: \"1\"\n\n", r.out(), r.err());
            assertTrue(r.err().contains("step one"), r.err());
          });
      // Writes of the exec context were committed when it exited 0.
      var st = cli.state();
      assertEquals(
          "yes",
          st.path("relations").path("1").path("appBags").path("app").path("shared").asText());
      assertEquals(
          "[\"9000-9010/udp\"]",
          st.path("applications").path("app").path("units").path("app/0").path("ports").toString());
    }
  }
}
