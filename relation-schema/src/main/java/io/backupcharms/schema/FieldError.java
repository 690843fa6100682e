package io.backupcharms.schema;

import java.util.Objects;

/**
 * One problem with one databag key.
 *
 * @param key the databag key, e.g. {@code fileset}
 * @param message a full sentence that names the key, quotes the offending value safely and says
 *     what to do, e.g. {@code fileset path "var/lib" is relative; use an absolute path such as
 *     /var/lib/myapp}
 */
public record FieldError(String key, String message) {
  /** Checks that both parts are present. */
  public FieldError {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return message;
  }
}
