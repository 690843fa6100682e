package io.backupcharms.ops;

import io.backupcharms.ops.model.Application;
import io.backupcharms.ops.model.ConfigData;
import io.backupcharms.ops.model.Model;
import io.backupcharms.ops.model.Unit;

/**
 * Base class of a charm. A subclass takes the {@link Framework} in its constructor, registers its
 * observers there, and is started from {@code main} with {@code Main.run(MyCharm::new)}.
 */
public abstract class CharmBase {
  private final Framework framework;

  protected CharmBase(Framework framework) {
    this.framework = framework;
  }

  public final Framework framework() {
    return framework;
  }

  public final Model model() {
    return framework.model();
  }

  /** This unit. */
  public final Unit unit() {
    return framework.model().unit();
  }

  /** This unit's application. */
  public final Application app() {
    return framework.model().app();
  }

  /** The application's config. */
  public final ConfigData config() {
    return framework.model().config();
  }
}
