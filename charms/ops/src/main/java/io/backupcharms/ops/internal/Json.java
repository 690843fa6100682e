package io.backupcharms.ops.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON as plain Java values: objects are {@code LinkedHashMap<String, Object>}, arrays {@code
 * ArrayList}, and scalars {@code String}, {@code Long} (or {@code BigInteger}), {@code Double},
 * {@code Boolean} or null.
 *
 * <p>Hooks parse and write JSON with Jackson's streaming core only: building a databind {@code
 * ObjectMapper} costs a short-lived hook process about 50 ms (it initialises time zones, locales
 * and date formats), a third of the whole hook. The mapper is created only when a charm stores or
 * reads a value that is not plain JSON (a record, say), through {@link #mapper()}.
 */
public final class Json {
  private static final JsonFactory FACTORY = new JsonFactory();

  private Json() {}

  /**
   * Parses one JSON document.
   *
   * @throws JsonProcessingException if the text is not valid JSON
   */
  public static Object parse(String text) throws JsonProcessingException {
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new JsonProcessingException("no JSON value in the input") {};
      }
      Object value = read(parser, first);
      if (parser.nextToken() != null) {
        throw new JsonProcessingException("text after the JSON value", parser.currentLocation()) {};
      }
      return value;
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new JsonProcessingException("cannot read JSON: " + e.getMessage(), e) {};
    }
  }

  private static Object read(JsonParser p, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT:
        {
          Map<String, Object> map = new LinkedHashMap<>();
          for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String name = p.currentName();
            map.put(name, read(p, p.nextToken()));
          }
          return map;
        }
      case START_ARRAY:
        {
          List<Object> list = new ArrayList<>();
          for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            list.add(read(p, t));
          }
          return list;
        }
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? p.getBigIntegerValue()
            : p.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new JsonProcessingException("unexpected JSON token " + token, p.currentLocation()) {};
    }
  }

  /**
   * Writes plain values (maps with string keys, collections, arrays, strings, numbers, booleans,
   * null) as compact JSON.
   *
   * @throws IllegalArgumentException for anything else; convert it with {@link #toPlain} first
   */
  public static String write(Object value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      write(g, value);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot write JSON: " + e.getMessage(), e);
    }
    return out.toString();
  }

  private static void write(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Long
        || v instanceof Integer
        || v instanceof Short
        || v instanceof Byte) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof BigInteger b) {
      g.writeNumber(b);
    } else if (v instanceof BigDecimal b) {
      g.writeNumber(b);
    } else if (v instanceof Number n) {
      g.writeNumber(n.doubleValue());
    } else if (v instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof Collection<?> c) {
      g.writeStartArray();
      for (Object o : c) {
        write(g, o);
      }
      g.writeEndArray();
    } else if (v.getClass().isArray()) {
      g.writeStartArray();
      for (int i = 0; i < Array.getLength(v); i++) {
        write(g, Array.get(v, i));
      }
      g.writeEndArray();
    } else {
      throw new IllegalArgumentException(v.getClass().getName() + " is not a plain JSON value");
    }
  }

  /**
   * Converts any value to plain JSON values: plain values are copied (ints widened to Long, floats
   * to Double), anything else (records, beans) goes through Jackson databind.
   */
  public static Object toPlain(Object v) {
    if (v == null
        || v instanceof String
        || v instanceof Boolean
        || v instanceof Long
        || v instanceof Double
        || v instanceof BigInteger) {
      return v;
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Float f) {
      return f.doubleValue();
    }
    if (v instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, val) -> copy.put(String.valueOf(k), toPlain(val)));
      return copy;
    }
    if (v instanceof Collection<?> c) {
      List<Object> copy = new ArrayList<>();
      c.forEach(o -> copy.add(toPlain(o)));
      return copy;
    }
    if (v.getClass().isArray()) {
      List<Object> copy = new ArrayList<>();
      for (int i = 0; i < Array.getLength(v); i++) {
        copy.add(toPlain(Array.get(v, i)));
      }
      return copy;
    }
    return mapper().convertValue(v, Object.class);
  }

  /** The databind mapper, created on first use only (see the class comment). */
  public static ObjectMapper mapper() {
    return Databind.MAPPER;
  }

  /**
   * Holder: the JVM initialises it, and so builds the mapper, only when {@link #mapper()} is
   * called.
   */
  private static final class Databind {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }
}
