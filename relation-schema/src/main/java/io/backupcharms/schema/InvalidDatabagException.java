package io.backupcharms.schema;

import java.util.List;
import java.util.stream.Collectors;

/** A databag or record value breaks the interface's rules; carries every field-level error. */
public final class InvalidDatabagException extends IllegalArgumentException {
  private final transient List<FieldError> errors;

  /**
   * @param errors at least one error
   */
  public InvalidDatabagException(List<FieldError> errors) {
    super(errors.stream().map(FieldError::message).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  /** Every error, in the order found. */
  public List<FieldError> errors() {
    return errors;
  }
}
