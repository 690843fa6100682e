package io.backupcharms.server.recovery;

import io.backupcharms.server.clients.ClientHistory;
import java.util.List;

/**
 * One catalog copy in the bucket, as its manifest describes it.
 *
 * @param folder its folder under {@code catalog/}, the UTC time it was made ({@code
 *     yyyyMMdd'T'HHmmss'Z'})
 * @param backend {@code sqlite3} or {@code postgresql}: a dump loads only into its own backend
 * @param server the application that made it
 * @param lastJobId the newest job the copy knows
 * @param bootstraps the Bacula bootstrap files saved with it
 * @param clients the server's record of its clients: the catalog names a File Daemon but not the
 *     unit it stood for, and a unit gone before the server was lost is found by that unit alone
 */
public record CatalogCopy(
    String folder,
    String backend,
    String server,
    long lastJobId,
    List<String> bootstraps,
    ClientHistory clients) {

  /** The dump's name inside the folder. */
  public static final String DUMP = "catalog.sql";

  /** The manifest's name inside the folder; written after the dump, before LATEST. */
  public static final String MANIFEST = "manifest.json";

  public CatalogCopy {
    bootstraps = List.copyOf(bootstraps);
  }
}
