package io.backupcharms.fd.plan;

import java.util.Map;
import java.util.Optional;

/** Reads a Juju secret's content for {@link PlanBuilder}, which learns its id from the server. */
@FunctionalInterface
public interface SecretReader {
  /** The content of secret {@code id}, or empty while this unit may not read it yet. */
  Optional<Map<String, String>> read(String id);
}
