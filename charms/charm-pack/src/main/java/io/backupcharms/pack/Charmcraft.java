package io.backupcharms.pack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A charm's unified {@code charmcraft.yaml}, checked against the rules Juju applies at deploy time,
 * and the {@code metadata.yaml}, {@code config.yaml} and {@code actions.yaml} Juju actually reads,
 * generated from it the way charmcraft does.
 */
final class Charmcraft {
  static final List<String> RELATION_KINDS = List.of("provides", "requires", "peers");

  /** The charmcraft.yaml keys that charmcraft copies into metadata.yaml. */
  private static final List<String> METADATA_KEYS =
      List.of(
          "name",
          "summary",
          "description",
          "subordinate",
          "requires",
          "provides",
          "peers",
          "assumes",
          "containers",
          "devices",
          "extra-bindings",
          "resources",
          "storage",
          "terms",
          "maintainers",
          "docs",
          "issues",
          "source",
          "website",
          "charm-user");

  private static final Pattern CHARM_NAME =
      Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]*[a-z][a-z0-9]*)*");
  private static final Pattern ENDPOINT_NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  private static final Pattern ACTION_NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  private static final Pattern BASE = Pattern.compile("(ubuntu|centos)@[0-9]+(\\.[0-9]+)?");
  private static final Set<String> ARCHITECTURES =
      Set.of("amd64", "arm64", "armhf", "ppc64el", "riscv64", "s390x");
  private static final Set<String> OPTION_TYPES =
      Set.of("string", "int", "float", "boolean", "secret");

  private final Map<String, Object> doc;
  private final String name;
  private final List<Platform> platforms;

  private Charmcraft(Map<String, Object> doc, String name, List<Platform> platforms) {
    this.doc = doc;
    this.name = name;
    this.platforms = List.copyOf(platforms);
  }

  /**
   * Reads and checks a charmcraft.yaml.
   *
   * @throws CharmPackException listing every problem found
   */
  static Charmcraft load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CharmPackException(
          "cannot read "
              + file
              + ": "
              + e.getMessage()
              + "; every charm module needs a charmcraft.yaml next to its pom.xml",
          e);
    }
    return parse(text, file.toString());
  }

  static Charmcraft parse(String text, String where) {
    Map<String, Object> doc = YamlCodec.parseMap(text, where);
    List<String> problems = new ArrayList<>();
    if (!"charm".equals(doc.get("type"))) {
      problems.add(where + ": set type: charm (found " + doc.get("type") + ")");
    }
    String name = string(doc, "name");
    if (name == null || !CHARM_NAME.matcher(name).matches()) {
      problems.add(
          where
              + ": name "
              + quote(name)
              + " is not a valid charm name; use lowercase letters, digits and single hyphens,"
              + " starting with a letter, e.g. backup-integrator");
    }
    for (String key : List.of("summary", "description")) {
      if (string(doc, key) == null || string(doc, key).isBlank()) {
        problems.add(where + ": " + key + " is missing; Juju and Charmhub show it to operators");
      }
    }
    if (doc.containsKey("bases")) {
      problems.add(
          where
              + ": the bases key is charmcraft 2's; write 'base: ubuntu@24.04' with 'platforms:"
              + " {amd64: }', or one platform per base: 'platforms: {ubuntu@22.04:amd64: ,"
              + " ubuntu@24.04:amd64: }'");
    }
    String base = string(doc, "base");
    if (doc.containsKey("base") && (base == null || !BASE.matcher(base).matches())) {
      problems.add(where + ": base " + quote(base) + " is not a base such as ubuntu@24.04");
      base = null;
    }
    List<Platform> platforms =
        platforms(doc.get("platforms"), doc.containsKey("base"), base, where, problems);
    checkRelations(doc, where, problems);
    checkConfig(doc.get("config"), where, problems);
    checkActions(doc.get("actions"), where, problems);
    if (!problems.isEmpty()) {
      throw new CharmPackException(problems);
    }
    return new Charmcraft(doc, name, platforms);
  }

  String name() {
    return name;
  }

  /** The platforms to pack for, one archive each, in charmcraft.yaml's order. */
  List<Platform> platforms() {
    return platforms;
  }

  /** The metadata.yaml content: charmcraft's metadata keys, with title as display-name. */
  Map<String, Object> metadata() {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", name);
    if (doc.get("title") != null) {
      metadata.put("display-name", doc.get("title"));
    }
    for (String key : METADATA_KEYS) {
      if (doc.containsKey(key) && !metadata.containsKey(key)) {
        metadata.put(key, doc.get(key));
      }
    }
    return metadata;
  }

  /** The config.yaml content, {@code options: {}} when the charm has no options. */
  Map<String, Object> config() {
    Object options = map(doc.get("config")).get("options");
    return Map.of("options", options == null ? Map.of() : options);
  }

  /** The actions.yaml content, empty when the charm has no actions. */
  Map<String, Object> actions() {
    return map(doc.get("actions"));
  }

  /** The manifest.yaml content for one platform, like charmcraft's: only that base. */
  Map<String, Object> manifest(Platform platform) {
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put(
        "analysis",
        Map.of(
            "attributes",
            List.of(attribute("language", "java"), attribute("framework", "backupcharms-ops"))));
    manifest.put("bases", List.of(platform.manifestBase()));
    return manifest;
  }

  /** The archive's file name, as charmcraft names it. */
  String fileName(Platform platform) {
    return platform.fileName(name);
  }

  private static Map<String, Object> attribute(String name, String result) {
    Map<String, Object> attribute = new LinkedHashMap<>();
    attribute.put("name", name);
    attribute.put("result", result);
    return attribute;
  }

  /**
   * The platforms, in charmcraft's two notations: with a top-level {@code base}, each platform is
   * an architecture ({@code amd64:}, or {@code build-for: [amd64]}); without one, each names its
   * base too ({@code ubuntu@22.04:amd64:}, or {@code build-for: [ubuntu@22.04:amd64]}), and
   * charmcraft packs one charm per platform.
   */
  private static List<Platform> platforms(
      Object platforms, boolean hasBaseKey, String base, String where, List<String> problems) {
    List<Platform> result = new ArrayList<>();
    if (!(platforms instanceof Map) || ((Map<?, ?>) platforms).isEmpty()) {
      problems.add(
          where
              + ": platforms is missing; add e.g. 'platforms: {ubuntu@22.04:amd64: , "
              + "ubuntu@24.04:amd64: }'");
      return result;
    }
    for (Map.Entry<?, ?> e : ((Map<?, ?>) platforms).entrySet()) {
      String target = String.valueOf(e.getKey());
      Object buildFor = map(e.getValue()).get("build-for");
      if (buildFor instanceof List && !((List<?>) buildFor).isEmpty()) {
        target = String.valueOf(((List<?>) buildFor).get(0));
      }
      int colon = target.lastIndexOf(':');
      String platformBase = colon < 0 ? null : target.substring(0, colon);
      String arch = target.substring(colon + 1);
      String at = where + ": platform " + quote(String.valueOf(e.getKey()));
      if (hasBaseKey && platformBase != null) {
        problems.add(
            at
                + " names a base, and so does the base key; with several bases, remove "
                + "the base key and name each platform <base>:<arch>, e.g. ubuntu@22.04:amd64");
        continue;
      }
      if (!hasBaseKey && platformBase == null) {
        problems.add(
            at
                + " names no base; add 'base: ubuntu@24.04', or name the platform "
                + "<base>:<arch>, e.g. ubuntu@22.04:amd64");
        continue;
      }
      if (platformBase != null && !BASE.matcher(platformBase).matches()) {
        problems.add(at + ": " + quote(platformBase) + " is not a base such as ubuntu@24.04");
        continue;
      }
      if (!ARCHITECTURES.contains(arch)) {
        problems.add(
            at
                + ": "
                + quote(arch)
                + " is not an architecture Juju knows; use one of "
                + new TreeSet<>(ARCHITECTURES));
        continue;
      }
      String resolved = platformBase != null ? platformBase : base;
      if (resolved != null) {
        Platform platform = new Platform(resolved, arch);
        if (result.contains(platform)) {
          problems.add(
              at + " repeats " + resolved + " " + arch + "; each platform packs one charm");
        } else {
          result.add(platform);
        }
      }
    }
    return result;
  }

  private static void checkRelations(Map<String, Object> doc, String where, List<String> problems) {
    Set<String> seen = new HashSet<>();
    boolean hasContainerRequires = false;
    for (String kind : RELATION_KINDS) {
      Object section = doc.get(kind);
      if (section == null) {
        continue;
      }
      if (!(section instanceof Map)) {
        problems.add(where + ": " + kind + " must be a mapping of endpoint names");
        continue;
      }
      for (Map.Entry<?, ?> e : ((Map<?, ?>) section).entrySet()) {
        String endpoint = String.valueOf(e.getKey());
        String at = where + ": " + kind + "." + endpoint;
        if (!ENDPOINT_NAME.matcher(endpoint).matches()) {
          problems.add(at + ": endpoint name is not lowercase letters, digits and hyphens");
        }
        if (!seen.add(endpoint)) {
          problems.add(at + ": endpoint name is used twice; endpoint names are unique per charm");
        }
        Map<String, Object> spec = map(e.getValue());
        if (!(spec.get("interface") instanceof String)) {
          problems.add(at + ": set interface: <name>, e.g. interface: backup");
        }
        Object scope = spec.get("scope");
        if (scope != null && !"global".equals(scope) && !"container".equals(scope)) {
          problems.add(
              at + ": scope " + quote(String.valueOf(scope)) + " must be global or container");
        }
        if (spec.containsKey("limit") && !(spec.get("limit") instanceof Integer)) {
          problems.add(at + ": limit must be an integer");
        }
        if ("requires".equals(kind) && "container".equals(scope)) {
          hasContainerRequires = true;
        }
      }
    }
    if (Boolean.TRUE.equals(doc.get("subordinate")) && !hasContainerRequires) {
      problems.add(
          where
              + ": a subordinate charm needs a requires endpoint with scope: container, "
              + "e.g. 'requires: {juju-info: {interface: juju-info, scope: container}}'");
    }
  }

  private static void checkConfig(Object config, String where, List<String> problems) {
    if (config == null) {
      return;
    }
    Object options = map(config).get("options");
    for (Map.Entry<?, ?> e : map(options).entrySet()) {
      String at = where + ": config.options." + e.getKey();
      Map<String, Object> option = map(e.getValue());
      Object type = option.get("type");
      if (!OPTION_TYPES.contains(type)) {
        problems.add(
            at
                + ": type "
                + quote(String.valueOf(type))
                + " must be one of "
                + new TreeSet<>(OPTION_TYPES));
        continue;
      }
      Object def = option.get("default");
      if (def != null && !defaultMatches((String) type, def)) {
        problems.add(at + ": default " + quote(String.valueOf(def)) + " is not a " + type);
      }
      if (!(option.get("description") instanceof String)) {
        problems.add(at + ": add a description; juju config shows it to operators");
      }
    }
  }

  private static boolean defaultMatches(String type, Object def) {
    switch (type) {
      case "int":
        return def instanceof Integer || def instanceof Long;
      case "float":
        return def instanceof Number;
      case "boolean":
        return def instanceof Boolean;
      default:
        return def instanceof String;
    }
  }

  private static void checkActions(Object actions, String where, List<String> problems) {
    for (Map.Entry<?, ?> e : map(actions).entrySet()) {
      String action = String.valueOf(e.getKey());
      String at = where + ": actions." + action;
      if (!ACTION_NAME.matcher(action).matches()) {
        problems.add(at + ": action name is not lowercase letters, digits and hyphens");
      }
      Map<String, Object> spec = map(e.getValue());
      if (!(spec.get("description") instanceof String)) {
        problems.add(at + ": add a description; juju actions shows it to operators");
      }
      if (spec.containsKey("params") && !(spec.get("params") instanceof Map)) {
        problems.add(at + ": params must map parameter names to JSON Schemas");
      }
      if (!(spec.get("additionalProperties") instanceof Boolean)) {
        problems.add(
            at
                + ": set additionalProperties: false (or true) explicitly; its default "
                + "differs between Juju 3 and Juju 4");
      }
    }
  }

  static String string(Map<String, Object> doc, String key) {
    Object value = doc.get(key);
    return value instanceof String ? (String) value : null;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value instanceof Map ? (Map<String, Object>) value : Map.of();
  }

  private static String quote(String value) {
    return value == null ? "(missing)" : "\"" + value + "\"";
  }
}
