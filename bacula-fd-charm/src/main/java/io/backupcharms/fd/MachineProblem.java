package io.backupcharms.fd;

import io.backupcharms.fd.plan.FdProblem;

/** The machine's File Daemon cannot be used as it is, such as a binary that prints no version. */
final class MachineProblem extends FdProblem {
  private static final long serialVersionUID = 1L;

  MachineProblem(String message, Throwable cause) {
    super(message, cause);
  }
}
