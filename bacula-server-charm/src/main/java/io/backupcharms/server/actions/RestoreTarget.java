package io.backupcharms.server.actions;

import io.backupcharms.server.clients.ClientSpec;
import io.backupcharms.server.clients.KnownClient;
import io.backupcharms.server.clients.NameBindings;
import java.util.List;
import java.util.Optional;

/**
 * Which File Daemon receives a restore. By default the client itself, which must be related now.
 * Another unit must be related now too, and belong to the client's own application unless the
 * operator passes {@code allow-other-application=true}: a restore writes files as root, with the
 * client's owners and modes, onto the target's machine, and another application's run scripts,
 * paths and users are not made for this application's data; a typing slip ({@code target=db/0} for
 * {@code target=app/1}) must not overwrite a database server's files. The application is checked
 * twice: the unit the target stands for, which rests on the name its File Daemon chose, and the
 * File Daemon application that sent it, which Juju vouches for; a unit of another application that
 * names itself {@code myapp/5} is still another application.
 */
final class RestoreTarget {

  private RestoreTarget() {}

  /**
   * @param recorded what the server remembers of the client, which says whether its name changed
   *     File Daemon application: earlier backups then belong to the application that left, and go
   *     onto the new sender only when the operator passes {@code allow-other-application=true}
   * @throws InvalidParamsException saying which target to give or which flag to set
   */
  static ClientSpec choose(
      ClientSelector selector,
      KnownClient client,
      Optional<KnownClient> recorded,
      RestoreParams request) {
    if (recorded.isPresent()
        && recorded.get().changedApplication()
        && !request.allowOtherApplication()) {
      KnownClient r = recorded.get();
      throw new InvalidParamsException(
          List.of(
              "the name of "
                  + selector.describe(client)
                  + " was"
                  + " published by "
                  + r.previousFdUnit()
                  + " until the relation of its application was"
                  + " removed, and is published by "
                  + r.fdUnit()
                  + " now: backups made before may be "
                  + NameBindings.application(r.previousFdUnit())
                  + "'s, not "
                  + r.fdApplication()
                  + "'s."
                  + " Pass allow-other-application=true to restore onto "
                  + r.fdUnit()
                  + " (or onto a"
                  + " target=<unit>) if you mean it"));
    }
    if (request.target().isEmpty()) {
      return selector
          .ready(client)
          .orElseThrow(
              () ->
                  new InvalidParamsException(
                      List.of(
                          selector.describe(client)
                              + " has no related unit now, so its backup cannot go back to"
                              + " it; restore it onto a unit related now with target=<unit>"
                              + candidates(selector, client))));
    }
    ClientSpec target = selector.select(request.target().get());
    String unit = selector.attributedUnit(target);
    String application = NameBindings.application(unit);
    String fdApplication = NameBindings.application(target.unit());
    String problem =
        !application.equals(client.application())
            ? "target "
                + unit
                + " belongs to application "
                + application
                + ", not to "
                + client.application()
                + " whose backup this is"
            : !fdApplication.equals(client.fdApplication())
                ? "target "
                    + unit
                    + " is sent by File Daemon application "
                    + fdApplication
                    + ", not by "
                    + client.fdApplication()
                    + " which backed up "
                    + client.unit()
                : null;
    if (problem != null && !request.allowOtherApplication()) {
      throw new InvalidParamsException(
          List.of(
              problem
                  + "; a restore writes the files as root on the target's machine, where another"
                  + " application's scripts and paths do not expect them. Choose a unit of "
                  + client.application()
                  + candidates(selector, client)
                  + ", or pass allow-other-application=true if you mean it"));
    }
    return target;
  }

  private static String candidates(ClientSelector selector, KnownClient client) {
    List<String> units = selector.readyUnitsOf(client.application());
    return units.isEmpty()
        ? " ("
            + client.application()
            + " has none related now: add one with juju"
            + " add-unit "
            + client.application()
            + ")"
        : " (related now: " + String.join(", ", units) + ")";
  }
}
