package io.backupcharms.fd.plan;

import io.backupcharms.bacula.tls.KeyAndCertificate;
import io.backupcharms.fd.plan.DaemonSetup.PkiMaterial;
import io.backupcharms.fd.plan.DaemonSetup.TlsMaterial;
import io.backupcharms.fd.plan.FileDaemonPlan.Service;
import io.backupcharms.fd.plan.PlanInputs.DirectorEnd;
import io.backupcharms.ops.BlockedStatus;
import io.backupcharms.ops.Status;
import io.backupcharms.ops.WaitingStatus;
import io.backupcharms.schema.ClientsLeftOut;
import io.backupcharms.schema.DatabagResult;
import io.backupcharms.schema.DirectorAppData;
import io.backupcharms.schema.FileDaemonUnitData;
import io.backupcharms.schema.InvalidDatabagException;
import io.backupcharms.schema.UnitPasswords;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Derives the whole {@link FileDaemonPlan} from what the model says, touching nothing: the same
 * inputs give the same plan, on every hook. See {@code docs/reference/bacula-fd.md} for the
 * statuses.
 */
public final class PlanBuilder {
  private static final Logger LOG = LoggerFactory.getLogger(PlanBuilder.class);

  private PlanBuilder() {}

  /**
   * The plan for {@code in}.
   *
   * @param secrets reads the Director's password secret, whose id the server publishes
   */
  public static FileDaemonPlan build(PlanInputs in, SecretReader secrets) {
    // Another unit's machine, or a target missing or refused, withdraws the client, so that the
    // Director drops it while there is nothing valid to back up (a target that went away must not
    // leave a stale Job).
    Optional<Map<String, String>> withdraw = in.director().map(d -> Map.of());
    if (in.machineOwner().isPresent()) {
      // Touching the configuration or the daemon would take the other unit's backups away.
      return FileDaemonPlan.halted(
          false, Service.UNCHANGED, withdraw, owned(in.machineOwner().get(), in.unit()));
    }
    CharmConfig config;
    try {
      config = CharmConfig.from(in.config());
    } catch (InvalidConfigException e) {
      return FileDaemonPlan.halted(false, Service.UNCHANGED, Optional.empty(), e.status());
    }
    Service idle = in.director().isEmpty() ? Service.STOPPED : Service.UNCHANGED;
    Checked<BackupTarget> target = BackupTarget.read(in);
    if (target.failure().isPresent()) {
      return FileDaemonPlan.halted(true, idle, withdraw, target.problem());
    }
    if (in.director().isEmpty()) {
      return FileDaemonPlan.halted(
          true, idle, Optional.empty(), new WaitingStatus("waiting for bacula-dir relation"));
    }
    String name =
        FileDaemonUnitData.defaultName(
            in.model(), target.value().principal().unit(), in.modelUuid());
    FileDaemonUnitData mine;
    try {
      mine = UnitBag.of(name, target.value().data(), config, in.noopScript());
    } catch (InvalidDatabagException e) {
      return FileDaemonPlan.halted(
          true, idle, Optional.empty(), invalid("backup relation data", e.getMessage()));
    }
    Optional<Map<String, String>> published = Optional.of(mine.toDatabag());
    Checked<DaemonSetup> setup = serving(in, in.director().get(), name, config, mine, secrets);
    if (setup.failure().isPresent()) {
      return FileDaemonPlan.halted(true, idle, published, setup.problem());
    }
    return new FileDaemonPlan(
        true, Service.RUNNING, published, Optional.of(setup.value()), Optional.empty());
  }

  private static Status owned(String owner, String self) {
    return new BlockedStatus(
        "this machine's File Daemon belongs to "
            + owner
            + " (one per machine: one bacula-fd.conf, one service); back this principal's paths"
            + " up through "
            + appOf(owner)
            + " instead (add them"
            + " to the fileset of its backup relation), then remove this principal's relation to "
            + appOf(self));
  }

  private static String appOf(String unit) {
    return unit.substring(0, unit.indexOf('/'));
  }

