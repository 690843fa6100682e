package io.backupcharms.server.offsite;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The off-machine copy: one bucket (and path prefix) of an S3 endpoint, as the {@code s3} relation
 * names it. Keys are relative to the relation's {@code path}; the layout is {@link BucketLayout}'s.
 * Every method fails with a {@link BucketException} whose message says what the operator must fix
 * and never contains a credential.
 */
public interface Bucket {

  /** Copies a local file to {@code key}, replacing what is there. */
  void upload(Path file, String key);

  /** Copies {@code key} to a local file, replacing it. */
  void download(String key, Path file);

  /** Every object under {@code prefix} (a key ending in {@code /}), with its size in bytes. */
  Map<String, Long> list(String prefix);

  /** A small text object, empty when there is none. */
  Optional<String> read(String key);

  /** Writes a small text object. */
  void write(String key, String content);

  /**
   * Proves the bucket can be listed with the credentials given.
   *
   * @throws BucketException naming the relation key at fault (bucket, endpoint, access-key...)
   */
  void check();
}
