package io.backupcharms.localjuju;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failed hooks and resolve, actions with typed params, and secrets across a relation. */
class FailuresActionsSecretsTest {
  @TempDir Path tmp;

  @Test
  void failedHookStopsOnlyItsUnitUntilResolved() throws Exception {
    Map<String, String> files =
        Map.of(
            "metadata.yaml", "name: flaky\nprovides:\n  data:\n    interface: data\n",
            "config.yaml", "options:\n  fail:\n    type: boolean\n    default: false\n",
            "actions.yaml",
                "echo:\n  params:\n    n:\n      type: integer\n  additionalProperties: false\n"
                    + "boom:\n  description: fails\n",
            "dispatch", Charms.RECORDER,
            "on/hooks_config-changed",
                "[ \"$(config-get fail)\" = True ] && exit 3\nstatus-set active ok\n",
            "on/actions_echo",
                "action-set typed=\"$(action-get n --format=json)\" all.nested=yes\n"
                    + "action-log working\n",
            "on/actions_boom", "action-set partial=1\naction-fail \"it broke\"\n");
    Path flaky = Charms.zip(tmp, "flaky", files);
    try (Cli cli = new Cli(tmp, "failures")) {
      // Juju would retry config-changed after 5 s; this test resolves by hand, at its own pace.
      cli.run("model-config", "automatically-retry-hooks=false").ok();
      cli.run("deploy", flaky.toString(), "bad", "--config", "fail=true").ok();
      cli.run("deploy", Charms.dir(tmp, "flaky-dir", files).toString(), "good").ok();
      Cli.Result wait = cli.run("wait-for", "model", "--timeout", "60s");
      assertEquals(1, wait.rc());
      assertTrue(
          wait.err().startsWith("ERROR units in error: bad/0 (hook failed: \"config-changed\")"),
          wait.err());
      JsonNode apps = cli.status().path("applications");
      assertEquals(
          "error",
          apps.path("bad")
              .path("units")
              .path("bad/0")
              .path("workload-status")
              .path("current")
              .asText());
      assertEquals(
          "hook failed: \"config-changed\"",
          apps.path("bad")
              .path("units")
              .path("bad/0")
              .path("workload-status")
              .path("message")
              .asText());
      assertEquals(
          "active",
          apps.path("good")
              .path("units")
              .path("good/0")
              .path("workload-status")
              .path("current")
              .asText(),
          "other units carry on");
      assertTrue(
          !cli.hooks("bad/0").contains("hooks/start"), "the queue stopped at the failed hook");

      // Actions still run on a unit in error, as in Juju; params are YAML-typed.
      Cli.Result run = cli.run("run", "bad/0", "echo", "n=5", "--format", "json");
      assertEquals(0, run.rc(), run.err());
      JsonNode task = new ObjectMapper().readTree(run.out()).path("bad/0");
      assertEquals("completed", task.path("status").asText());
      assertEquals("5", task.path("results").path("typed").asText());
      assertEquals("yes", task.path("results").path("all").path("nested").asText());
      assertTrue(
          run.err().contains("Running operation 1 with 1 task\n  - task 2 on unit-bad-0\n"),
          run.err());
      Cli.Result plain = cli.run("run", "good/leader", "echo", "n=1");
      assertEquals("all:\n  nested: \"yes\"\ntyped: \"1\"\n\n", plain.out());
      assertTrue(plain.err().contains("working"), plain.err());
      Cli.Result invalid = cli.run("run", "good/0", "echo", "n=abc");
      assertEquals(
          "ERROR validation failed: (root).n : invalid type. expected integer, got string\n",
          invalid.err());
      Cli.Result boom = cli.run("run", "good/0", "boom");
      assertEquals(1, boom.rc());
      assertEquals(
          "Action id 6 failed: it broke\npartial: \"1\"\n\n",
          boom.out(),
          "results are kept when it fails");
      assertEquals(
          "ERROR the following task failed:\n - id \"6\" with return code 0\n\n"
              + "use 'localjuju show-task' to inspect the failure\n",
          boom.err().substring(boom.err().indexOf("ERROR")));

      cli.run("config", "bad", "fail=false").ok();
      cli.run("resolve", "bad/0").ok();
      cli.settle();
      // The change made while config-changed waited to be retried is read by that retry: as in
      // Juju's uniter, no second config-changed follows.
      assertTrue(
          cli.hooks("bad/0")
              .endsWith(
                  "hooks/config-changed  \nactions/echo  \nhooks/config-changed  \n"
                      + "hooks/start  \n"),
          cli.hooks("bad/0"));
      assertEquals(
          "active",
          cli.status()
              .path("applications")
              .path("bad")
              .path("units")
              .path("bad/0")
              .path("workload-status")
              .path("current")
              .asText());
    }
  }

