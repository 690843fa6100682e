package io.backupcharms.server;

import io.backupcharms.ops.StoredState;
import io.backupcharms.ops.model.Model;
import io.backupcharms.ops.model.Relation;
import io.backupcharms.server.clients.NameBindings;
import java.util.Optional;

/**
 * Where the names' first applications ({@link NameBindings}) are kept: in the application
 * databag of the peer relation, which outlives any one unit and a change of leader (a new unit
 * taking over a PostgreSQL catalog must not let another application claim its clients' names),
 * and in the leader's stored state, which serves until the peer relation exists and for servers
 * deployed before the databag held them. Only the leader reads or writes either.
 */
final class BindingStore {

  static final String KEY = "client-applications";

  private final Model model;
  private final StoredState stored;

  BindingStore(Model model, StoredState stored) {
    this.model = model;
    this.stored = stored;
  }

  /** The names bound so far. */
  NameBindings read() {
    Optional<String> shared = peers().flatMap(r -> r.localAppData().get(KEY));
    return NameBindings.parse(shared.or(() -> stored.getString(KEY)).orElse(""));
  }

  /** Keeps {@code bindings} in both places; an unchanged databag is not written again. */
  void write(NameBindings bindings) {
    String value = bindings.serialize();
    stored.set(KEY, value);
    peers().ifPresent(r -> {
      if (!value.equals(r.localAppData().get(KEY).orElse(""))) {
        r.localAppData().set(KEY, value);
      }
    });
  }

  private Optional<Relation> peers() {
    return model.relation(Reconciler.PEERS);
  }
}
