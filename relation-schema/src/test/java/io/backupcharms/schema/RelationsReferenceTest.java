package io.backupcharms.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/reference/relations.md is generated from the schema files and their examples (the error
 * messages shown are the validator's real output), so the reference cannot drift from the schemas.
 * When a schema changes, regenerate it: {@code mvn -pl relation-schema test
 * -Drelations.doc.write=true}.
 */
class RelationsReferenceTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path DOC = Path.of("..", "docs", "reference", "relations.md");
  private static final Map<DatabagSchema, Function<Map<String, String>, DatabagResult<?>>> READERS =
      readers();

  @Test
  void referencePageIsGeneratedFromTheSchemas() throws IOException {
    String generated = render();
    if (Boolean.getBoolean("relations.doc.write")) {
      Files.writeString(DOC, generated, StandardCharsets.UTF_8);
    }
    String committed = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "";
    assertEquals(
        generated,
        committed,
        DOC
            + " is out of date with the schemas; regenerate it: "
            + "mvn -pl relation-schema test -Drelations.doc.write=true");
  }

  private static Map<DatabagSchema, Function<Map<String, String>, DatabagResult<?>>> readers() {
    Map<DatabagSchema, Function<Map<String, String>, DatabagResult<?>>> readers =
        new LinkedHashMap<>();
    readers.put(DatabagSchema.BACKUP_REQUIRER_APP, BackupRequirerData::fromDatabag);
    readers.put(DatabagSchema.BACKUP_PROVIDER_UNIT, BackupProviderUnitData::fromDatabag);
    readers.put(DatabagSchema.BACULA_DIR_PROVIDER_APP, DirectorAppData::fromDatabag);
    readers.put(DatabagSchema.BACULA_DIR_REQUIRER_UNIT, FileDaemonUnitData::fromDatabag);
    return readers;
  }

  static String render() throws IOException {
    StringBuilder md = new StringBuilder();
    md.append("# Relations\n\n")
        .append(
            "<!-- Generated from relation-schema/src/main/resources/schemas by "
                + "RelationsReferenceTest; do not edit. -->\n\n")
        .append(
            "The charms talk over two interfaces. Keys and encodings are exactly those of"
                + " Canonical's backup-operators charms, so a charm written for theirs works with"
                + " ours; what we add is optional and additive. Every databag holds plain strings."
                + " The JSON Schema files (draft 2020-12) in"
                + " `relation-schema/src/main/resources/schemas` are the source of truth, with"
                + " valid and invalid example databags next to each; charms in any language can"
                + " validate against them. Java charms use the records of the `relation-schema`"
                + " module (`relation-schema/README.md`), which apply the same rules and explain"
                + " each error; the messages below are their real output.\n\n")
        .append("| interface | requirer | provider |\n| --- | --- | --- |\n")
        .append(
            "| `backup` | the application to back up, or `backup-integrator` (endpoint "
                + "`backup`) | `bacula-fd` (endpoint `backup`, limit 1, scope container) |\n")
        .append(
            "| `bacula_dir` | `bacula-fd` (endpoint `bacula-dir`) | `bacula-server` (endpoint "
                + "`bacula-dir`) |\n");
    String currentInterface = "";
    for (DatabagSchema schema : DatabagSchema.values()) {
      if (!schema.interfaceName().equals(currentInterface)) {
        currentInterface = schema.interfaceName();
        md.append("\n## `").append(currentInterface).append("`\n");
      }
      renderBag(md, schema);
    }
    return md.toString();
  }

  private static void renderBag(StringBuilder md, DatabagSchema schema) throws IOException {
    JsonNode node = MAPPER.readTree(schema.text());
    String source = "relation-schema/src/main/resources" + schema.resourcePath();
    md.append("\n### ")
        .append(escape(node.path("title").asText()))
        .append("\n\n")
        .append("Schema: `")
        .append(source)
        .append("`\n\n")
        .append(escape(node.path("description").asText()))
        .append("\n\n")
        .append("| key | required | value |\n| --- | --- | --- |\n");
    List<String> required = MAPPER.convertValue(node.path("required"), new TypeReference<>() {});
    if (required == null) {
      required = List.of();
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.path("properties").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      md.append("| `")
          .append(p.getKey())
          .append("` | ")
          .append(required.contains(p.getKey()) ? "yes" : "no")
          .append(" | ")
          .append(escape(p.getValue().path("description").asText()))
          .append(" |\n");
    }
    JsonNode examples = examples(schema);
    JsonNode fullest = null;
    for (JsonNode valid : examples.path("valid")) {
      if (fullest == null || valid.size() > fullest.size()) {
        fullest = valid;
      }
    }
    md.append("\nA valid databag:\n\n```json\n")
        .append(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(fullest))
        .append("\n```\n\n")
        .append("Invalid databags and what the validator says (one message per problem):\n\n")
        .append("| databag | errors |\n| --- | --- |\n");
    for (JsonNode invalid : examples.path("invalid")) {
      Map<String, String> bag =
          MAPPER.convertValue(invalid.get("databag"), new TypeReference<>() {});
      DatabagResult<?> result = READERS.get(schema).apply(bag);
      md.append("| `")
          .append(MAPPER.writeValueAsString(invalid.get("databag")).replace("|", "\\|"))
          .append("` | ")
          .append(
              result.errors().stream()
                  .map(e -> "`" + e.message().replace("|", "\\|") + "`")
                  .collect(Collectors.joining(" ")))
          .append(" |\n");
    }
  }

  private static JsonNode examples(DatabagSchema schema) throws IOException {
    String path = schema.resourcePath().replace("/v1/", "/v1/examples/");
    try (InputStream in = RelationsReferenceTest.class.getResourceAsStream(path)) {
      return MAPPER.readTree(in);
    }
  }

  /** Markdown-safe table text: no raw HTML, no table breaks, no emphasis. */
  private static String escape(String text) {
    return text.replace("\\", "\\\\")
        .replace("<", "\\<")
        .replace(">", "\\>")
        .replace("|", "\\|")
        .replace("*", "\\*")
        .replace("_", "\\_")
        .replace("`", "\\`")
        .replace("\n", " ")
        .strip();
  }
}
