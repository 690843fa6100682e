package io.backupcharms.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads one databag key by key, collecting the semantic errors, then adds the JSON Schema's errors
 * for keys the semantic rules found nothing wrong with (a regex failure on a key that already has a
 * precise message would only repeat it less clearly).
 */
final class BagCheck {
  private final DatabagSchema schema;
  private final Map<String, String> bag;
  private final List<FieldError> errors = new ArrayList<>();

  BagCheck(DatabagSchema schema, Map<String, String> bag) {
    this.schema = schema;
    this.bag = Objects.requireNonNull(bag, "databag");
  }

  /** The value of a required key, or empty after recording that it is missing. */
  Optional<String> required(String key, String whatToDo) {
    String value = bag.get(key);
    if (value == null) {
      errors.add(new FieldError(key, key + " is missing; " + whatToDo));
    }
    return Optional.ofNullable(value);
  }

  /**
   * The value of a required key; when it is missing, records that and returns {@code standIn}, a
   * valid value that lets the record still be built once and so report every other key.
   */
  String required(String key, String whatToDo, String standIn) {
    return required(key, whatToDo).orElse(standIn);
  }

  /** The value of an optional key. */
  Optional<String> optional(String key) {
    return Optional.ofNullable(bag.get(key));
  }

  /** Where the semantic rules add their errors. */
  List<FieldError> errors() {
    return errors;
  }

  /**
   * Builds the record once, which runs every value rule in its constructor, and returns it when
   * neither a rule, the reading nor the schema found a problem; else every error.
   */
  <T> DatabagResult<T> construct(Supplier<T> build) {
    T value = null;
    try {
      value = build.get();
    } catch (InvalidDatabagException e) {
      errors.addAll(e.errors());
    }
    T built = value;
    return result(() -> built);
  }

  /** The record when no rule failed, else every error. */
  <T> DatabagResult<T> result(Supplier<T> build) {
    List<FieldError> all = new ArrayList<>(errors);
    Set<String> reported = new HashSet<>();
    errors.forEach(e -> reported.add(e.key()));
    for (FieldError e : schema.validate(bag)) {
      if (!reported.contains(e.key())) {
        all.add(e);
      }
    }
    if (!all.isEmpty()) {
      return new DatabagResult.Invalid<>(all);
    }
    return new DatabagResult.Valid<>(build.get());
  }
}
