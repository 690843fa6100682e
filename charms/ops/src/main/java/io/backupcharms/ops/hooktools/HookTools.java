package io.backupcharms.ops.hooktools;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One method per Juju hook tool, named after it, taking typed arguments and returning what the tool
 * prints with {@code --format=json}. No caching and no policy: the model layer above decides what
 * may be called. Nullable string arguments mean "flag not given".
 *
 * <p>Implementations: {@link ProcessHookTools} (real tools on {@code PATH}) and the in-memory
 * backend of {@code ops-testing}. Every method throws {@link ModelError} (or a subclass) when the
 * tool fails. See {@code shared/reference/juju-hook-tools.md} for each tool's contract.
 */
public interface HookTools {
  /** {@code relation-ids <endpoint>}: ids such as {@code db:5}, sorted. */
  List<String> relationIds(String endpoint);

  /** {@code relation-list -r <id>}: the remote units in the relation, sorted. */
  List<String> relationList(int relationId);

  /** {@code relation-list -r <id> --app}: the remote application, empty if Juju doesn't know it. */
  Optional<String> relationListApp(int relationId);

  /** {@code relation-get -r <id> [--app] - <unitOrApp>}: the whole databag. */
  Map<String, String> relationGet(int relationId, String unitOrApp, boolean app);

  /**
   * {@code relation-set -r <id> [--app] --file -}: values go by stdin as YAML so Juju neither trims
   * them nor shows them on the command line. An empty value deletes the key.
   */
  void relationSet(int relationId, boolean app, Map<String, String> values);

  /**
   * {@code config-get --all}: every option with its native type (String, Long, Double, Boolean).
   */
  Map<String, Object> configGet();

  /** {@code is-leader}. */
  boolean isLeader();

  /** {@code status-set [--application] <status> -- <message>}. */
  void statusSet(boolean application, String status, String message);

  /** {@code status-get [--application]}. */
  StatusInfo statusGet(boolean application);

  /** {@code application-version-set <version>}. */
  void applicationVersionSet(String version);

  /**
   * {@code juju-log --log-level <level> -- <message>}; level is DEBUG, INFO, WARNING, ERROR or
   * CRITICAL.
   */
  void jujuLog(String level, String message);

  /** {@code action-get}: the action's parameters with native types. */
  Map<String, Object> actionGet();

  /** {@code action-set k=v ...} with flattened, dotted keys. */
  void actionSet(Map<String, String> results);

  /** {@code action-fail <message>}. */
  void actionFail(String message);

  /** {@code action-log <message>}. */
  void actionLog(String message);

  /** {@code open-port <spec>}, spec as {@code 80/tcp}, {@code 8000-8999/udp} or {@code icmp}. */
  void openPort(String spec);

  /** {@code close-port <spec>}. */
  void closePort(String spec);

  /** {@code opened-ports}: specs such as {@code 80/tcp}. */
  List<String> openedPorts();

  /** {@code network-get <binding> [-r <id>]}. */
  NetworkInfo networkGet(String binding, OptionalInt relationId);

  /**
   * {@code secret-add}: content passed as {@code key#file=<path>} from a private temporary
   * directory, never on the command line. Returns the new secret's URI.
   *
   * @param owner {@code application} or {@code unit}
   */
  String secretAdd(Map<String, String> content, String label, String description, String owner);

  /** {@code secret-get <id> [--label L] [--peek|--refresh]}; id may be null when label is given. */
  Map<String, String> secretGet(String id, String label, boolean peek, boolean refresh);

  /** {@code secret-set <id> [--label L] [--description D] key#file=...}; null content keeps it. */
  void secretSet(String id, Map<String, String> content, String label, String description);

  /** {@code secret-grant <id> -r <relation> [--unit U]}. */
  void secretGrant(String id, int relationId, String unit);

  /** {@code secret-revoke <id> -r <relation> [--unit U]}. */
  void secretRevoke(String id, int relationId, String unit);

  /** {@code secret-remove <id> [--revision N]}. */
  void secretRemove(String id, OptionalInt revision);

  /** {@code secret-ids}: URIs of the secrets this unit or its application owns. */
  List<String> secretIds();

  /** {@code secret-info-get <id>} or {@code secret-info-get --label L} (id null). */
  SecretInfo secretInfoGet(String id, String label);

  /** {@code state-get}: Juju's server-side unit state. */
  Map<String, String> stateGet();

  /** {@code state-set --file -}. */
  void stateSet(Map<String, String> values);

  /** {@code state-delete <key>}. */
  void stateDelete(String key);
}
