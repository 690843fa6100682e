package io.backupcharms.ops.internal;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The framework's state between hooks: stored state by namespace and the deferred events, in
 * order. Mutable during one hook; {@link #toJson()} is what gets committed.
 */
public final class PersistedState {
    static final int VERSION = 1;
    private final ObjectNode stored;
    private final List<EventSnapshot> deferred;

    public PersistedState(ObjectNode stored, List<EventSnapshot> deferred) {
        this.stored = stored;
        this.deferred = new ArrayList<>(deferred);
    }

    /** Nothing stored, nothing deferred. */
    public static PersistedState empty() {
        return new PersistedState(JsonNodeFactory.instance.objectNode(), List.of());
    }

    /** The object of one stored-state namespace, created when first asked for. */
    public ObjectNode namespace(String name) {
        JsonNode node = stored.get(name);
        if (node instanceof ObjectNode object) {
            return object;
        }
        return stored.putObject(name);
    }

    /** All namespaces. */
    public ObjectNode stored() {
        return stored;
    }

    /** Deferred events, oldest first. */
    public List<EventSnapshot> deferred() {
        return List.copyOf(deferred);
    }

    public void setDeferred(List<EventSnapshot> events) {
        deferred.clear();
        deferred.addAll(events);
    }

    /** A deep copy, so a failed hook can leave the loaded state untouched. */
    public PersistedState copy() {
        return new PersistedState(stored.deepCopy(), deferred);
    }

    /** The committed form: {@code {"version":1,"stored":{...},"deferred":[...]}}. */
    public String toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("version", VERSION);
        // Empty namespaces are noise: a charm that only read its state wrote nothing.
        ObjectNode nonEmpty = root.putObject("stored");
        stored.fields().forEachRemaining(e -> {
            if (e.getValue().size() > 0) {
                nonEmpty.set(e.getKey(), e.getValue());
            }
        });
        ArrayNode events = root.putArray("deferred");
        deferred.forEach(d -> events.add(Json.MAPPER.valueToTree(d)));
        return root.toString();
    }

    /**
     * Parses the committed form.
     *
     * @throws StateCorruptError if the text is not what {@link #toJson()} writes
     */
    public static PersistedState parse(String json, String source) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new StateCorruptError(source, "not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new StateCorruptError(source, "the top level is not a JSON object", null);
        }
        if (root.path("version").asInt(-1) != VERSION) {
            throw new StateCorruptError(source, "unsupported version " + root.get("version") + " (expected " + VERSION
                    + ")", null);
        }
        JsonNode stored = root.get("stored");
        JsonNode deferred = root.get("deferred");
        if (!(stored instanceof ObjectNode) || deferred == null || !deferred.isArray()) {
            throw new StateCorruptError(source, "\"stored\" must be an object and \"deferred\" an array", null);
        }
        List<EventSnapshot> events = new ArrayList<>();
        for (JsonNode d : deferred) {
            try {
                events.add(Json.MAPPER.treeToValue(d, EventSnapshot.class));
            } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
                throw new StateCorruptError(source, "deferred event " + d + " is not readable", e);
            }
        }
        return new PersistedState((ObjectNode) stored, events);
    }
}
