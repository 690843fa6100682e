package io.backupcharms.localjuju.charm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads a charm directory's metadata, the way Juju does from an unpacked {@code .charm}. */
public final class CharmReader {
  private CharmReader() {}

  /**
   * Reads {@code metadata.yaml}, {@code config.yaml} and {@code actions.yaml}; falls back to the
   * matching sections of {@code charmcraft.yaml} when a file is missing.
   *
   * @throws IOException when the directory holds no metadata or a file is not valid YAML
   */
  public static CharmMeta read(Path dir) throws IOException {
    Map<String, Object> craft = load(dir.resolve("charmcraft.yaml"));
    Map<String, Object> meta = load(dir.resolve("metadata.yaml"));
    if (meta.isEmpty()) {
      meta = craft;
    }
    if (!meta.containsKey("name")) {
      throw new IOException(
          "charm at "
              + dir
              + " has no metadata.yaml (or charmcraft.yaml) with a name;"
              + " pass a .charm built by charmcraft or a directory holding its unpacked files");
    }
    Map<String, Object> config = load(dir.resolve("config.yaml"));
    if (config.isEmpty()) {
      config = map(craft.get("config"));
    }
    Map<String, Object> actions = load(dir.resolve("actions.yaml"));
    if (actions.isEmpty()) {
      actions = map(craft.get("actions"));
    }
    Map<String, CharmMeta.Endpoint> eps = new LinkedHashMap<>();
    endpoints(meta.get("provides"), CharmMeta.Role.PROVIDER, eps);
    endpoints(meta.get("requires"), CharmMeta.Role.REQUIRER, eps);
    endpoints(meta.get("peers"), CharmMeta.Role.PEER, eps);
    // Every charm provides juju-info implicitly.
    eps.putIfAbsent(
        "juju-info",
        new CharmMeta.Endpoint("juju-info", CharmMeta.Role.PROVIDER, "juju-info", false, 0));
    Map<String, CharmMeta.ConfigOption> opts = new LinkedHashMap<>();
    map(config.get("options"))
        .forEach(
            (k, v) -> {
              Map<String, Object> o = map(v);
              opts.put(
                  k,
                  new CharmMeta.ConfigOption(
                      String.valueOf(o.getOrDefault("type", "string")),
                      o.get("default"),
                      String.valueOf(o.getOrDefault("description", ""))));
            });
    Map<String, CharmMeta.ActionSpec> acts = new LinkedHashMap<>();
    actions.forEach(
        (k, v) -> {
          Map<String, Object> a = map(v);
          List<String> req = new ArrayList<>();
          if (a.get("required") instanceof List<?> l) {
            l.forEach(x -> req.add(String.valueOf(x)));
          }
          Object add = a.get("additionalProperties");
          acts.put(
              k,
              new CharmMeta.ActionSpec(
                  String.valueOf(a.getOrDefault("description", "")),
                  map(a.get("params")),
                  req,
                  add == null || Boolean.TRUE.equals(add)));
        });
    List<String> extra = new ArrayList<>(map(meta.get("extra-bindings")).keySet());
    return new CharmMeta(
        String.valueOf(meta.get("name")),
        Boolean.TRUE.equals(meta.get("subordinate")),
        eps,
        opts,
        acts,
        extra,
        bases(load(dir.resolve("manifest.yaml"))));
  }

  /** The manifest's {@code bases}, as Juju shows them: {@code ubuntu@22.04}. */
  private static List<String> bases(Map<String, Object> manifest) {
    List<String> bases = new ArrayList<>();
    if (manifest.get("bases") instanceof List<?> listed) {
      for (Object b : listed) {
        Map<String, Object> base = map(b);
        String name = String.valueOf(base.get("name"));
        String channel = String.valueOf(base.get("channel"));
        // Juju compares bases without the risk: ubuntu@22.04/stable is ubuntu@22.04.
        String entry = name + "@" + channel.replaceFirst("/.*$", "");
        if (!bases.contains(entry)) {
          bases.add(entry);
        }
      }
    }
    return bases;
  }

  private static void endpoints(
      Object section, CharmMeta.Role role, Map<String, CharmMeta.Endpoint> out) {
    map(section)
        .forEach(
            (name, v) -> {
              String iface;
              boolean container = false;
              int limit = 0;
              if (v instanceof String s) {
                iface = s;
              } else {
                Map<String, Object> e = map(v);
                iface = String.valueOf(e.getOrDefault("interface", name));
                container = "container".equals(e.get("scope"));
                if (e.get("limit") instanceof Number n) {
                  limit = n.intValue();
                }
              }
              out.put(name, new CharmMeta.Endpoint(name, role, iface, container, limit));
            });
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    if (o instanceof Map<?, ?> m) {
      Map<String, Object> r = new LinkedHashMap<>();
      ((Map<Object, Object>) m).forEach((k, v) -> r.put(String.valueOf(k), v));
      return r;
    }
    return new LinkedHashMap<>();
  }

  private static Map<String, Object> load(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return new LinkedHashMap<>();
    }
    try (InputStream in = Files.newInputStream(file)) {
      Object o = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
      return map(o);
    } catch (RuntimeException e) {
      throw new IOException("cannot parse " + file + ": " + e.getMessage(), e);
    }
  }
}