  @Test
  void secretsAreGrantedOverARelationAndChangesReachConsumers() throws Exception {
    Path owner =
        credsOwner(
            Map.of(
                "on/hooks_secret-remove",
                "echo \"$JUJU_SECRET_ID $JUJU_SECRET_REVISION\" > \"$CHARM_DIR/../removed\"\n"));
    Path consumer = credsConsumer("on/hooks_secret-changed", SAVE_CHANGED_SECRET);
    try (Cli cli = new Cli(tmp, "secrets")) {
      cli.run("deploy", owner.toString()).ok();
      cli.run("deploy", consumer.toString()).ok();
      cli.run("integrate", "consumer", "owner").ok();
      cli.settle();
      String id =
          cli.run(
                  "exec",
                  "--unit",
                  "owner/0",
                  "--",
                  "id=$(secret-add pass=one) && secret-grant $id -r creds:0 "
                      + "&& relation-set -r 0 secret=$id && echo $id")
              .ok()
              .out()
              .strip();
      // Juju 3.6's secret-add prints the model-qualified form; the other tools take it as is.
      assertTrue(id.matches("secret://[0-9a-f-]{36}/[0-9a-v]{20}"), id);
      cli.settle();
      assertEquals(
          "{\"pass\":\"one\"}\n",
          cli.run(
                  "exec",
                  "--unit",
                  "consumer/0",
                  "--",
                  "secret-get $(relation-get -r 0 secret owner/0) --format=json")
              .ok()
              .out());
      cli.run("exec", "--unit", "owner/0", "--", "secret-set " + id + " pass=two").ok();
      cli.settle();
      assertTrue(cli.hooks("consumer/0").contains("hooks/secret-changed"), cli.hooks("consumer/0"));
      Path seen = tmp.resolve("models/secrets/units/consumer-0/seen");
      assertEquals("{\"pass\":\"two\"}\n", Files.readString(seen));
      // The consumer moved off revision 1: the owner is told it may remove it.
      assertTrue(cli.hooks("owner/0").contains("hooks/secret-remove"), cli.hooks("owner/0"));
      // JUJU_SECRET_ID is the short form, as on Juju 3.6.
      assertEquals(
          "secret:" + id.substring(id.lastIndexOf('/') + 1) + " 1\n",
          Files.readString(tmp.resolve("models/secrets/units/owner-0/removed")));
      assertEquals(
          "ERROR permission denied\n",
          cli.run("exec", "--unit", "consumer/0", "--", "secret-set " + id + " pass=three").err());
    }
  }

