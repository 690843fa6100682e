package io.backupcharms.localjuju.agent;

import io.backupcharms.localjuju.charm.CharmMeta;
import io.backupcharms.localjuju.model.AppState;
import java.util.List;
import java.util.Map;

/**
 * Juju's base rules: which base {@code deploy} picks or accepts for a charm, and that a
 * container-scoped relation needs a base both charms support. localjuju's machines all run the
 * host's OS; the base is recorded, shown and checked, not installed.
 */
final class Bases {
  /** The bases localjuju offers machines of. */
  static final List<String> OFFERED = List.of("ubuntu@22.04", "ubuntu@24.04");

  /** What a charm without a manifest gets, as before bases were recorded. */
  static final String FALLBACK = "ubuntu@24.04";

  private Bases() {}

  /**
   * The base to deploy on: the requested one if the charm supports it, else the charm's first base,
   * as Juju's base selector does without a model default-base.
   *
   * @throws Lifecycle.ModelError with Juju's text when the charm does not support the base
   */
  static String forDeploy(CharmMeta meta, String requested) {
    String base =
        requested == null || requested.isEmpty() ? null : requested.replaceFirst("/stable$", "");
    if (base != null && !OFFERED.contains(base)) {
      throw new Lifecycle.ModelError(
          "base "
              + Lifecycle.q(base)
              + " is not offered by localjuju; use one of "
              + String.join(", ", OFFERED));
    }
    if (meta.bases().isEmpty()) {
      return base == null ? FALLBACK : base;
    }
    if (base == null) {
      return meta.bases().stream()
          .filter(OFFERED::contains)
          .findFirst()
          .orElseThrow(
              () ->
                  new Lifecycle.ModelError(
                      "the charm defined bases "
                          + Lifecycle.q(String.join(", ", meta.bases()))
                          + " not supported"));
    }
    requireSupported(meta, base);
    return base;
  }

  /** Juju's unsupported-base error, e.g. when a refresh would leave the application's base. */
  static void requireSupported(CharmMeta meta, String base) {
    if (!meta.bases().isEmpty() && !meta.bases().contains(base)) {
      throw new Lifecycle.ModelError(
          "base "
              + Lifecycle.q(base)
              + " not supported by charm, the charm "
              + "supported bases are: "
              + String.join(", ", meta.bases()));
    }
  }

  /**
   * Refuses a container-scoped relation between charms with no base in common, with Juju 3.6's
   * text: Juju compares the bases the two charms support, not those they were deployed on. Call
   * before anything in the model changes.
   */
  static void checkContainerRelation(Controller c, Endpoints.Pair pair) {
    if (!pair.container()) {
      return;
    }
    List<String> a = supported(c, pair.a().app);
    List<String> b = supported(c, pair.b().app);
    if (a.stream().noneMatch(b::contains)) {
      throw new Lifecycle.ModelError(
          "cannot add relation "
              + Lifecycle.q(pair.jujuKey())
              + ": principal and subordinate applications' bases must match");
    }
  }

  /** The bases an application's charm supports; a charm without a manifest, its own base. */
  private static List<String> supported(Controller c, String app) {
    List<String> bases = c.meta(app).bases();
    AppState a = c.st.applications.get(app);
    return bases.isEmpty() ? List.of(a.base.isEmpty() ? FALLBACK : a.base) : bases;
  }

  /** Juju's JSON form of a base, {@code {"name": "ubuntu", "channel": "22.04"}}. */
  static Map<String, Object> json(String base) {
    String b = base == null || base.isEmpty() ? FALLBACK : base;
    return Map.of(
        "name", b.substring(0, b.indexOf('@')), "channel", b.substring(b.indexOf('@') + 1));
  }

  /** A recorded base, or the fallback for state saved before bases were recorded. */
  static String shown(String base) {
    return base == null || base.isEmpty() ? FALLBACK : base;
  }
}
