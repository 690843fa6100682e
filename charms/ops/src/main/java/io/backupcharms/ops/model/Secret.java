package io.backupcharms.ops.model;

import io.backupcharms.ops.hooktools.SecretInfo;
import io.backupcharms.ops.hooktools.SecretNotFoundError;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A Juju secret, by id (URI) and/or label. Content is read with {@code secret-get} (which pins the
 * revision this unit sees until {@link #getContent(boolean) refreshed}); owner operations ({@code
 * set}, {@code grant}, {@code revoke}, {@code remove}) need the owning unit, or the leader for an
 * application-owned secret. Every operation throws {@link SecretNotFoundError} if the secret does
 * not exist.
 */
public final class Secret {
  private final Model model;
  private String id;
  private final String label;
  private Map<String, String> content;

  Secret(Model model, String id, String label) {
    if (id == null && label == null) {
      throw new IllegalArgumentException("a secret needs an id or a label");
    }
    this.model = model;
    this.id = id == null ? null : SecretUri.canonical(id);
    this.label = label;
  }

  static Secret add(
      Model model, Map<String, String> content, String label, String description, String owner) {
    if (content.isEmpty()) {
      throw new IllegalArgumentException("a secret needs at least one key");
    }
    for (String key : content.keySet()) {
      // Juju's own rule for secret keys.
      if (!key.matches("[a-z](?:-?[a-z0-9]){2,}")) {
        throw new IllegalArgumentException(
            "secret key \""
                + key
                + "\" is not valid; use at least 3 lowercase letters and digits, single hyphens"
                + " between them, starting with a letter");
      }
    }
    String uri = model.tools().secretAdd(content, label, description, owner);
    Secret secret = new Secret(model, uri, label);
    secret.content = Map.copyOf(content);
    return secret;
  }

  /**
   * The secret's URI as {@code secret:<id>}, whichever form Juju gave, if known (a secret found by
   * label learns it from {@link #info()}).
   */
  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  /** The label it was looked up or created with, if any. */
  public Optional<String> label() {
    return Optional.ofNullable(label);
  }

  /** The content of the revision this unit tracks (cached for the hook). */
  public Map<String, String> getContent() {
    return getContent(false);
  }

  /**
   * The content; with {@code refresh}, first moves this unit to the latest revision ({@code
   * secret-get --refresh}).
   */
  public Map<String, String> getContent(boolean refresh) {
    if (content == null || refresh) {
      content = Map.copyOf(model.tools().secretGet(id, label, false, refresh));
    }
    return content;
  }

  /** The latest revision's content without moving to it ({@code secret-get --peek}). */
  public Map<String, String> peekContent() {
    return Map.copyOf(model.tools().secretGet(id, label, true, false));
  }

  /** Owner only: creates a new revision with this content (passed by files). */
  public void setContent(Map<String, String> newContent) {
    model.tools().secretSet(requireId(), newContent, null, null);
    content = Map.copyOf(newContent);
  }

  /** Owner only: changes the label and/or description (null leaves a field unchanged). */
  public void setInfo(String newLabel, String description) {
    model.tools().secretSet(requireId(), null, newLabel, description);
  }

  /** Owner only: what Juju knows about the secret ({@code secret-info-get}). */
  public SecretInfo info() {
    SecretInfo info = model.tools().secretInfoGet(id, id == null ? label : null);
    if (id == null) {
      id = SecretUri.canonical(info.id());
    }
    return info;
  }

  /** Owner only: lets the remote application of a relation read the secret. */
  public void grant(Relation relation) {
    model.tools().secretGrant(requireId(), relation.id(), null);
  }

  /** Owner only: lets one remote unit of a relation read the secret. */
  public void grant(Relation relation, Unit unit) {
    model.tools().secretGrant(requireId(), relation.id(), unit.name());
  }

  /** Owner only: withdraws a grant to a relation's remote application. */
  public void revoke(Relation relation) {
    model.tools().secretRevoke(requireId(), relation.id(), null);
  }

  /** Owner only: withdraws a grant to one remote unit. */
  public void revoke(Relation relation, Unit unit) {
    model.tools().secretRevoke(requireId(), relation.id(), unit.name());
  }

  /** Owner only: removes the secret and all its revisions. */
  public void remove() {
    model.tools().secretRemove(requireId(), OptionalInt.empty());
  }

  /** Owner only: removes one revision (e.g. in secret-remove after consumers moved on). */
  public void removeRevision(int revision) {
    model.tools().secretRemove(requireId(), OptionalInt.of(revision));
  }

  private String requireId() {
    if (id == null) {
      info();
    }
    return id;
  }

  @Override
  public String toString() {
    return id != null ? id : "secret labelled " + label;
  }
}
