package io.backupcharms.ops.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Configures Logback in code, found through {@code META-INF/services}: the root logger writes to
 * {@link JujuLogAppender}. Doing this in code skips Logback's XML configuration machinery, which
 * would cost a hook tens of milliseconds of class loading.
 */
public final class JujuLogConfigurator extends ContextAwareBase implements Configurator {
  @Override
  public ExecutionStatus configure(LoggerContext context) {
    JujuLogAppender appender = new JujuLogAppender();
    appender.setContext(context);
    appender.setName("juju-log");
    appender.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.toLevel(System.getenv("OPS_LOG_LEVEL"), Level.INFO));
    root.addAppender(appender);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
