package io.backupcharms.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Our addition to the {@code bacula_dir} interface: one Director password per File Daemon unit. The
 * relation's {@code password} secret is granted to the whole relation, so every unit of an
 * application could read it and log in to its siblings' File Daemons as the Director. The server
 * therefore also publishes, under {@link #KEY}, a JSON object from each remote unit to the id of a
 * secret granted to that unit alone. A File Daemon that uses its own says so in its unit bag
 * ({@link #SCOPE_KEY} = {@link #SCOPE_UNIT}), and the server then pairs with it by that password
 * only. Charms that know neither key keep the relation's password, as the interface allows.
 */
public final class UnitPasswords {
  /** Provider application databag key: unit name to secret id, as JSON. */
  public static final String KEY = "unit-passwords";

  /** Requirer unit databag key: which password this File Daemon accepts the Director by. */
  public static final String SCOPE_KEY = "password-scope";

  /** {@link #SCOPE_KEY}'s value for a File Daemon that accepts only its unit's password. */
  public static final String SCOPE_UNIT = "unit";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};

  private UnitPasswords() {}

  /** The value to publish: sorted, so an unchanged set is an unchanged value; "" when empty. */
  public static String encode(Map<String, String> secretIds) {
    if (secretIds.isEmpty()) {
      return "";
    }
    try {
      return MAPPER.writeValueAsString(new TreeMap<>(secretIds));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings is always JSON", e);
    }
  }

  /**
   * The secret id published for {@code unit}; empty when the key is absent or names no secret for
   * it (an older server: the relation's password applies).
   *
   * @throws InvalidDatabagException naming the key when the value is not such an object, or the
   *     unit's entry is not a secret id
   */
  public static Optional<String> forUnit(Map<String, String> providerBag, String unit) {
    String value = providerBag.getOrDefault(KEY, "");
    if (value.isBlank()) {
      return Optional.empty();
    }
    Map<String, String> read;
    try {
      read = MAPPER.readValue(value, MAP);
    } catch (JsonProcessingException e) {
      throw new InvalidDatabagException(
          List.of(
              new FieldError(
                  KEY,
                  KEY
                      + " is not a JSON object from unit name to secret id; bacula-server must"
                      + " publish one")));
    }
    String id = read.get(unit);
    if (id == null) {
      return Optional.empty();
    }
    List<FieldError> errors = new ArrayList<>();
    ValueRules.checkSecretId(KEY, id, errors);
    if (!errors.isEmpty()) {
      // Never quoted: a server that put the password itself there must not see it repeated.
      throw new InvalidDatabagException(
          List.of(
              new FieldError(
                  KEY,
                  KEY
                      + " entry of "
                      + unit
                      + " is not a Juju secret id; bacula-server must publish the id of a secret"
                      + " (secret:...), never the password itself")));
    }
    return Optional.of(id);
  }

  /**
   * Keys of a File Daemon unit's own secret, beside {@code password}, that carry its TLS material:
   * its PKCS#8 key, its certificate, the authority's certificate (all PEM), and the address the
   * certificate names.
   */
  public static final String SECRET_TLS_KEY = "tls-key";

  public static final String SECRET_TLS_CERTIFICATE = "tls-certificate";
  public static final String SECRET_TLS_CA = "tls-ca";
  public static final String SECRET_TLS_ADDRESS = "tls-address";

  /**
   * Keys of a File Daemon unit's own secret that carry its data-encryption keys, when the server's
   * {@code encryption} option is on: the unit's key pair (PKCS#8 key, certificate), the master
   * key's certificate every backup is encrypted for too, and, only while a restore of another
   * client's backups onto this unit waits for it, that client's key pair (or the master key pair)
   * and the client it belongs to.
   */
  public static final String SECRET_PKI_KEY = "pki-key";

  public static final String SECRET_PKI_CERTIFICATE = "pki-certificate";
  public static final String SECRET_PKI_MASTER = "pki-master-certificate";
  public static final String SECRET_PKI_RECOVERY_KEY = "pki-recovery-key";
  public static final String SECRET_PKI_RECOVERY_CERTIFICATE = "pki-recovery-certificate";
  public static final String SECRET_PKI_RECOVERY_FOR = "pki-recovery-for";

  /**
   * The File Daemon's unit-bag key: the fingerprint of the key pair it encrypts and decrypts with.
   */
  public static final String PKI_KEY = "pki-keypair";

  /**
   * Key of a File Daemon unit's own secret holding the password it accepted before {@code
   * rotate-passwords}: the Director keeps using it until the unit says it applied the new one
   * ({@link #APPLIED_KEY}), so no job meets a File Daemon that does not know its password.
   */
  public static final String SECRET_PREVIOUS_PASSWORD = "previous-password";

  /**
   * The File Daemon's unit-bag key: {@link #fingerprint} of the password its configuration holds.
   */
  public static final String APPLIED_KEY = "password-applied";

  /**
   * A short public name of a password: the first 16 hex digits of its SHA-256. Passwords are
   * random, so it tells which one a File Daemon applied without helping anyone guess it.
   */
  public static String fingerprint(String password) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JRE has SHA-256", e);
    }
  }

  /** The File Daemon's unit-bag key saying it requires TLS of the Director. */
  public static final String TLS_KEY = "tls";

  /** {@link #TLS_KEY}'s value once its configuration requires TLS with its unit's certificate. */
  public static final String TLS_REQUIRED = "required";

  /**
   * Whether the File Daemon says it requires TLS ({@link #TLS_KEY} = {@link #TLS_REQUIRED}): the
   * Director's Client resource must then use TLS too, or it cannot log in.
   */
  public static boolean requiresTls(Map<String, String> requirerUnitBag) {
    return TLS_REQUIRED.equals(requirerUnitBag.get(TLS_KEY));
  }

  /**
   * The File Daemon's unit-bag key: the fingerprint ({@link #fingerprint}) of the authority
   * certificates ({@link #SECRET_TLS_CA}) its running configuration trusts. The provider moves its
   * own daemons to a certificate of a new authority only once every File Daemon trusts it.
   */
  public static final String TLS_TRUST_KEY = "tls-trust";

  /** Whether a File Daemon's unit bag says it accepts only its unit's password. */
  public static boolean usesUnitPassword(Map<String, String> requirerUnitBag) {
    return SCOPE_UNIT.equals(requirerUnitBag.get(SCOPE_KEY));
  }
}
