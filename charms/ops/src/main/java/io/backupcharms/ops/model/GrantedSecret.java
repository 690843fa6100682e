package io.backupcharms.ops.model;

import io.backupcharms.ops.StoredState;
import io.backupcharms.ops.hooktools.ModelError;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a secret another application granted this unit, reading again for a few seconds when it is
 * refused: Juju may deliver the relation data that names a secret before the grant that lets this
 * unit read it, and no later event is sure to come before update-status, 5 minutes on. A refusal
 * that outlasts the wait is remembered in stored state, so the hooks that follow do not wait again
 * for the same id.
 */
public final class GrantedSecret {
  /** The pauses between reads: 7.5 s in all, well past the window between commit and grant. */
  public static final List<Duration> WAITS =
      List.of(
          Duration.ofMillis(500),
          Duration.ofSeconds(1),
          Duration.ofSeconds(2),
          Duration.ofSeconds(4));

  /** The stored-state key holding the secret id whose refusal outlasted the wait. */
  public static final String REFUSED = "refused-secret";

  private static final Logger LOG = LoggerFactory.getLogger(GrantedSecret.class);

  private GrantedSecret() {}

  /**
   * The content of secret {@code id}, refreshed to its latest revision.
   *
   * @param what the secret as the operator knows it, for the log: "the Director's password secret"
   * @param pause waits between reads (the machine's clock; tests record instead)
   * @throws ModelError the last refusal, when the wait did not end it
   */
  public static Map<String, String> read(
      Model model, StoredState stored, String id, String what, Consumer<Duration> pause) {
    boolean waitedBefore = stored.getString(REFUSED).filter(id::equals).isPresent();
    int attempt = 0;
    while (true) {
      try {
        Map<String, String> content = model.secret(id).getContent(true);
        if (attempt > 0) {
          LOG.info("{} {} became readable after {} retries", what, id, attempt);
        }
        stored.remove(REFUSED);
        return content;
      } catch (ModelError e) {
        if (waitedBefore || attempt == WAITS.size()) {
          stored.set(REFUSED, id);
          throw e;
        }
        LOG.info(
            "cannot read {} {} yet ({}); its grant may still be on its way, reading again in {} ms",
            what,
            id,
            e.getMessage(),
            WAITS.get(attempt).toMillis());
      }
      pause.accept(WAITS.get(attempt++));
    }
  }

  /** Waits {@code d} on the machine's clock: what a charm's machine side passes as the pause. */
  public static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
