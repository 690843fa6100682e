package io.backupcharms.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;

/**
 * Our addition to bacula-server's application databag on each {@code bacula_dir} relation: the File
 * Daemon units of that relation the Director leaves out, each with the reason, as a JSON object
 * under {@link #KEY}. Without it a File Daemon whose data the server refused (a name claimed twice,
 * data Bacula rejects) looks healthy on its own side while nothing backs it up. Charms that do not
 * know the key ignore it, as the interface allows.
 */
public final class ClientsLeftOut {
  /** Databag key. */
  public static final String KEY = "left-out";

  /** Longest reason kept; a status message is one line an operator reads. */
  static final int MAX_REASON = 1000;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};

  private ClientsLeftOut() {}

  /**
   * The value to publish for these units (unit name to reason), or {@code ""}, which removes the
   * key, when none is left out. Unit order is fixed, so an unchanged set is an unchanged value.
   */
  public static String encode(Map<String, String> reasons) {
    if (reasons.isEmpty()) {
      return "";
    }
    Map<String, String> sorted = new TreeMap<>();
    reasons.forEach((unit, why) -> sorted.put(unit, oneLine(why)));
    try {
      return MAPPER.writeValueAsString(sorted);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings is always JSON", e);
    }
  }

  /**
   * The units left out, read from the provider's application databag. A missing, empty or malformed
   * value reads as nobody left out: the key only explains, and a File Daemon must not stop over an
   * explanation it cannot read.
   */
  public static Map<String, String> decode(Map<String, String> databag) {
    String value = databag.getOrDefault(KEY, "");
    if (value.isBlank()) {
      return Map.of();
    }
    try {
      Map<String, String> read = MAPPER.readValue(value, MAP);
      Map<String, String> clean = new TreeMap<>();
      read.forEach(
          (unit, why) -> {
            if (unit != null && why != null) {
              clean.put(unit, oneLine(why));
            }
          });
      return clean;
    } catch (JsonProcessingException e) {
      return Map.of();
    }
  }

  private static String oneLine(String why) {
    String line = why.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", " ").strip();
    return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON - 3) + "...";
  }
}