  /**
   * The secret-grant race on purpose: with {@code localjuju-grant-delay}, the consumer's
   * relation-changed sees the id the owner published with its grant, but may not read it until the
   * delay has passed.
   */
  @Test
  void aGrantDelayLetsTheConsumerSeeTheIdBeforeItMayReadIt() throws Exception {
    Path owner = credsOwner(Map.of());
    Path consumer =
        credsConsumer(
            "on/hooks_creds-relation-changed",
            "id=$(relation-get secret owner/0)\n"
                + "if [ -n \"$id\" ]; then secret-get \"$id\" >> \"$CHARM_DIR/../reads\" 2>&1 ||"
                + " true; fi\n");
    try (Cli cli = new Cli(tmp, "grant-race")) {
      cli.run("model-config", "localjuju-grant-delay=4s").ok();
      assertEquals("4s\n", cli.run("model-config", "localjuju-grant-delay").ok().out());
      cli.run("deploy", owner.toString()).ok();
      cli.run("deploy", consumer.toString()).ok();
      cli.run("integrate", "consumer", "owner").ok();
      cli.settle();
      long granted = System.currentTimeMillis();
      String id =
          cli.run(
                  "exec",
                  "--unit",
                  "owner/0",
                  "--",
                  "id=$(secret-add pass=one) && secret-grant $id -r creds:0 "
                      + "&& relation-set -r 0 secret=$id && echo $id")
              .ok()
              .out()
              .strip();
      cli.settle();
      Path reads = tmp.resolve("models/grant-race/units/consumer-0/reads");
      assertEquals(
          "ERROR permission denied\n",
          Files.readString(reads),
          "relation-changed ran inside the window");
      Thread.sleep(Math.max(0, granted + 4500 - System.currentTimeMillis()));
      assertEquals(
          "one\n",
          cli.run("exec", "--unit", "consumer/0", "--", "secret-get " + id + " pass").ok().out(),
          "the grant took effect after the delay");
    }
  }

  /**
   * As on Juju, an application's secrets die with it: a new application of the same name has none.
   */
  @Test
  void aRemovedApplicationsSecretsAreGoneForTheNextApplicationOfItsName() throws Exception {
    Path owner =
        Charms.zip(
            tmp, "owner", Map.of("metadata.yaml", "name: owner\n", "dispatch", Charms.RECORDER));
    try (Cli cli = new Cli(tmp, "secret-owner-gone")) {
      cli.run("deploy", owner.toString()).ok();
      cli.settle();
      cli.run("exec", "--unit", "owner/0", "--", "secret-add --label keep pass=one").ok();
      assertEquals(
          "{\"pass\":\"one\"}\n",
          cli.run("exec", "--unit", "owner/0", "--", "secret-get --label keep --format=json")
              .ok()
              .out());
      cli.run("remove-application", "owner").ok();
      cli.settle();
      cli.run("deploy", owner.toString()).ok();
      cli.settle();
      assertTrue(
          cli.run("exec", "--unit", "owner/1", "--", "secret-get --label keep")
              .err()
              .contains("not found"),
          "the old application's secret is gone");
    }
  }

  /**
   * Consumer tracking is the controller's, not the owner's: an owner hook that changed a secret
   * while a consumer first read it must not forget that consumer, or it never hears of the next
   * revision.
   */
  @Test
  void aConsumerWhoReadsDuringAnOwnersHookStillHearsOfTheNextRevision() throws Exception {
    Path owner = credsOwner(Map.of());
    Path consumer = credsConsumer("on/hooks_secret-changed", SAVE_CHANGED_SECRET);
    try (Cli cli = new Cli(tmp, "secret-race")) {
      cli.run("deploy", owner.toString()).ok();
      cli.run("deploy", consumer.toString()).ok();
      cli.run("integrate", "consumer", "owner").ok();
      cli.settle();
      String id =
          cli.run(
                  "exec",
                  "--unit",
                  "owner/0",
                  "--",
                  "id=$(secret-add pass=one) && secret-grant $id -r creds:0 " + "&& echo $id")
              .ok()
              .out()
              .strip();
      Path go = tmp.resolve("go");
      Thread slowOwner =
          new Thread(
              () ->
                  cli.run(
                          "exec",
                          "--unit",
                          "owner/0",
                          "--",
                          "secret-set "
                              + id
                              + " --description slow && while [ ! -f "
                              + go
                              + " ]; do sleep 0.1; done")
                      .ok());
      slowOwner.start();
      Thread.sleep(1500);
      cli.run("exec", "--unit", "consumer/0", "--", "secret-get " + id).ok();
      Files.createFile(go);
      slowOwner.join();
      cli.run("exec", "--unit", "owner/0", "--", "secret-set " + id + " pass=two").ok();
      cli.settle();
      assertTrue(cli.hooks("consumer/0").contains("hooks/secret-changed"), cli.hooks("consumer/0"));
      assertEquals(
          "{\"pass\":\"two\"}\n",
          Files.readString(tmp.resolve("models/secret-race/units/consumer-0/seen")));
    }
  }

