package io.backupcharms.localjuju.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.backupcharms.localjuju.hooks.Hook;
import io.backupcharms.localjuju.model.ModelState;
import io.backupcharms.localjuju.model.RelationState;
import io.backupcharms.localjuju.model.SecretState;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The secret-* tools: owner writes are held in the hook context until the hook succeeds. */
final class SecretTools {
  private static final Pattern KEY = Pattern.compile("[a-z](?:-?[a-z0-9]){2,}");
  private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuv";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ObjectMapper COPY = new ObjectMapper();

  private SecretTools() {}

  static String call(HookContext ctx, String tool, List<String> args, String stdin) {
    switch (tool) {
      case "secret-add":
        return add(ctx, args, stdin);
      case "secret-get":
        return get(ctx, args);
      case "secret-set":
        return set(ctx, args, stdin);
      case "secret-grant":
        return grant(ctx, args, true);
      case "secret-revoke":
        return grant(ctx, args, false);
      case "secret-remove":
        return remove(ctx, args);
      case "secret-ids":
        return ids(ctx, args);
      default:
        return infoGet(ctx, args);
    }
  }

  /** A new secret id: 20 characters of base32hex, like Juju's xid-based ids. */
  static String newId() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      sb.append(ALPHABET.charAt(RANDOM.nextInt(32)));
    }
    return sb.toString();
  }

  /** {@code secret:ID}, {@code secret://uuid/ID} or a bare id, to the bare id. */
  static String normalize(String uri) {
    String s = uri;
    if (s.startsWith("secret:")) {
      s = s.substring("secret:".length());
    }
    if (s.startsWith("//")) {
      s = s.substring(s.lastIndexOf('/') + 1);
    }
    return s;
  }

  private static Map<String, String> content(
      HookContext ctx, Flags f, String stdin, boolean required) {
    Map<String, String> raw = new TreeMap<>();
    if (f.has("file")) {
      raw.putAll(Yamls.stringMap(stdin == null ? "" : stdin, "secret content file"));
    }
    for (String a : f.positional()) {
      int eq = a.indexOf('=');
      if (eq <= 0) {
        throw ToolError.usage("expected \"key=value\", got " + Output.goQuote(a));
      }
      raw.put(a.substring(0, eq), a.substring(eq + 1));
    }
    if (raw.isEmpty() && required) {
      throw ToolError.usage("missing secret value or filename");
    }
    Map<String, String> out = new TreeMap<>();
    raw.forEach(
        (k, v) -> {
          String key = k;
          String value = v;
          if (k.endsWith("#base64")) {
            key = k.substring(0, k.length() - "#base64".length());
            try {
              value = new String(Base64.getDecoder().decode(v.trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
              throw ToolError.usage("invalid base64 value for key " + Output.goQuote(key));
            }
          }
          if (!KEY.matcher(key).matches()) {
            throw ToolError.usage("invalid key " + Output.goQuote(key));
          }
          out.put(key, value);
        });
    return out;
  }

  static String add(HookContext ctx, List<String> args, String stdin) {
    Flags f =
        Flags.spec()
            .value("label")
            .value("description")
            .value("owner")
            .value("expire")
            .value("rotate")
            .value("file")
            .parse(args);
    String owner = f.get("owner", "application");
    if (!owner.equals("application") && !owner.equals("unit")) {
      throw ToolError.usage(
          "invalid value "
              + Output.goQuote(owner)
              + " for flag --owner: "
              + "secret owner "
              + Output.goQuote(owner)
              + " not valid");
    }
    Map<String, String> data = content(ctx, f, stdin, true);
    if (owner.equals("application") && !ctx.agent.state().unit(ctx.unit).leader) {
      throw ToolError.failed(
          "cannot create an application-owned secret: this unit is not the leader");
    }
    String label = f.get("label", "");
    if (!label.isEmpty() && findByLabel(ctx, label) != null) {
      throw ToolError.failed("secret with label " + Output.goQuote(label) + " already exists");
    }
    SecretState s = new SecretState();
    s.id = newId();
    s.ownerApp = ctx.app;
    s.ownerUnit = owner.equals("unit") ? ctx.unit : "";
    s.label = label;
    s.description = f.get("description", "");
    s.rotate = f.get("rotate", "");
    s.expire = f.get("expire", "");
    s.latest = 1;
    s.revisions.put(1, data);
    ctx.pendingSecrets.put(s.id, s);
    // Juju 3.6 prints the model-qualified URI here, while secret-ids, secret-info-get and
    // JUJU_SECRET_ID say secret:ID: charms must accept both.
    return "secret://" + ctx.agent.state().uuid + "/" + s.id + "\n";
  }

  static String get(HookContext ctx, List<String> args) {
    Flags f = Flags.spec().value("format").value("label").bool("peek").bool("refresh").parse(args);
    String fmt = f.has("format") ? f.format() : "yaml";
    if (f.isSet("peek") && f.isSet("refresh")) {
      throw ToolError.usage("specify one of --peek or --refresh but not both");
    }
    List<String> pos = f.positional();
    String label = f.get("label", "");
    if (pos.isEmpty() && label.isEmpty()) {
      throw ToolError.usage("require either a secret URI or label");
    }
    f.atMost(2);
    SecretState s = pos.isEmpty() ? findByLabel(ctx, label) : find(ctx, pos.get(0));
    if (s == null) {
      throw ToolError.failed("secret " + Output.goQuote(label) + " not found");
    }
    String key = pos.size() > 1 ? pos.get(1) : "";
    Map<String, String> data;
    if (isOwner(ctx, s)) {
      data = s.revisions.get(s.latest);
    } else {
      if (!canRead(ctx, s)) {
        throw ToolError.failed("permission denied");
      }
      SecretState.Consumer c = s.consumers.get(ctx.unit);
      int rev;
      if (f.isSet("peek")) {
        rev = s.latest;
      } else {
        if (c == null) {
          c = new SecretState.Consumer();
          c.revision = s.latest;
          live(ctx, s).consumers.put(ctx.unit, c);
        }
        if (f.isSet("refresh") && c.revision != s.latest) {
          int old = c.revision;
          c.revision = s.latest;
          revisionReleased(ctx, live(ctx, s), old);
        }
        if (!pos.isEmpty() && !label.isEmpty()) {
          c.label = label;
        }
        rev = c.revision;
      }
      data = s.revisions.getOrDefault(rev, s.revisions.get(s.latest));
    }
    if (!key.isEmpty()) {
      if (!data.containsKey(key)) {
        throw ToolError.failed("secret key " + Output.goQuote(key) + " not found");
      }
      return Output.format(data.get(key), fmt);
    }
    return Output.format(new TreeMap<>(data), fmt);
  }

  static String set(HookContext ctx, List<String> args, String stdin) {
    Flags f =
        Flags.spec()
            .value("label")
            .value("description")
            .value("owner")
            .value("expire")
            .value("rotate")
            .value("file")
            .parse(args);
    if (f.positional().isEmpty()) {
      throw ToolError.usage("missing secret URI");
    }
    SecretState s = find(ctx, f.positional().get(0));
    requireOwner(ctx, s);
    List<String> rest = new ArrayList<>(f.positional().subList(1, f.positional().size()));
    f.positional().clear();
    f.positional().addAll(rest);
    Map<String, String> data = content(ctx, f, stdin, false);
    SecretState p = pending(ctx, s);
    if (f.has("label")) {
      p.label = f.get("label");
    }
    if (f.has("description")) {
      p.description = f.get("description");
    }
    if (f.has("rotate")) {
      p.rotate = f.get("rotate");
    }
    if (f.has("expire")) {
      p.expire = f.get("expire");
    }
    if (!data.isEmpty() && !data.equals(p.revisions.get(p.latest))) {
      p.latest = p.latest + 1;
      p.revisions.put(p.latest, data);
      if (!ctx.revisedSecrets.contains(p.id)) {
        ctx.revisedSecrets.add(p.id);
      }
    }
    return "";
  }

  static String grant(HookContext ctx, List<String> args, boolean grant) {
    Flags f =
        Flags.spec().value("r", "relation").value("unit").value("app", "application").parse(args);
    if (f.positional().isEmpty()) {
      throw ToolError.usage("missing secret URI");
    }
    f.atMost(1);
    SecretState s = find(ctx, f.positional().get(0));
    requireOwner(ctx, s);
    SecretState p = pending(ctx, s);
    if (!f.has("r")) {
      if (grant || !f.has("app")) {
        throw ToolError.usage("missing relation or application");
      }
      p.grants.values().removeIf(g -> g.app.equals(f.get("app")));
      return "";
    }
    RelationState r = RelationTools.relation(ctx, f);
    if (!grant) {
      p.grants.remove(r.id);
      return "";
    }
    SecretState.Grant g = new SecretState.Grant();
    g.app = r.remoteApp(ctx.app);
    if (f.has("unit")) {
      String u = f.get("unit");
      if (!u.startsWith(g.app + "/")) {
        throw ToolError.usage(
            "invalid value "
                + Output.goQuote(u)
                + " for flag --unit: unit "
                + Output.goQuote(u)
                + " is not in relation "
                + Output.goQuote(r.idFor(ctx.app)));
      }
      g.unit = u;
    }
    p.grants.put(r.id, g);
    return "";
  }

  static String remove(HookContext ctx, List<String> args) {
    Flags f = Flags.spec().value("revision").parse(args);
    if (f.positional().isEmpty()) {
      throw ToolError.usage("missing secret URI");
    }
    f.atMost(1);
    SecretState s = find(ctx, f.positional().get(0));
    requireOwner(ctx, s);
    if (f.has("revision")) {
      int rev;
      try {
        rev = Integer.parseInt(f.get("revision"));
      } catch (NumberFormatException e) {
        throw ToolError.usage(
            "invalid value " + Output.goQuote(f.get("revision")) + " for flag --revision");
      }
      SecretState p = pending(ctx, s);
      if (!p.revisions.containsKey(rev)) {
        throw ToolError.failed(
            "secret revision " + rev + " of " + Output.goQuote("secret:" + s.id) + " not found");
      }
      p.revisions.remove(rev);
      return "";
    }
    ctx.pendingSecrets.remove(s.id);
    ctx.removedSecrets.add(s.id);
    return "";
  }

  static String ids(HookContext ctx, List<String> args) {
    Flags f = Flags.spec().value("format").parse(args);
    String fmt = f.format();
    f.atMost(0);
    List<String> out = new ArrayList<>();
    for (SecretState s : all(ctx).values()) {
      if (isOwner(ctx, s)) {
        out.add("secret:" + s.id);
      }
    }
    return Output.format(out, fmt);
  }

  static String infoGet(HookContext ctx, List<String> args) {
    Flags f = Flags.spec().value("format").value("label").parse(args);
    String fmt = f.format();
    f.atMost(1);
    SecretState s;
    if (!f.positional().isEmpty()) {
      if (f.has("label")) {
        throw ToolError.usage("specify either a secret URI or label but not both");
      }
      s = find(ctx, f.positional().get(0));
    } else if (f.has("label")) {
      s = findByLabel(ctx, f.get("label"));
      if (s == null) {
        throw ToolError.failed("secret " + Output.goQuote(f.get("label")) + " not found");
      }
    } else {
      throw ToolError.usage("require either a secret URI or label");
    }
    if (!isOwner(ctx, s)) {
      throw ToolError.failed("secret " + Output.goQuote(s.id) + " not found");
    }
    // Juju's metadataDisplay struct, in its field order, empty optional fields left out.
    Ordered info =
        new Ordered()
            .with("revision", s.latest)
            .with("label", s.label)
            .with("owner", s.ownerUnit.isEmpty() ? "application" : "unit");
    if (!s.description.isEmpty()) {
      info.put("description", s.description);
    }
    if (!s.rotate.isEmpty()) {
      info.put("rotation", s.rotate);
    }
    if (!s.expire.isEmpty()) {
      info.put("expiry", s.expire);
    }
    return Output.format(Map.of(s.id, info), fmt);
  }

  private static Map<String, SecretState> all(HookContext ctx) {
    Map<String, SecretState> m = new TreeMap<>(ctx.agent.state().secrets);
    m.putAll(ctx.pendingSecrets);
    ctx.removedSecrets.forEach(m::remove);
    return m;
  }

  static SecretState find(HookContext ctx, String uri) {
    String id = normalize(uri);
    if (!id.matches("[0-9a-v]{20}")) {
      throw ToolError.usage("secret URI " + Output.goQuote(uri) + " not valid");
    }
    SecretState s = all(ctx).get(id);
    if (s == null) {
      throw ToolError.failed("secret " + Output.goQuote(id) + " not found");
    }
    return s;
  }

  static SecretState findByLabel(HookContext ctx, String label) {
    for (SecretState s : all(ctx).values()) {
      if (isOwner(ctx, s) && s.label.equals(label)) {
        return s;
      }
      SecretState.Consumer c = s.consumers.get(ctx.unit);
      if (c != null && c.label.equals(label)) {
        return s;
      }
    }
    return null;
  }

  static boolean isOwner(HookContext ctx, SecretState s) {
    return s.ownerUnit.isEmpty() ? s.ownerApp.equals(ctx.app) : s.ownerUnit.equals(ctx.unit);
  }

  private static void requireOwner(HookContext ctx, SecretState s) {
    if (!isOwner(ctx, s)) {
      throw ToolError.failed("permission denied");
    }
    if (s.ownerUnit.isEmpty() && !ctx.agent.state().unit(ctx.unit).leader) {
      throw ToolError.failed(
          "permission denied: this unit is not the leader of " + Output.goQuote(s.ownerApp));
    }
  }

  static boolean canRead(HookContext ctx, SecretState s) {
    ModelState st = ctx.agent.state();
    for (Map.Entry<Integer, SecretState.Grant> e : s.grants.entrySet()) {
      SecretState.Grant g = e.getValue();
      if (st.relations.containsKey(e.getKey())
          && g.app.equals(ctx.app)
          && (g.unit.isEmpty() || g.unit.equals(ctx.unit))
          && g.notBefore <= System.currentTimeMillis()) {
        return true;
      }
    }
    return false;
  }

  /**
   * When no consumer tracks an old revision any more, Juju tells the owner it may remove it
   * (secret-remove with JUJU_SECRET_REVISION), on the leader for an application-owned secret.
   */
  private static void revisionReleased(HookContext ctx, SecretState s, int revision) {
    if (revision >= s.latest
        || s.consumers.values().stream().anyMatch(c -> c.revision == revision)) {
      return;
    }
    String owner = s.ownerUnit;
    if (owner.isEmpty()) {
      var app = ctx.agent.state().applications.get(s.ownerApp);
      owner =
          app == null
              ? ""
              : app.units.values().stream()
                  .filter(u -> u.leader)
                  .map(u -> u.name)
                  .findFirst()
                  .orElse("");
    }
    if (!owner.isEmpty()) {
      ctx.agent.queue(owner, Hook.secret("secret-remove", "secret:" + s.id, s.label, revision));
    }
  }

  /** The copy of {@code s} this hook changes, made on first change. */
  private static SecretState pending(HookContext ctx, SecretState s) {
    return ctx.pendingSecrets.computeIfAbsent(s.id, k -> COPY.convertValue(s, SecretState.class));
  }

  /**
   * Consumer tracking is not an owner write: it applies at once, to the committed secret if any.
   */
  private static SecretState live(HookContext ctx, SecretState s) {
    SecretState committed = ctx.agent.state().secrets.get(s.id);
    return committed != null ? committed : s;
  }
}
