package io.backupcharms.server.offsite;

import io.backupcharms.ops.model.Model;
import io.backupcharms.ops.model.Relation;
import java.util.Map;
import java.util.Optional;

/**
 * The requirer side of the {@code s3} relation. The provider's application databag holds the bucket
 * and credentials ({@link S3Settings}); we ask for a bucket name, as the interface wants, though
 * providers such as s3-integrator answer with their own.
 */
public final class OffsiteRelation {

  private OffsiteRelation() {}

  /** The relation's reading, or empty when bacula-server is not related over {@code s3}. */
  public static Optional<S3Settings.Reading> read(Model model) {
    Optional<Relation> relation = model.relation(S3Settings.ENDPOINT);
    if (relation.isEmpty()) {
      return Optional.empty();
    }
    Relation r = relation.get();
    if (r.app().isEmpty()) {
      return Optional.of(new S3Settings.Incomplete("waiting for the s3 provider to join"));
    }
    return Optional.of(S3Settings.read(r.remoteAppData().asMap()));
  }

  /** What the leader publishes: the bucket it would like, named after the application. */
  public static Map<String, String> request(String application) {
    return Map.of("bucket", "bacula-" + application);
  }
}
