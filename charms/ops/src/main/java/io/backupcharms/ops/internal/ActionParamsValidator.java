package io.backupcharms.ops.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.backupcharms.ops.model.CharmMeta;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks an action's parameters against its schema from {@code actions.yaml} before the handler
 * runs. Loaded only for actions, so hooks don't pay for the validator's classes.
 */
final class ActionParamsValidator {
  private ActionParamsValidator() {}

  /** The reason the parameters are invalid, or empty when they are valid. */
  static Optional<String> check(CharmMeta.ActionMeta action, Map<String, Object> params) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", action.params());
    if (!action.required().isEmpty()) {
      schema.put("required", action.required());
    }
    schema.put("additionalProperties", action.additionalProperties());
    JsonSchema compiled =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
            .getSchema(Json.mapper().valueToTree(schema));
    JsonNode value = Json.mapper().valueToTree(params);
    Set<String> problems = new TreeSet<>();
    for (ValidationMessage m : compiled.validate(value)) {
      problems.add(m.getMessage());
    }
    if (problems.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "invalid parameters for action "
            + action.name()
            + ": "
            + String.join("; ", problems)
            + ". Allowed: "
            + allowed(action));
  }

  private static String allowed(CharmMeta.ActionMeta action) {
    if (action.params().isEmpty()) {
      return "no parameters";
    }
    StringBuilder sb = new StringBuilder();
    action
        .params()
        .forEach(
            (name, spec) -> {
              if (sb.length() > 0) {
                sb.append(", ");
              }
              sb.append(name);
              if (spec instanceof Map<?, ?> s) {
                Object type = s.get("type");
                Object values = s.get("enum");
                sb.append(" (").append(type == null ? "any" : type);
                if (values != null) {
                  sb.append(" one of ").append(values);
                }
                if (action.required().contains(name)) {
                  sb.append(", required");
                }
                sb.append(')');
              }
            });
    if (!action.additionalProperties()) {
      sb.append("; no other parameters");
    }
    return sb.toString();
  }
}
