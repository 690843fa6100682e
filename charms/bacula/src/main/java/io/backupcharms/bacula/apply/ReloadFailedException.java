package io.backupcharms.bacula.apply;

import io.backupcharms.bacula.BaculaException;
import java.util.List;

/**
 * The Director was told to {@code reload} but still shows the old resources: it kept its previous
 * configuration (Bacula reports the reason only in {@code messages}). The new file is on disk.
 */
public final class ReloadFailedException extends BaculaException {
  private final List<String> missing;
  private final List<String> unexpected;

  ReloadFailedException(String what, List<String> missing, List<String> unexpected) {
    super(
        "the Director did not take the new configuration after reload: "
            + what
            + " missing "
            + missing
            + ", still present "
            + unexpected
            + "; read the Director's messages"
            + " (console command 'messages') for the reason, then restart it");
    this.missing = List.copyOf(missing);
    this.unexpected = List.copyOf(unexpected);
  }

  /** Names the new file defines that the Director does not list. */
  public List<String> missing() {
    return missing;
  }

  /** Names the Director lists that the new file no longer defines. */
  public List<String> unexpected() {
    return unexpected;
  }
}
