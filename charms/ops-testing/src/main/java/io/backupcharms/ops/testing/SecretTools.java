package io.backupcharms.ops.testing;

import io.backupcharms.ops.hooktools.SecretInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** The secret-* tools: owners manage, consumers read the revision they track. */
final class SecretTools {
  private final Sandbox box;

  SecretTools(Sandbox box) {
    this.box = box;
  }

  String secretAdd(Map<String, String> content, String label, String description, String owner) {
    List<String> argv = List.of("secret-add");
    String own = owner == null ? "application" : owner;
    if (own.equals("application") && !box.leader) {
      throw Sandbox.fail(argv, 1, "permission denied");
    }
    if (label != null && box.secrets.values().stream().anyMatch(s -> label.equals(s.label))) {
      throw Sandbox.fail(argv, 1, "secret with label \"" + label + "\" already exists");
    }
    String id = "secret:" + String.format("cs%018d", ++box.secretCounter);
    box.secrets.put(
        id,
        new Sandbox.Sec(
            new SecretState(id, label, own, description, 1, content, 1, content, Map.of())));
    return id;
  }

  Map<String, String> secretGet(String id, String label, boolean peek, boolean refresh) {
    Sandbox.Sec s = find(List.of("secret-get", id == null ? "--label=" + label : id), id, label);
    if (id != null && label != null) {
      s.label = label;
    }
    if (s.owner != null || peek) {
      return s.content;
    }
    if (refresh) {
      s.trackedRevision = s.revision;
      s.trackedContent = s.content;
    }
    return s.trackedContent;
  }

  void secretSet(String id, Map<String, String> content, String label, String description) {
    Sandbox.Sec s = owned(List.of("secret-set", id), id);
    if (content != null && !content.isEmpty()) {
      s.revision++;
      s.content = Map.copyOf(content);
    }
    if (label != null) {
      s.label = label;
    }
    if (description != null) {
      s.description = description;
    }
  }

  void secretGrant(String id, int relationId, String unit) {
    List<String> argv = List.of("secret-grant", id, "-r", Integer.toString(relationId));
    Sandbox.Sec s = owned(argv, id);
    Sandbox.Rel r = box.relation(argv, relationId);
    s.grants
        .computeIfAbsent(relationId, k -> new LinkedHashSet<>())
        .add(unit != null ? unit : r.remoteApp);
  }

  void secretRevoke(String id, int relationId, String unit) {
    List<String> argv = List.of("secret-revoke", id, "-r", Integer.toString(relationId));
    Sandbox.Sec s = owned(argv, id);
    Sandbox.Rel r = box.relation(argv, relationId);
    var grantees = s.grants.get(relationId);
    if (grantees != null) {
      grantees.remove(unit != null ? unit : r.remoteApp);
      if (grantees.isEmpty()) {
        s.grants.remove(relationId);
      }
    }
  }

  void secretRemove(String id, OptionalInt revision) {
    Sandbox.Sec s = owned(List.of("secret-remove", id), id);
    if (revision.isEmpty() || revision.getAsInt() == s.revision && s.revision == 1) {
      box.secrets.remove(s.id);
    }
  }

  List<String> secretIds() {
    List<String> ids = new ArrayList<>();
    box.secrets.values().stream().filter(s -> s.owner != null).forEach(s -> ids.add(s.id));
    return ids;
  }

  SecretInfo secretInfoGet(String id, String label) {
    List<String> argv = List.of("secret-info-get", id == null ? "--label=" + label : id);
    Sandbox.Sec s = find(argv, id, label);
    if (s.owner == null) {
      throw Sandbox.fail(argv, 1, "secret \"" + (id == null ? label : id) + "\" not found");
    }
    return new SecretInfo(s.id, s.label, s.revision, s.owner, "never", s.description, null);
  }

  private Sandbox.Sec find(List<String> argv, String id, String label) {
    Sandbox.Sec s = id != null ? box.secrets.get(id) : null;
    if (s == null && label != null) {
      s = box.secrets.values().stream().filter(x -> label.equals(x.label)).findFirst().orElse(null);
    }
    if (s == null) {
      throw Sandbox.fail(argv, 1, "secret \"" + (id != null ? id : label) + "\" not found");
    }
    return s;
  }

  private Sandbox.Sec owned(List<String> argv, String id) {
    Sandbox.Sec s = find(argv, id, null);
    if (s.owner == null || s.owner.equals("application") && !box.leader) {
      throw Sandbox.fail(argv, 1, "permission denied");
    }
    return s;
  }
}
