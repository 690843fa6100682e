package io.backupcharms.ops.internal;

/** State kept as committed JSON text in memory (ops-testing, training mode). */
public final class InMemoryStateStore implements StateStore {
  private String json;

  /**
   * @param json committed state to start from, or null for none
   */
  public InMemoryStateStore(String json) {
    this.json = json;
  }

  @Override
  public PersistedState load() {
    return json == null ? PersistedState.empty() : PersistedState.parse(json, "(in memory)");
  }

  @Override
  public void commit(PersistedState state) {
    json = state.toJson();
  }

  /** What was committed last, null if nothing. */
  public String json() {
    return json;
  }

  @Override
  public void close() {}
}
