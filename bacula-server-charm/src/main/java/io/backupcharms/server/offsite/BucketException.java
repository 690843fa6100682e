package io.backupcharms.server.offsite;

import io.backupcharms.ops.BlockedStatus;
import io.backupcharms.ops.Status;
import io.backupcharms.ops.WaitingStatus;
import io.backupcharms.server.problem.ServerProblem;

/**
 * The bucket could not be used. The message is for the operator: what failed and what to fix,
 * naming the {@code s3} relation key at fault when one is; it never holds a credential.
 */
public final class BucketException extends ServerProblem {

  private static final long serialVersionUID = 1L;

  private final boolean transientFault;

  public BucketException(String message) {
    this(message, false);
  }

  /**
   * @param transientFault true when trying again later may work unchanged (endpoint unreachable,
   *     timeout), false when the operator must change something (credentials, bucket)
   */
  public BucketException(String message, boolean transientFault) {
    super(message);
    this.transientFault = transientFault;
  }

  public BucketException(String message, Throwable cause) {
    super(message, cause);
    this.transientFault = false;
  }

  /** True when the next job or hook may succeed without anyone changing anything. */
  public boolean isTransient() {
    return transientFault;
  }

  /** Waiting while a copy is only pending, blocked when the operator must fix the bucket. */
  @Override
  public Status status() {
    return isTransient()
        ? new WaitingStatus("copy pending: " + getMessage() + "; retried by the next job or hook")
        : new BlockedStatus(getMessage());
  }
}
