package io.backupcharms.localjuju.tools;

import java.util.LinkedHashMap;

/**
 * A value Juju prints from a Go struct: its keys keep their declaration order in json and yaml,
 * where plain maps (Go maps) are printed with sorted keys.
 */
public final class Ordered extends LinkedHashMap<String, Object> {
  /** Adds a field and returns this, for building in declaration order. */
  public Ordered with(String key, Object value) {
    put(key, value);
    return this;
  }
}
