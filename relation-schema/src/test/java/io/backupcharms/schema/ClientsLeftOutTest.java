package io.backupcharms.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientsLeftOutTest {

  @Test
  void reasonsRoundTripInAFixedOrder() {
    Map<String, String> reasons = new LinkedHashMap<>();
    reasons.put("myapp-fd/1", "file daemon port \"0\" is not a port number");
    reasons.put("myapp-fd/0", "two units claim name \"x-fd\"; remove the wrong relation");
    String value = ClientsLeftOut.encode(reasons);
    assertTrue(value.indexOf("myapp-fd/0") < value.indexOf("myapp-fd/1"), value);
    assertEquals(reasons, ClientsLeftOut.decode(Map.of(ClientsLeftOut.KEY, value)));
    assertEquals(
        value, ClientsLeftOut.encode(ClientsLeftOut.decode(Map.of(ClientsLeftOut.KEY, value))));
  }

  @Test
  void nobodyLeftOutRemovesTheKeyAndReadsBackAsNobody() {
    assertEquals("", ClientsLeftOut.encode(Map.of()));
    assertEquals(Map.of(), ClientsLeftOut.decode(Map.of()));
    assertEquals(Map.of(), ClientsLeftOut.decode(Map.of(ClientsLeftOut.KEY, "")));
  }

  @Test
  void aMalformedValueReadsAsNobodyLeftOut() {
    for (String bad :
        new String[] {"{", "[\"myapp-fd/0\"]", "\"text\"", "{\"myapp-fd/0\": {\"nested\": 1}}"}) {
      assertEquals(Map.of(), ClientsLeftOut.decode(Map.of(ClientsLeftOut.KEY, bad)), bad);
    }
  }

  @Test
  void reasonsAreOneBoundedLine() {
    String hostile = "line one\nline two\u2028three\u0007" + "x".repeat(5000);
    String read =
        ClientsLeftOut.decode(
                Map.of(
                    ClientsLeftOut.KEY,
                    "{\"a/0\":\""
                        + hostile.replace("\n", "\\n").replace("\u0007", "\\u0007")
                        + "\"}"))
            .get("a/0");
    assertTrue(read.startsWith("line one line two three"), read);
    assertEquals(ClientsLeftOut.MAX_REASON, read.length());
    assertTrue(read.endsWith("..."), read);
    String published =
        ClientsLeftOut.decode(
                Map.of(ClientsLeftOut.KEY, ClientsLeftOut.encode(Map.of("a/0", hostile))))
            .get("a/0");
    assertEquals(read, published);
  }
}
