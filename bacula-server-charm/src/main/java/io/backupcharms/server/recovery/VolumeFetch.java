package io.backupcharms.server.recovery;

import io.backupcharms.bacula.host.Command;
import io.backupcharms.server.offsite.Bucket;
import io.backupcharms.server.offsite.BucketLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Makes the volumes a restore reads present on this machine: a volume missing from the volume
 * directory (a recovered server has none) is downloaded from the bucket before the job starts, so
 * the Storage Daemon never waits for a volume that will not come.
 */
public final class VolumeFetch {

  private final Optional<Bucket> bucket;
  private final String where;
  private final Path volumes;

  /**
   * @param bucket the off-machine copy, empty when bacula-server has no s3 relation
   * @param where the bucket's description for messages
   */
  public VolumeFetch(Optional<Bucket> bucket, String where, Path volumes) {
    this.bucket = bucket;
    this.where = where;
    this.volumes = volumes;
  }

  /**
   * Downloads each of {@code needed} that is not local.
   *
   * @return the volumes it downloaded
   * @throws RecoveryException naming the first volume found nowhere, before anything downloads
   */
  public List<String> ensure(List<String> needed, Consumer<String> log) {
    List<String> missing =
        needed.stream().filter(v -> !Files.isRegularFile(volumes.resolve(v))).toList();
    if (missing.isEmpty()) {
      return List.of();
    }
    if (bucket.isEmpty()) {
      throw new RecoveryException(
          "volume "
              + missing.get(0)
              + " is not in "
              + volumes
              + " and bacula-server has no s3 relation to fetch it from; integrate the s3 provider"
              + " that holds the copies, or put the volume file back");
    }
    Map<String, Long> remote = bucket.get().list(BucketLayout.VOLUMES);
    for (String v : missing) {
      if (!remote.containsKey(BucketLayout.volume(v))) {
        throw new RecoveryException(
            "volume "
                + v
                + " is neither in "
                + volumes
                + " nor in "
                + where
                + "; the backups on it cannot be restored");
      }
    }
    List<String> fetched = new ArrayList<>();
    for (String v : missing) {
      log.accept("fetching volume " + v + " from " + where);
      Path target = volumes.resolve(v);
      Path part = volumes.resolve("." + v + ".part");
      bucket.get().download(BucketLayout.volume(v), part);
      Command.of(List.of("chown", "bacula:bacula", part.toString()), Duration.ofSeconds(30)).run();
      if (!part.toFile().renameTo(target.toFile())) {
        throw new RecoveryException("cannot move the fetched volume into " + target);
      }
      fetched.add(v);
    }
    return fetched;
  }
}
