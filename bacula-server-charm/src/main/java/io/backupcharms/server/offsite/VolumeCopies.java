package io.backupcharms.server.offsite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Keeps the bucket's copy of the volume directory up to date. A volume is copied when the bucket
 * has no object of its name and size: Bacula only appends to a volume until it is recycled, so the
 * size tells a stale copy. An upload that fails leaves the volume pending; the next job or hook
 * tries again, and nothing local is ever removed.
 */
public final class VolumeCopies {

  private final Bucket bucket;
  private final Path volumes;

  public VolumeCopies(Bucket bucket, Path volumes) {
    this.bucket = bucket;
    this.volumes = volumes;
  }

  /** A volume's copy state, as {@code list-backups} and the status show it. */
  public enum State {
    COPIED("copied"),
    PENDING("copy pending");

    private final String words;

    State(String words) {
      this.words = words;
    }

    public String words() {
      return words;
    }
  }

  /**
   * What one pass achieved.
   *
   * @param copied the volumes uploaded by this pass
   * @param pending each volume still not in the bucket, with the reason
   * @param upToDate the volumes whose copy was already current
   */
  public record Outcome(List<String> copied, Map<String, String> pending, List<String> upToDate) {
    public Outcome {
      copied = List.copyOf(copied);
      pending = Map.copyOf(pending);
      upToDate = List.copyOf(upToDate);
    }

    /** True when every local volume has its copy. */
    public boolean complete() {
      return pending.isEmpty();
    }

    /** One line for status and results: how many volumes wait, and the first reason. */
    public String pendingSummary() {
      if (pending.isEmpty()) {
        return "";
      }
      String reason = new TreeMap<>(pending).firstEntry().getValue();
      return "copy pending for "
          + pending.size()
          + (pending.size() == 1 ? " volume" : " volumes")
          + ": "
          + reason;
    }
  }

  /** Uploads every local volume whose copy is missing or stale. */
  public Outcome sync() {
    Map<String, Long> local = local();
    Map<String, Long> remote;
    try {
      remote = bucket.list(BucketLayout.VOLUMES);
    } catch (BucketException e) {
      Map<String, String> pending = new LinkedHashMap<>();
      local.keySet().forEach(v -> pending.put(v, e.getMessage()));
      return new Outcome(List.of(), pending, List.of());
    }
    List<String> copied = new ArrayList<>();
    List<String> upToDate = new ArrayList<>();
    Map<String, String> pending = new LinkedHashMap<>();
    for (Map.Entry<String, Long> volume : local.entrySet()) {
      String key = BucketLayout.volume(volume.getKey());
      if (volume.getValue().equals(remote.get(key))) {
        upToDate.add(volume.getKey());
        continue;
      }
      try {
        bucket.upload(volumes.resolve(volume.getKey()), key);
        copied.add(volume.getKey());
      } catch (BucketException e) {
        pending.put(volume.getKey(), e.getMessage());
      }
    }
    return new Outcome(copied, pending, upToDate);
  }

  /** Each local volume's state against the bucket's listing, without uploading. */
  public Map<String, State> states() {
    Map<String, Long> remote = bucket.list(BucketLayout.VOLUMES);
    Map<String, State> out = new TreeMap<>();
    local()
        .forEach(
            (name, size) ->
                out.put(
                    name,
                    size.equals(remote.get(BucketLayout.volume(name)))
                        ? State.COPIED
                        : State.PENDING));
    return out;
  }

  /** The volume files, by name, with their sizes. */
  private Map<String, Long> local() {
    Map<String, Long> out = new TreeMap<>();
    if (!Files.isDirectory(volumes)) {
      return out;
    }
    try (Stream<Path> files = Files.list(volumes)) {
      // A download in progress is a hidden ".<name>.part"; it is no volume yet.
      for (Path f :
          (Iterable<Path>)
              files
                      .filter(Files::isRegularFile)
                      .filter(p -> !p.getFileName().toString().startsWith("."))
                  ::iterator) {
        out.put(f.getFileName().toString(), Files.size(f));
      }
    } catch (IOException e) {
      throw new BucketException("cannot list the volumes in " + volumes + ": " + e.getMessage(), e);
    }
    return out;
  }
}
