package io.backupcharms.server.config;

/** A charm config option cannot be used; the message names the option and gives an example. */
public final class InvalidSettingException extends RuntimeException {

  InvalidSettingException(String message) {
    super(message);
  }
}
