package io.backupcharms.bacula.config;

/** Job levels: backup levels and verify levels. */
public enum Level {
  FULL("Full"),
  INCREMENTAL("Incremental"),
  DIFFERENTIAL("Differential"),
  /** Verify: compare the catalog with the file system (needs signatures). */
  CATALOG("Catalog"),
  /** Verify: compare a volume's contents with the catalog. */
  VOLUME_TO_CATALOG("VolumeToCatalog"),
  /** Verify: compare the last backup's catalog entries with the file system. */
  DISK_TO_CATALOG("DiskToCatalog"),
  /** Verify: read the volume's data back. */
  DATA("Data");

  private final String bacula;

  Level(String bacula) {
    this.bacula = bacula;
  }

  /** The keyword Bacula reads and prints. */
  public String baculaName() {
    return bacula;
  }

  /** The level for Bacula's keyword (case-insensitive) or its one-letter catalog code (F, I, D). */
  public static Level fromBacula(String s) {
    for (Level l : values()) {
      if (l.bacula.equalsIgnoreCase(s)) {
        return l;
      }
    }
    switch (s) {
      case "F":
        return FULL;
      case "I":
        return INCREMENTAL;
      case "D":
        return DIFFERENTIAL;
      case "C":
        return CATALOG;
      case "V":
        return VOLUME_TO_CATALOG;
      case "d":
        return DISK_TO_CATALOG;
      case "A":
        return DATA;
      default:
        throw new InvalidConfigException(
            "\""
                + Check.printable(s)
                + "\" is not a Bacula level; use Full, Incremental or Differential");
    }
  }
}
