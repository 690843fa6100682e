package io.backupcharms.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code bacula_dir} interface, provider (bacula-server) application databag (schema {@code
 * schemas/bacula_dir/v1/provider-app.json}).
 *
 * @param name the Director's name, {@code charm-bacula-dir}
 * @param passwordSecretId the id of the Juju secret holding {@code {"password": ...}}; published
 *     under the key {@code password}, as Canonical's charms do
 * @throws InvalidDatabagException from the constructor when a value breaks the interface's rules
 */
public record DirectorAppData(String name, String passwordSecretId) {
  /** Databag key: the Director's name. */
  public static final String NAME = "name";

  /** Databag key: the secret id (not the password itself). */
  public static final String PASSWORD = "password";

  /** The key inside the secret's content that holds the password. */
  public static final String SECRET_PASSWORD_KEY = "password";

  /** The Director name the reference charms use. */
  public static final String DEFAULT_DIRECTOR_NAME = "charm-bacula-dir";

  /** Validates both values. */
  public DirectorAppData {
    Objects.requireNonNull(name, NAME);
    Objects.requireNonNull(passwordSecretId, PASSWORD);
    List<FieldError> errors = new ArrayList<>();
    ValueRules.checkBaculaName(NAME, name, errors);
    ValueRules.checkSecretId(PASSWORD, passwordSecretId, errors);
    if (!errors.isEmpty()) {
      throw new InvalidDatabagException(errors);
    }
  }

  /**
   * Reads the databag as a bacula-fd receives it (from {@code relation-get --app}).
   *
   * @return the record, or every field-level error
   */
  public static DatabagResult<DirectorAppData> fromDatabag(Map<String, String> databag) {
    BagCheck check = new BagCheck(DatabagSchema.BACULA_DIR_PROVIDER_APP, databag);
    String wait =
        "the bacula-server leader has not published it yet; wait for it, or check "
            + "bacula-server's status";
    check.required(NAME, wait).ifPresent(v -> ValueRules.checkBaculaName(NAME, v, check.errors()));
    check
        .required(PASSWORD, wait)
        .ifPresent(v -> ValueRules.checkSecretId(PASSWORD, v, check.errors()));
    return check.result(() -> new DirectorAppData(databag.get(NAME), databag.get(PASSWORD)));
  }

  /** The databag to write with {@code relation-set --app}. */
  public Map<String, String> toDatabag() {
    Map<String, String> bag = new LinkedHashMap<>();
    bag.put(NAME, name);
    bag.put(PASSWORD, passwordSecretId);
    return bag;
  }
}
