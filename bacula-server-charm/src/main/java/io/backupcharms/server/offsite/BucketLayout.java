package io.backupcharms.server.offsite;

/**
 * Where things go in the bucket, under the relation's path. A volume keeps its Bacula name, so a
 * recovered catalog finds it again; each catalog copy gets a folder named by its UTC time, and
 * {@link #LATEST_CATALOG} names the newest one, so recovery never lists the whole bucket.
 */
public final class BucketLayout {

  /** Folder of the volumes: {@code volumes/<VolumeName>}. */
  public static final String VOLUMES = "volumes/";

  /** Folder of the catalog copies: {@code catalog/<yyyyMMdd'T'HHmmss'Z'>/}. */
  public static final String CATALOGS = "catalog/";

  /** A small object holding the folder name of the newest complete catalog copy. */
  public static final String LATEST_CATALOG = "catalog/LATEST";

  private BucketLayout() {}

  /** The key of one volume. */
  public static String volume(String volumeName) {
    return VOLUMES + volumeName;
  }
}
