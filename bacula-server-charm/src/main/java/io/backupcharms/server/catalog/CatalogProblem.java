package io.backupcharms.server.catalog;

import io.backupcharms.server.problem.ServerProblem;

/** The catalog cannot be used; the message says what failed and what to do. */
public final class CatalogProblem extends ServerProblem {

  public CatalogProblem(String message) {
    super(message);
  }
}
