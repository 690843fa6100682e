package io.backupcharms.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The versioned JSON Schema files, one per databag, shipped on the classpath under {@code
 * /schemas/<interface>/v<version>/<side>-<bag>.json}. They are the source of truth that charms in
 * other languages validate against, and the reference docs are generated from them.
 */
public enum DatabagSchema {
  /** {@code backup} v1, requirer application databag: fileset and hook-script paths. */
  BACKUP_REQUIRER_APP("backup", 1, "requirer-app"),
  /** {@code backup} v1, provider unit databag: our additive last-backup outcome. */
  BACKUP_PROVIDER_UNIT("backup", 1, "provider-unit"),
  /** {@code bacula_dir} v1, provider (bacula-server) application databag. */
  BACULA_DIR_PROVIDER_APP("bacula_dir", 1, "provider-app"),
  /** {@code bacula_dir} v1, requirer (bacula-fd) unit databag. */
  BACULA_DIR_REQUIRER_UNIT("bacula_dir", 1, "requirer-unit");

  private final String interfaceName;
  private final int version;
  private final String bag;

  DatabagSchema(String interfaceName, int version, String bag) {
    this.interfaceName = interfaceName;
    this.version = version;
    this.bag = bag;
  }

  /** The Juju interface name, e.g. {@code backup}. */
  public String interfaceName() {
    return interfaceName;
  }

  /** The schema version. */
  public int version() {
    return version;
  }

  /** The classpath resource, e.g. {@code /schemas/backup/v1/requirer-app.json}. */
  public String resourcePath() {
    return "/schemas/" + interfaceName + "/v" + version + "/" + bag + ".json";
  }

  /** The schema file's text. */
  public String text() {
    try (InputStream in = DatabagSchema.class.getResourceAsStream(resourcePath())) {
      if (in == null) {
        throw new IllegalStateException(
            "schema "
                + resourcePath()
                + " is missing from the "
                + "relation-schema jar; rebuild relation-schema");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema " + resourcePath(), e);
    }
  }

  /**
   * Validates a databag against this JSON Schema only, without the semantic rules; the records'
   * {@code fromDatabag} methods apply both.
   *
   * @return the errors, empty when the databag matches
   */
  public List<FieldError> validate(Map<String, String> databag) {
    Objects.requireNonNull(databag, "databag");
    return SchemaValidation.of(this).validate(databag);
  }

  @Override
  public String toString() {
    return interfaceName + "/v" + version + "/" + bag;
  }
}
