package io.backupcharms.bacula.config;

/** What a restore does with a file that already exists at its destination. */
public enum Replace {
  ALWAYS("always"),
  IF_NEWER("ifnewer"),
  IF_OLDER("ifolder"),
  NEVER("never");

  private final String bacula;

  Replace(String bacula) {
    this.bacula = bacula;
  }

  /** The keyword Bacula reads in a Job and in the {@code restore} command. */
  public String baculaName() {
    return bacula;
  }
}