  @Test
  void anActionsWritesCommitWhenItExitsZeroAndNotOtherwise() throws Exception {
    Path writer =
        Charms.zip(
            tmp,
            "writer",
            Map.of(
                "metadata.yaml", "name: writer\nprovides:\n  data:\n    interface: data\n",
                "actions.yaml",
                    "put:\n  params:\n    v:\n      type: string\ncrash:\n  description: exits 1\n",
                "dispatch", Charms.RECORDER,
                "on/actions_put",
                    "relation-set -r data:0 v=\"$(action-get v)\"\n"
                        + "status-set active \"put $(action-get v)\"\n",
                "on/actions_crash", "relation-set -r data:0 v=lost\nexit 1\n"));
    Path reader =
        Charms.zip(
            tmp,
            "reader",
            Map.of(
                "metadata.yaml",
                "name: reader\nrequires:\n  data:\n    interface: data\n",
                "dispatch",
                Charms.RECORDER));
    try (Cli cli = new Cli(tmp, "action-writes")) {
      cli.run("deploy", writer.toString()).ok();
      cli.run("deploy", reader.toString()).ok();
      cli.run("integrate", "reader", "writer").ok();
      cli.settle();
      int changedBefore = count(cli.hooks("reader/0"), "hooks/data-relation-changed");

      // As Juju's uniter flushes an action's context: relation data and status commit.
      assertEquals(0, cli.run("run", "writer/0", "put", "v=one").rc());
      cli.settle();
      assertEquals(
          "one\n",
          cli.run("exec", "--unit", "reader/0", "--", "relation-get -r 0 v writer/0").ok().out());
      assertEquals(
          changedBefore + 1,
          count(cli.hooks("reader/0"), "hooks/data-relation-changed"),
          "the remote unit hears of the change");
      assertEquals(
          "put one",
          cli.status()
              .path("applications")
              .path("writer")
              .path("units")
              .path("writer/0")
              .path("workload-status")
              .path("message")
              .asText());

      // A non-zero exit fails the action and drops its writes, as a failed hook's.
      assertEquals(1, cli.run("run", "writer/0", "crash").rc());
      cli.settle();
      assertEquals(
          "one\n",
          cli.run("exec", "--unit", "reader/0", "--", "relation-get -r 0 v writer/0").ok().out());
    }
  }

  private static int count(String log, String line) {
    return (int) log.lines().filter(l -> l.startsWith(line + " ")).count();
  }

  /** A consumer's secret-changed hook that saves the new content to {@code ../seen}. */
  private static final String SAVE_CHANGED_SECRET =
      "secret-get \"$JUJU_SECRET_ID\" --refresh --format=json > \"$CHARM_DIR/../seen\"\n";

  /** The charm that owns secrets and provides them over {@code creds}, with extra hook snippets. */
  private Path credsOwner(Map<String, String> snippets) throws IOException {
    Map<String, String> files = new HashMap<>(snippets);
    files.put("metadata.yaml", "name: owner\nprovides:\n  creds:\n    interface: creds\n");
    files.put("dispatch", Charms.RECORDER);
    return Charms.zip(tmp, "owner", files);
  }

  /** The charm that requires {@code creds}, with one hook snippet. */
  private Path credsConsumer(String hook, String script) throws IOException {
    return Charms.zip(
        tmp,
        "consumer",
        Map.of(
            "metadata.yaml",
            "name: consumer\nrequires:\n  creds:\n    interface: creds\n",
            "dispatch",
            Charms.RECORDER,
            hook,
            script));
  }
}
