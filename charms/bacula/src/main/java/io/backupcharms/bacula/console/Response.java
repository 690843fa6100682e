package io.backupcharms.bacula.console;

import java.util.List;

/**
 * Everything the Director sent for one command in API mode, up to its main prompt.
 *
 * @param packets the data packets, in order
 * @param failed the Director signalled CMD_FAILED or ERROR_MSG
 * @param askedForInput the Director prompted for input, which was cancelled
 * @param messagesPending the Director has queued messages ({@code messages} drains them)
 */
record Response(
    List<String> packets, boolean failed, boolean askedForInput, boolean messagesPending) {
  String text() {
    return String.join("", packets);
  }
}
