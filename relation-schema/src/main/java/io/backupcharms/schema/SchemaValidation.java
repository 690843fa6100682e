package io.backupcharms.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** One compiled JSON Schema, and the translation of its messages into {@link FieldError}s. */
final class SchemaValidation {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Map<DatabagSchema, SchemaValidation> CACHE =
      new EnumMap<>(DatabagSchema.class);

  private final DatabagSchema id;
  private final JsonNode schemaNode;
  private final JsonSchema schema;

  private SchemaValidation(DatabagSchema id) {
    this.id = id;
    try {
      this.schemaNode = MAPPER.readTree(id.text());
    } catch (IOException e) {
      throw new UncheckedIOException("schema " + id.resourcePath() + " is not valid JSON", e);
    }
    this.schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode);
  }

  static synchronized SchemaValidation of(DatabagSchema id) {
    return CACHE.computeIfAbsent(id, SchemaValidation::new);
  }

  List<FieldError> validate(Map<String, String> databag) {
    ObjectNode node = MAPPER.createObjectNode();
    databag.forEach(node::put);
    List<ValidationMessage> messages = new ArrayList<>(schema.validate(node));
    // The validator returns a set; sort so that operators see the same order every time.
    messages.sort(
        Comparator.comparing(SchemaValidation::keyOf).thenComparing(ValidationMessage::getType));
    List<FieldError> errors = new ArrayList<>();
    for (ValidationMessage m : messages) {
      String key = keyOf(m);
      String value = databag.get(key);
      String rule = describeRule(key);
      String message;
      if (value == null) {
        message = key + " is missing (" + id + " " + m.getType() + ")" + rule;
      } else {
        message =
            key
                + " "
                + ValueRules.quote(value)
                + " does not match the "
                + id
                + " schema ("
                + m.getType()
                + ")"
                + rule;
      }
      errors.add(new FieldError(key, message));
    }
    return errors;
  }

  private String describeRule(String key) {
    JsonNode description = schemaNode.path("properties").path(key).path("description");
    return description.isTextual() ? "; expected: " + description.asText() : "";
  }

  private static String keyOf(ValidationMessage m) {
    // dependentRequired reports the present key as its property; the missing one is argument 0.
    if ("dependentRequired".equals(m.getType())
        && m.getArguments() != null
        && m.getArguments().length > 0
        && m.getArguments()[0] instanceof String) {
      return (String) m.getArguments()[0];
    }
    if (m.getInstanceLocation() != null && m.getInstanceLocation().getNameCount() > 0) {
      return m.getInstanceLocation().getName(0);
    }
    if (m.getProperty() != null) {
      return m.getProperty();
    }
    return "(databag)";
  }
}
