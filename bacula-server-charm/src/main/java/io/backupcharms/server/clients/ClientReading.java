package io.backupcharms.server.clients;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What the server made of one remote unit's {@code bacula-dir} databag. */
public sealed interface ClientReading {

  /** The Juju unit that published the databag. */
  String unit();

  /** The relation it arrived on. */
  int relationId();

  /** Valid: the Director gets a Client, FileSet, Jobs and maybe a Schedule for it. */
  record Ready(ClientSpec spec) implements ClientReading {
    @Override
    public String unit() {
      return spec.unit();
    }

    @Override
    public int relationId() {
      return spec.relationId();
    }
  }

  /** The unit has not published its File Daemon yet (no {@code name}); not an error. */
  record Pending(String unit, int relationId, String reason) implements ClientReading {}

  /**
   * The unit published data the server refuses; it is left out of the Director while every other
   * client keeps working.
   *
   * @param name the File Daemon name the unit published, if any (possibly invalid)
   * @param problems one sentence per offending field, each naming the field
   */
  record Rejected(String unit, int relationId, Optional<String> name, List<String> problems)
      implements ClientReading {
    public Rejected {
      Objects.requireNonNull(name, "name");
      problems = List.copyOf(problems);
    }

    /** {@code relation bacula-dir:7 (bacula-fd/0): <problems joined with "; ">}. */
    public String message() {
      return "relation bacula-dir:"
          + relationId
          + " ("
          + unit
          + "): "
          + String.join("; ", problems);
    }
  }
}
