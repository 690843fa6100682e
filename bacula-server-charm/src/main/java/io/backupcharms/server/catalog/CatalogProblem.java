package io.backupcharms.server.catalog;

/** The catalog cannot be used; the message says what failed and what to do. */
public final class CatalogProblem extends RuntimeException {

  public CatalogProblem(String message) {
    super(message);
  }
}
