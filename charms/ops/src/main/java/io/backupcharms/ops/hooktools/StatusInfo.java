package io.backupcharms.ops.hooktools;

/**
 * What {@code status-get} reports: the status name ({@code active}, {@code blocked}, ...) and
 * message.
 */
public record StatusInfo(String status, String message) {
  public StatusInfo {
    status = status == null ? "unknown" : status;
    message = message == null ? "" : message;
  }
}
