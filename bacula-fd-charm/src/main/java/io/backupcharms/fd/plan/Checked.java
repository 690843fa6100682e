package io.backupcharms.fd.plan;

import io.backupcharms.ops.Status;
import java.util.Optional;

/**
 * A value read from the model and accepted, or the outcome that says why it is not.
 *
 * @param value the accepted value, or null
 * @param problem why there is none, or null
 */
record Checked<T>(T value, Status problem) {
  static <T> Checked<T> accepted(T value) {
    return new Checked<>(value, null);
  }

  static <T> Checked<T> refused(Status problem) {
    return new Checked<>(null, problem);
  }

  Optional<Status> failure() {
    return Optional.ofNullable(problem);
  }
}
