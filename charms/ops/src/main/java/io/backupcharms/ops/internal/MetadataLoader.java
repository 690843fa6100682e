package io.backupcharms.ops.internal;

import io.backupcharms.ops.model.CharmMeta;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a charm's metadata: {@code metadata.yaml} + {@code config.yaml} + {@code actions.yaml} as
 * Juju sees them, or the unified {@code charmcraft.yaml} when there is no {@code metadata.yaml}.
 */
public final class MetadataLoader {
  private MetadataLoader() {}

  /**
   * Reads the metadata in a charm directory; a directory without any metadata file gives {@link
   * CharmMeta#empty()}.
   *
   * @throws IllegalStateException naming the file if one cannot be parsed
   */
  public static CharmMeta load(Path charmDir) {
    Path metadata = charmDir.resolve("metadata.yaml");
    Path unified = charmDir.resolve("charmcraft.yaml");
    Map<String, Object> meta;
    Map<String, Object> config;
    Map<String, Object> actions;
    if (Files.isRegularFile(metadata)) {
      meta = read(metadata);
      config = read(charmDir.resolve("config.yaml"));
      actions = read(charmDir.resolve("actions.yaml"));
    } else if (Files.isRegularFile(unified)) {
      meta = read(unified);
      config = map(meta.get("config"), unified, "config");
      actions = map(meta.get("actions"), unified, "actions");
    } else {
      return CharmMeta.empty();
    }
    return fromMaps(meta, config, actions, metadata.toString());
  }

  /** Builds metadata from already parsed YAML maps (config is the map with {@code options}). */
  public static CharmMeta fromMaps(
      Map<String, Object> meta,
      Map<String, Object> config,
      Map<String, Object> actions,
      String source) {
    Path src = Path.of(source);
    Map<String, CharmMeta.RelationMeta> relations = new LinkedHashMap<>();
    for (CharmMeta.Role role : CharmMeta.Role.values()) {
      Map<String, Object> endpoints =
          map(
              meta.get(role.name().toLowerCase(Locale.ROOT)),
              src,
              role.name().toLowerCase(Locale.ROOT));
      endpoints.forEach(
          (name, spec) -> {
            Map<String, Object> s = map(spec, src, name);
            Object limit = s.get("limit");
            relations.put(
                name,
                new CharmMeta.RelationMeta(
                    name,
                    role,
                    String.valueOf(s.getOrDefault("interface", "")),
                    String.valueOf(s.getOrDefault("scope", "global")),
                    limit instanceof Number n ? n.intValue() : 0));
          });
    }
    Map<String, CharmMeta.ActionMeta> actionMetas = new LinkedHashMap<>();
    actions.forEach(
        (name, spec) -> {
          Map<String, Object> s = map(spec, src, name);
          List<String> required = new ArrayList<>();
          if (s.get("required") instanceof List<?> list) {
            list.forEach(r -> required.add(String.valueOf(r)));
          }
          Object additional = s.get("additionalProperties");
          actionMetas.put(
              name,
              new CharmMeta.ActionMeta(
                  name,
                  String.valueOf(s.getOrDefault("description", "")),
                  map(s.get("params"), src, name + ".params"),
                  required,
                  // Juju 3 accepts unknown params unless told otherwise; Juju 4 refuses them.
                  !(additional instanceof Boolean b) || b));
        });
    Map<String, CharmMeta.ConfigOption> options = new LinkedHashMap<>();
    map(config.get("options"), src, "options")
        .forEach(
            (name, spec) -> {
              Map<String, Object> s = map(spec, src, name);
              options.put(
                  name,
                  new CharmMeta.ConfigOption(
                      name,
                      String.valueOf(s.getOrDefault("type", "string")),
                      s.get("default"),
                      String.valueOf(s.getOrDefault("description", ""))));
            });
    return new CharmMeta(
        String.valueOf(meta.getOrDefault("name", "")),
        Boolean.TRUE.equals(meta.get("subordinate")),
        relations,
        actionMetas,
        options);
  }

  private static Map<String, Object> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
      return doc == null ? Map.of() : map(doc, file, "the top level");
    } catch (IOException | YAMLException e) {
      throw new IllegalStateException(
          "cannot read charm metadata " + file + ": " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value, Path file, String where) {
    if (value == null) {
      return Map.of();
    }
    if (value instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw new IllegalStateException(
        "charm metadata " + file + ": " + where + " must be a mapping, not " + value);
  }
}
