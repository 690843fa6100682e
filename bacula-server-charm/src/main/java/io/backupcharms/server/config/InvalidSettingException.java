package io.backupcharms.server.config;

import io.backupcharms.server.problem.ServerProblem;

/** A charm config option cannot be used; the message names the option and gives an example. */
public final class InvalidSettingException extends ServerProblem {

  InvalidSettingException(String message) {
    super(message);
  }
}
