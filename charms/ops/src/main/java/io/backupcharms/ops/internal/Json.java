package io.backupcharms.ops.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one shared Jackson mapper: building an {@link ObjectMapper} is the most expensive thing a
 * short-lived hook process does with Jackson, so it happens once.
 */
public final class Json {
    /** Shared, thread-safe mapper with default settings. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** Serialises a value that is known to be serialisable (maps, lists, strings, records). */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + value.getClass().getName() + " to JSON", e);
        }
    }
}
