package io.backupcharms.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.backupcharms.ops.internal.Json;

/**
 * Charm state kept between hooks in the unit's charm directory, as JSON. Values are anything
 * Jackson maps: strings, numbers, booleans, lists, maps and records. Changes are committed only
 * if the hook succeeds, atomically.
 */
public final class StoredState {
    private final ObjectNode node;

    StoredState(ObjectNode node) {
        this.node = node;
    }

    /** Whether a key is set. */
    public boolean has(String key) {
        return node.has(key);
    }

    /** The keys set, in insertion order. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** A string value. */
    public Optional<String> getString(String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    /** A long value. */
    public Optional<Long> getLong(String key) {
        JsonNode v = node.get(key);
        return v == null || !v.isNumber() ? Optional.empty() : Optional.of(v.asLong());
    }

    /** A boolean value. */
    public Optional<Boolean> getBoolean(String key) {
        JsonNode v = node.get(key);
        return v == null || !v.isBoolean() ? Optional.empty() : Optional.of(v.asBoolean());
    }

    /**
     * Any value, mapped to {@code type} with Jackson.
     *
     * @throws IllegalArgumentException if the stored JSON does not fit the type
     */
    public <T> Optional<T> get(String key, Class<T> type) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.treeToValue(v, type));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("stored value \"" + key + "\" (" + v + ") does not fit "
                    + type.getName(), e);
        }
    }

    /** Sets a value; null removes the key. */
    public void set(String key, Object value) {
        if (value == null) {
            node.remove(key);
        } else {
            node.set(key, Json.MAPPER.valueToTree(value));
        }
    }

    /** Removes a key. */
    public void remove(String key) {
        node.remove(key);
    }
}
