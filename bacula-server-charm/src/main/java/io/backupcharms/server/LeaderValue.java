package io.backupcharms.server;

import io.backupcharms.ops.StoredState;
import io.backupcharms.ops.model.Model;
import io.backupcharms.ops.model.Relation;
import io.backupcharms.server.clients.ClientHistory;
import io.backupcharms.server.clients.NameBindings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One value the leader keeps about the clients: in the application databag of the peer relation,
 * which outlives any one unit and a change of leader, and in the leader's stored state, which
 * serves until the peer relation exists and for servers deployed before the databag held it. Only
 * the leader reads or writes either.
 *
 * @param <T> the value's type
 */
final class LeaderValue<T> {

  private final Model model;
  private final StoredState stored;
  private final String key;
  private final Function<String, T> parse;
  private final Function<T, String> serialize;

  private LeaderValue(
      Model model,
      StoredState stored,
      String key,
      Function<String, T> parse,
      Function<T, String> serialize) {
    this.model = model;
    this.stored = stored;
    this.key = key;
    this.parse = parse;
    this.serialize = serialize;
  }

  /**
   * The names' first units ({@link NameBindings}): a new unit taking over a PostgreSQL catalog must
   * not let another unit claim its clients' names. The key keeps its first name, from when names
   * were bound to applications, so upgraded servers read their bindings.
   */
  static LeaderValue<NameBindings> bindings(Model model, StoredState stored) {
    return new LeaderValue<>(
        model, stored, "client-applications", NameBindings::parse, NameBindings::serialize);
  }

  /**
   * The clients the Director accepted ({@link ClientHistory}): a gone client's unit must outlive
   * the unit, its machine and a change of leader, or {@code client=myapp/0} could no longer find
   * its backups.
   */
  static LeaderValue<ClientHistory> history(Model model, StoredState stored) {
    return new LeaderValue<>(
        model, stored, "client-history", ClientHistory::parse, ClientHistory::serialize);
  }

  /** The value; an empty one when never written. */
  T read() {
    Optional<String> shared = peers().flatMap(r -> r.localAppData().get(key));
    return parse.apply(shared.or(() -> stored.getString(key)).orElse(""));
  }

  /** Keeps {@code value} in both places; an unchanged databag is not written again. */
  void write(T value) {
    String text = serialize.apply(value);
    stored.set(key, text);
    peers().ifPresent(r -> r.localAppData().update(Map.of(key, text), List.of()));
  }

  private Optional<Relation> peers() {
    return model.relation(Reconciler.PEERS);
  }
}