  /** The daemon's setup from what bacula-server published, or what it still lacks. */
  private static Checked<DaemonSetup> serving(
      PlanInputs in,
      DirectorEnd director,
      String name,
      CharmConfig config,
      FileDaemonUnitData mine,
      SecretReader secrets) {
    if (director.appData().isEmpty()) {
      return Checked.refused(new WaitingStatus("waiting for bacula-dir relation data"));
    }
    DatabagResult<DirectorAppData> result = DirectorAppData.fromDatabag(director.appData());
    if (!result.isValid()) {
      String problems = describeRedacted(result);
      LOG.warn("bacula-dir relation {}: {}", director.relation(), problems);
      return Checked.refused(invalid("bacula-dir relation data", problems));
    }
    DirectorAppData dir = result.orElseThrow();
    Optional<String> ownSecret;
    try {
      ownSecret = UnitPasswords.forUnit(director.appData(), in.unit());
    } catch (InvalidDatabagException e) {
      return Checked.refused(invalid("bacula-dir relation data", e.getMessage()));
    }
    // The unit's own secret, once the server made one: the relation's is readable by every
    // sibling unit, so a File Daemon accepting it could be opened from any machine of the
    // application.
    String secretId = ownSecret.orElse(dir.passwordSecretId());
    Optional<Map<String, String>> content = secrets.read(secretId);
    if (content.isEmpty()) {
      return Checked.refused(
          new WaitingStatus("waiting for access to the Director's password secret " + secretId));
    }
    Map<String, String> secret = content.get();
    String password = secret.get(DirectorAppData.SECRET_PASSWORD_KEY);
    if (password == null || password.isEmpty()) {
      return Checked.refused(
          new BlockedStatus(
              "the Director's password secret "
                  + secretId
                  + " has no \"password\" "
                  + "key; bacula-server must publish a secret with content {\"password\": ...}"));
    }
    if (director.ingressAddress().isEmpty()) {
      return Checked.refused(
          new WaitingStatus("waiting for an ingress address on the bacula-dir relation"));
    }
    String address = director.ingressAddress().get();
    Optional<TlsMaterial> tls = ownSecret.isPresent() ? tls(secret, address) : Optional.empty();
    PkiKeys keys = ownSecret.isPresent() ? PkiKeys.of(secret) : PkiKeys.NONE;
    Optional<PkiMaterial> pki = keys.inUse().map(k -> new PkiMaterial(k, keys.masterCertificate()));
    return Checked.accepted(
        new DaemonSetup(
            name,
            address,
            config.port(),
            dir.name(),
            password,
            tls,
            pki,
            keys.recoveryFor(),
            mine.schedule(),
            Optional.ofNullable(ClientsLeftOut.decode(director.appData()).get(in.unit())),
            handshake(ownSecret.isPresent(), password, tls, keys)));
  }

  /**
   * The TLS material in the unit's own secret. The server puts a certificate for this unit's
   * address there; until it has, the File Daemon runs without TLS.
   */
  private static Optional<TlsMaterial> tls(Map<String, String> secret, String address) {
    String key = secret.get(UnitPasswords.SECRET_TLS_KEY);
    String certificate = secret.get(UnitPasswords.SECRET_TLS_CERTIFICATE);
    String authority = secret.get(UnitPasswords.SECRET_TLS_CA);
    if (key == null
        || certificate == null
        || authority == null
        || !address.equals(secret.get(UnitPasswords.SECRET_TLS_ADDRESS))) {
      return Optional.empty();
    }
    return Optional.of(new TlsMaterial(authority, new KeyAndCertificate(key, certificate)));
  }

  /**
   * What the unit tells the Director once its File Daemon holds this setup: said only then, so that
   * the Director switches to the unit's password, certificate or keys when the daemon accepts them
   * (after rotate-passwords it keeps the previous password until then).
   */
  private static Map<String, String> handshake(
      boolean ownSecret, String password, Optional<TlsMaterial> tls, PkiKeys keys) {
    return Map.of(
        UnitPasswords.SCOPE_KEY,
        ownSecret ? UnitPasswords.SCOPE_UNIT : "",
        UnitPasswords.TLS_KEY,
        tls.isPresent() ? UnitPasswords.TLS_REQUIRED : "",
        UnitPasswords.TLS_TRUST_KEY,
        tls.map(t -> UnitPasswords.fingerprint(t.authority().strip())).orElse(""),
        UnitPasswords.APPLIED_KEY,
        ownSecret ? UnitPasswords.fingerprint(password) : "",
        UnitPasswords.PKI_KEY,
        keys.inUse().map(KeyAndCertificate::fingerprint).orElse(""));
  }

  private static Status invalid(String what, String why) {
    return new BlockedStatus("invalid " + what + ": " + why);
  }

  /**
   * The problems with the server's bag, never quoting the {@code password} value: if a server put a
   * password there instead of a secret id, neither the status nor the log may repeat it.
   */
  private static String describeRedacted(DatabagResult<DirectorAppData> result) {
    return result.errors().stream()
        .map(
            e ->
                e.key().equals(DirectorAppData.PASSWORD)
                    ? "password is not a Juju secret id; bacula-server must publish the id of a"
                        + " secret (secret:...), never the password itself"
                    : e.message())
        .distinct()
        .collect(Collectors.joining("; "));
  }
}
