package io.backupcharms.schema;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The outcome of reading a databag: either the typed record or every field-level error found.
 *
 * @param <T> the record type
 */
public sealed interface DatabagResult<T> permits DatabagResult.Valid, DatabagResult.Invalid {

  /** Whether the databag was valid. */
  boolean isValid();

  /** The errors, empty when valid. */
  List<FieldError> errors();

  /**
   * The record.
   *
   * @throws InvalidDatabagException listing every error when the databag was invalid
   */
  T orElseThrow();

  /** The errors joined with "; " for a status message, empty when valid. */
  default String describeErrors() {
    return errors().stream().map(FieldError::message).collect(Collectors.joining("; "));
  }

  /** The keys that have errors, in order, for short status messages such as "invalid: fileset". */
  default List<String> errorKeys() {
    return errors().stream().map(FieldError::key).distinct().collect(Collectors.toList());
  }

  /** A valid databag. @param value the record */
  record Valid<T>(T value) implements DatabagResult<T> {
    /** Checks the value is present. */
    public Valid {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean isValid() {
      return true;
    }

    @Override
    public List<FieldError> errors() {
      return List.of();
    }

    @Override
    public T orElseThrow() {
      return value;
    }
  }

  /** An invalid databag. @param errors at least one error */
  record Invalid<T>(List<FieldError> errors) implements DatabagResult<T> {
    /** Copies the errors; there must be at least one. */
    public Invalid {
      errors = List.copyOf(errors);
      if (errors.isEmpty()) {
        throw new IllegalArgumentException("an invalid databag needs at least one error");
      }
    }

    @Override
    public boolean isValid() {
      return false;
    }

    @Override
    public T orElseThrow() {
      throw new InvalidDatabagException(errors);
    }
  }
}
