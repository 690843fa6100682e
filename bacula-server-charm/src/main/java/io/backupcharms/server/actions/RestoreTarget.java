package io.backupcharms.server.actions;

import io.backupcharms.server.clients.ClientSpec;
import io.backupcharms.server.clients.KnownClient;
import io.backupcharms.server.clients.NameBindings;
import java.util.List;

/**
 * Which File Daemon receives a restore. By default the client itself, which must be related now.
 * Another unit must be related now too, and belong to the client's own application unless the
 * operator passes {@code allow-other-application=true}: a restore writes files as root, with the
 * client's owners and modes, onto the target's machine, and another application's run scripts,
 * paths and users are not made for this application's data; a typing slip ({@code target=db/0}
 * for {@code target=app/1}) must not overwrite a database server's files.
 */
final class RestoreTarget {

  private RestoreTarget() {}

  /**
   * @throws InvalidParamsException saying which target to give or which flag to set
   */
  static ClientSpec choose(ClientSelector selector, KnownClient client, RestoreRequest request) {
    if (request.target().isEmpty()) {
      return selector.ready(client).orElseThrow(() -> new InvalidParamsException(List.of(
          selector.describe(client) + " has no related unit now, so its backup cannot go back to"
              + " it; restore it onto a unit related now with target=<unit>" + candidates(selector, client))));
    }
    ClientSpec target = selector.select(request.target().get());
    String application = NameBindings.application(selector.attributedUnit(target));
    if (!application.equals(client.application()) && !request.allowOtherApplication()) {
      throw new InvalidParamsException(List.of(
          "target " + selector.attributedUnit(target) + " belongs to application " + application
              + ", not to " + client.application() + " whose backup this is; a restore writes the"
              + " files as root on the target's machine, where another application's scripts and"
              + " paths do not expect them. Choose a unit of " + client.application()
              + candidates(selector, client) + ", or pass allow-other-application=true if you mean it"));
    }
    return target;
  }

  private static String candidates(ClientSelector selector, KnownClient client) {
    List<String> units = selector.readyUnitsOf(client.application());
    return units.isEmpty() ? " (" + client.application() + " has none related now: add one with juju"
        + " add-unit " + client.application() + ")" : " (related now: " + String.join(", ", units) + ")";
  }
}
