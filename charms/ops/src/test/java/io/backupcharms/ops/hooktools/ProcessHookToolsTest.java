package io.backupcharms.ops.hooktools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.backupcharms.ops.internal.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process backend against fake tool executables that answer exactly as Juju does. */
class ProcessHookToolsTest {
  @TempDir Path tmp;
  FakeTools fake;
  ProcessHookTools tools;

  @BeforeEach
  void setUp() {
    fake = new FakeTools(tmp);
    tools = new ProcessHookTools(fake.env());
  }

  @Test
  void relationGetReadsTheWholeBagOfAUnitAsJson() {
    fake.answer("relation-get", "{\"egress-subnets\":\"10.0.0.2/32\",\"k\":\"v\"}\n");
    assertEquals(
        Map.of("egress-subnets", "10.0.0.2/32", "k", "v"), tools.relationGet(3, "remote/0", false));
    assertEquals(
        List.of("relation-get", "-r", "3", "-", "remote/0", "--format=json"),
        fake.calls().get(0).argv());
  }

  @Test
  void relationSetSendsValuesOnStdinUntrimmedAndNeverOnTheCommandLine() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("script", "  #!/bin/sh\n  echo hi  \n");
    values.put("gone", "");
    tools.relationSet(7, true, values);
    FakeTools.Call call = fake.calls().get(0);
    assertEquals(List.of("relation-set", "-r", "7", "--app", "--file", "-"), call.argv());
    assertEquals(values, parse(call.stdin()));
  }

  @Test
  void unknownRelationBecomesRelationNotFoundErrorWithTheToolsFacts() {
    fake.fail("relation-get", "ERROR invalid value \"db:99\" for flag -r: relation not found", 2);
    RelationNotFoundError e =
        assertThrows(RelationNotFoundError.class, () -> tools.relationGet(99, "x/0", false));
    assertEquals(2, e.exitCode());
    assertEquals("relation-get", e.argv().get(0));
    assertTrue(e.stderr().contains("relation not found"));
    assertTrue(
        e.getMessage().contains("ERROR invalid value \"db:99\" for flag -r: relation not found"),
        e.getMessage());
  }

  @Test
  void missingSecretBecomesSecretNotFoundError() {
    fake.fail("secret-get", "ERROR secret \"cs1kq1bmp25c77d3an8g\" not found", 1);
    assertThrows(
        SecretNotFoundError.class,
        () -> tools.secretGet("secret:cs1kq1bmp25c77d3an8g", null, false, false));
  }

  @Test
  void refusedAppBagWriteBecomesRelationDataAccessError() {
    fake.fail("relation-set", "ERROR cannot write relation settings", 1);
    assertThrows(RelationDataAccessError.class, () -> tools.relationSet(1, true, Map.of("k", "v")));
  }

  @Test
  void anyOtherFailureIsAModelErrorCarryingStderr() {
    fake.fail(
        "status-set",
        "ERROR invalid status \"happy\", expected one of [maintenance blocked waiting active]",
        2);
    ModelError e = assertThrows(ModelError.class, () -> tools.statusSet(false, "happy", "x"));
    assertEquals(ModelError.class, e.getClass());
    assertTrue(e.stderr().startsWith("ERROR invalid status"));
    assertEquals(List.of("status-set", "--application=False", "happy", "--", "x"), e.argv());
  }

  @Test
  void secretContentGoesByFilesThatAreRemovedAfterwards() {
    fake.answer("secret-add", "secret:cs1kq1bmp25c77d3an8g\n");
    String uri =
        tools.secretAdd(Map.of("password", "s3cret with spaces "), "dir-pw", null, "application");
    assertEquals("secret:cs1kq1bmp25c77d3an8g", uri);
    FakeTools.Call call = fake.calls().get(0);
    assertFalse(
        String.join(" ", call.argv()).contains("s3cret"),
        "secret value leaked to argv: " + call.argv());
    assertEquals("password=s3cret with spaces \n", call.files());
    String fileArg =
        call.argv().stream().filter(a -> a.startsWith("password#file=")).findFirst().orElseThrow();
    assertFalse(Path.of(fileArg.substring("password#file=".length())).toFile().exists());
    assertEquals(
        List.of("secret-add", "--label", "dir-pw", "--owner", "application"),
        call.argv().subList(0, 5));
  }

  @Test
  void configGetKeepsNativeTypes() {
    fake.answer("config-get", "{\"flag\":true,\"n\":5,\"r\":0.5,\"s\":\"x\"}\n");
    assertEquals(Map.of("flag", true, "n", 5L, "r", 0.5, "s", "x"), tools.configGet());
  }

  @Test
  void networkGetParsesBindAndIngressAddresses() {
    fake.answer(
        "network-get",
        "{\"bind-addresses\":[{\"addresses\":[{\"cidr\":\"10.0.0.0/24\",\"hostname\":\"\","
            + "\"value\":\"10.0.0.5\"}],\"interface-name\":\"eth0\",\"mac-address\":\"\"}],"
            + "\"egress-subnets\":[\"10.0.0.5/32\"],\"ingress-addresses\":[\"10.0.0.5\"]}\n");
    NetworkInfo info = tools.networkGet("backup", OptionalInt.of(4));
    assertEquals("10.0.0.5", info.bindAddresses().get(0).addresses().get(0).value());
    assertEquals(List.of("10.0.0.5"), info.ingressAddresses());
    assertEquals(
        List.of("network-get", "backup", "-r", "4", "--format=json"), fake.calls().get(0).argv());
  }

  @Test
  void actionSetPassesEachKeyValueAsOneArgumentVerbatim() {
    Map<String, String> results = new LinkedHashMap<>();
    results.put("job.id", "42");
    results.put("message", " leading and trailing ");
    tools.actionSet(results);
    assertEquals(
        List.of("action-set", "job.id=42", "message= leading and trailing "),
        fake.calls().get(0).argv());
  }

  @Test
  void secretInfoGetReadsTheEntryKeyedById() {
    fake.answer(
        "secret-info-get",
        "{\"cs1kq1bmp25c77d3an8g\":{\"label\":\"dir-pw\",\"owner\":\"application\","
            + "\"revision\":3,\"rotation\":\"never\"}}\n");
    SecretInfo info = tools.secretInfoGet(null, "dir-pw");
    assertEquals("secret:cs1kq1bmp25c77d3an8g", info.id());
    assertEquals(3, info.revision());
    assertEquals(
        List.of("secret-info-get", "--label", "dir-pw", "--format=json"),
        fake.calls().get(0).argv());
  }

  @Test
  void aToolMissingFromPathIsAClearError() {
    ProcessHookTools outside =
        new ProcessHookTools(Map.of("PATH", tmp.resolve("nowhere").toString()));
    ModelError e = assertThrows(ModelError.class, outside::isLeader);
    assertTrue(e.getMessage().contains("is-leader not found on PATH"), e.getMessage());
  }

  @Test
  void outputThatIsNotJsonIsReportedWithTheOutput() {
    fake.answer("is-leader", "True\n");
    ModelError e = assertThrows(ModelError.class, tools::isLeader);
    assertInstanceOf(ModelError.class, e);
    assertTrue(e.getMessage().contains("True"), e.getMessage());
  }

  @Test
  void aHungToolIsKilledAtTheTimeLimitWithItsChildren() {
    fake.answer("is-leader", "");
    ProcessHookTools impatient = new ProcessHookTools(fake.env(), Duration.ofMillis(500));
    // A tool that never answers and whose child keeps stdout open.
    Path hung = tmp.resolve("bin").resolve("is-leader");
    try {
      Files.delete(hung);
      Files.writeString(hung, "#!/bin/sh\nsleep 60 &\nsleep 60\n");
      hung.toFile().setExecutable(true);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    long start = System.nanoTime();
    ModelError e = assertThrows(ModelError.class, impatient::isLeader);
    assertTrue(e.getMessage().contains("did not finish within 0 s and was killed"), e.getMessage());
    assertTrue(System.nanoTime() - start < 20_000_000_000L, "the time limit did not end the call");
  }

  @Test
  void largeOutputIsReadCompletely() {
    StringBuilder big = new StringBuilder("{");
    for (int i = 0; i < 5000; i++) {
      big.append(i == 0 ? "" : ",")
          .append("\"key")
          .append(i)
          .append("\":\"")
          .append("v".repeat(30))
          .append('"');
    }
    fake.answer("relation-get", big.append("}\n").toString());
    assertEquals(5000, tools.relationGet(1, "remote/0", false).size());
  }

  private static Object parse(String s) {
    try {
      return Json.parse(s);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + s, e);
    }
  }
}
