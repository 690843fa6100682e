package io.backupcharms.server.offsite;

/**
 * The bucket could not be used. The message is for the operator: what failed and what to fix,
 * naming the {@code s3} relation key at fault when one is; it never holds a credential.
 */
public final class BucketException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public BucketException(String message) {
    super(message);
  }

  public BucketException(String message, Throwable cause) {
    super(message, cause);
  }
}
