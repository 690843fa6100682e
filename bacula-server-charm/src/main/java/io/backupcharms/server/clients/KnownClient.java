package io.backupcharms.server.clients;

import java.util.Objects;

/**
 * A client as the server remembers it once the Director has accepted it, kept after its unit,
 * machine or relation is gone so that {@code client=myapp/0} still finds its backups.
 *
 * @param name the File Daemon's name ({@link ClientSpec#name()})
 * @param unit the unit it stood for: its believable principal ({@code myapp/0}), else the sender
 * @param fdUnit the unit that sent it ({@code myapp-fd/0}): Juju's word, where {@code unit} may
 *     rest on the name the sender chose
 * @param address where its File Daemon was last reached, for the operator (list-clients)
 * @param port its File Daemon port
 * @param previousFdUnit the unit of another File Daemon application that published the name before
 *     this one, whose relation was removed (so its binding was pruned); empty when the name never
 *     changed application, or the operator handed it over with {@code forget-client}. Its earlier
 *     backups are not restored onto this File Daemon unless the operator says so.
 */
public record KnownClient(
    String name, String unit, String fdUnit, String address, int port, String previousFdUnit) {

  public KnownClient {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(fdUnit, "fdUnit");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(previousFdUnit, "previousFdUnit");
  }

  /** A client that never changed File Daemon application. */
  public KnownClient(String name, String unit, String fdUnit, String address, int port) {
    this(name, unit, fdUnit, address, port, "");
  }

  /**
   * This client as {@code now} is, remembering the File Daemon unit that published the name before
   * when {@code now} comes from another File Daemon application.
   */
  public KnownClient succeededBy(KnownClient now) {
    String previous = fdApplication().equals(now.fdApplication()) ? previousFdUnit : fdUnit;
    return new KnownClient(now.name, now.unit, now.fdUnit, now.address, now.port, previous);
  }

  /** Whether another File Daemon application published this name before the current one. */
  public boolean changedApplication() {
    return !previousFdUnit.isEmpty();
  }

  /** What the server remembers of a ready client. */
  public static KnownClient of(ClientSpec spec, FdNames names) {
    return new KnownClient(
        spec.name(),
        names.attributedUnit(spec.name(), spec.unit()),
        spec.unit(),
        spec.address(),
        spec.port());
  }

  /** The name without a trailing {@code -fd}, as {@link ClientSpec#stem()}. */
  public String stem() {
    return name.endsWith("-fd") ? name.substring(0, name.length() - 3) : name;
  }

  /** Name of the Client resource, as {@link ClientSpec#clientResource()}. */
  public String clientResource() {
    return stem() + "-fd";
  }

  /** The application of {@link #unit()}: {@code myapp} for {@code myapp/0}. */
  public String application() {
    return NameBindings.application(unit);
  }

  /** The application of {@link #fdUnit()}: the File Daemon application that backed it up. */
  public String fdApplication() {
    return NameBindings.application(fdUnit);
  }
}
