package io.backupcharms.ops.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import io.backupcharms.ops.hooktools.HookTools;

/**
 * Sends each log record to {@code juju-log} with the level mapped (WARN to WARNING). If {@code
 * juju-log} itself fails, the record and the failure go to stderr (which Juju logs at WARNING) and
 * nothing is logged recursively.
 */
public final class JujuLogAppender extends AppenderBase<ILoggingEvent> {
  private static final ThreadLocal<Boolean> SENDING = ThreadLocal.withInitial(() -> false);

  @Override
  protected void append(ILoggingEvent event) {
    String message = event.getFormattedMessage();
    IThrowableProxy thrown = event.getThrowableProxy();
    if (thrown != null) {
      message = message + "\n" + ThrowableProxyUtil.asString(thrown);
    }
    String level = jujuLevel(event.getLevel());
    HookTools tools = JujuLogTarget.get();
    if (tools == null || SENDING.get()) {
      System.err.println(level + " " + event.getLoggerName() + ": " + message);
      return;
    }
    SENDING.set(true);
    try {
      tools.jujuLog(level, message);
    } catch (RuntimeException e) {
      System.err.println(level + " " + event.getLoggerName() + ": " + message);
      System.err.println(
          "WARNING juju-log failed, record above written to stderr instead: " + e.getMessage());
    } finally {
      SENDING.set(false);
    }
  }

  static String jujuLevel(Level level) {
    if (level.isGreaterOrEqual(Level.ERROR)) {
      return "ERROR";
    }
    if (level.isGreaterOrEqual(Level.WARN)) {
      return "WARNING";
    }
    if (level.isGreaterOrEqual(Level.INFO)) {
      return "INFO";
    }
    return "DEBUG";
  }
}
