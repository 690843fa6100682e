package io.backupcharms.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every example databag shipped next to the schemas through the JSON Schema alone (what a
 * charm in another language sees) and through the Java records, which must agree.
 */
class ExampleDatabagsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> backupRequirerApp() throws IOException {
    return examples(
        DatabagSchema.BACKUP_REQUIRER_APP, BackupRequirerData::fromDatabag, r -> r.toDatabag());
  }

  @TestFactory
  Stream<DynamicTest> backupProviderUnit() throws IOException {
    return examples(
        DatabagSchema.BACKUP_PROVIDER_UNIT,
        BackupProviderUnitData::fromDatabag,
        r -> r.toDatabag());
  }

  @TestFactory
  Stream<DynamicTest> baculaDirProviderApp() throws IOException {
    return examples(
        DatabagSchema.BACULA_DIR_PROVIDER_APP, DirectorAppData::fromDatabag, r -> r.toDatabag());
  }

  @TestFactory
  Stream<DynamicTest> baculaDirRequirerUnit() throws IOException {
    return examples(
        DatabagSchema.BACULA_DIR_REQUIRER_UNIT,
        FileDaemonUnitData::fromDatabag,
        r -> r.toDatabag());
  }

  private static <T> Stream<DynamicTest> examples(
      DatabagSchema schema,
      Function<Map<String, String>, DatabagResult<T>> read,
      Function<T, Map<String, String>> write)
      throws IOException {
    String path = schema.resourcePath().replace("/v1/", "/v1/examples/");
    JsonNode root;
    try (InputStream in = ExampleDatabagsTest.class.getResourceAsStream(path)) {
      assertTrue(in != null, "missing examples " + path);
      root = MAPPER.readTree(in);
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode example : root.get("valid")) {
      Map<String, String> bag = MAPPER.convertValue(example, new TypeReference<>() {});
      tests.add(
          DynamicTest.dynamicTest(
              schema + " valid " + bag,
              () -> {
                assertEquals(List.of(), schema.validate(bag), "schema alone");
                DatabagResult<T> result = read.apply(bag);
                assertEquals(List.of(), result.errors());
                Map<String, String> written = write.apply(result.orElseThrow());
                // Writing back yields the same keys and encodings, minus keys the record ignores; a
                // fileset is written back in its normal form ("/a, /b," as "/a,/b").
                written.forEach(
                    (k, v) -> assertEquals(normalForm(k, bag.get(k)), v, "round trip of " + k));
                assertEquals(result.orElseThrow(), read.apply(written).orElseThrow());
              }));
    }
    for (JsonNode example : root.get("invalid")) {
      Map<String, String> bag =
          MAPPER.convertValue(example.get("databag"), new TypeReference<>() {});
      List<String> keys = MAPPER.convertValue(example.get("errorKeys"), new TypeReference<>() {});
      tests.add(
          DynamicTest.dynamicTest(
              schema + " invalid: " + example.get("why").asText(),
              () -> {
                assertFalse(schema.validate(bag).isEmpty(), "the JSON Schema alone must reject it");
                DatabagResult<T> result = read.apply(bag);
                assertFalse(result.isValid());
                assertEquals(
                    new TreeSet<>(keys),
                    new TreeSet<>(result.errorKeys()),
                    result.describeErrors());
                for (FieldError e : result.errors()) {
                  assertTrue(
                      e.message().startsWith(e.key()), "message names the key: " + e.message());
                  assertEquals(
                      -1, ValueRules.firstControl(e.message()), "message is printable: " + e);
                }
              }));
    }
    return tests.stream();
  }

  private static String normalForm(String key, String value) {
    return key.equals("fileset") && value != null
        ? String.join(",", ValueRules.filesetPaths(value))
        : value;
  }
}
