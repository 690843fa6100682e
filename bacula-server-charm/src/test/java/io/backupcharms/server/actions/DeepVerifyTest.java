package io.backupcharms.server.actions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The comparison of a deep verify, from a job log as the Director stores it. */
class DeepVerifyTest {

  private static final byte[] A = HexFormat.of().parseHex("0cc175b9c0f1b6a831c399e269772661");
  private static final byte[] B = HexFormat.of().parseHex("92eb5ffee6ae2fec3ad71c777531578f");

  /** The log rows a client's after-script leaves, in lines of {@code width} characters. */
  private static List<String> log(String records, int width) {
    String b64 = Base64.getEncoder().encodeToString(records.getBytes(StandardCharsets.ISO_8859_1));
    StringBuilder rows = new StringBuilder("x-fd JobId 7: ClientAfterJob: deep-verify-begin\n");
    for (int i = 0; i < b64.length(); i += width) {
      rows.append("x-fd JobId 7: ClientAfterJob: ")
          .append(b64, i, Math.min(b64.length(), i + width))
          .append('\n');
    }
    return List.of(
        "x-dir JobId 7: Start Restore Job",
        rows + "x-fd JobId 7: ClientAfterJob: deep-verify-end\n");
  }

  @Test
  void namesWithNewlinesAndBytesThatAreNotUtf8ComeBackExactly() {
    String odd = "/srv/two words\nand\ttabs";
    String latin = "/srv/caf\u00e9";
    Map<String, byte[]> got =
        DeepVerify.restored(
            log(
                HexFormat.of().formatHex(A)
                    + "  ."
                    + odd
                    + "\0"
                    + HexFormat.of().formatHex(B)
                    + "  ."
                    + latin
                    + "\0",
                7));
    assertEquals(2, got.size(), got.keySet().toString());
    assertArrayEquals(A, got.get(odd));
    assertArrayEquals(B, got.get(latin));
  }

  @Test
  void aDifferingAMissingAndAnExtraFileAreEachNamed() {
    DeepVerify.Outcome o =
        DeepVerify.compare(
            Map.of("/srv/a", A, "/srv/b", B, "/srv/gone", A),
            Map.of("/srv/a", A, "/srv/b", A, "/srv/new", B));
    assertEquals(3, o.compared());
    assertEquals(
        List.of(
            "\"/srv/b\" does not match its checksum",
            "\"/srv/gone\" was not restored",
            "\"/srv/new\" was restored but is not in the catalog"),
        o.problems());
    assertTrue(DeepVerify.compare(Map.of("/srv/a", A), Map.of("/srv/a", A)).isGood());
  }

  @Test
  void aLogWithoutTheListFailsSayingTheScriptDidNotRun() {
    ActionFailedException e =
        assertThrows(
            ActionFailedException.class,
            () -> DeepVerify.restored(List.of("x-dir JobId 7: Restore OK")));
    assertTrue(e.getMessage().contains("after-restore script did not run"), e.getMessage());
  }

  @Test
  void catalogDigestsAreBase64WithoutPadding() {
    assertArrayEquals(
        A, DeepVerify.catalogDigest(Base64.getEncoder().withoutPadding().encodeToString(A)));
    assertEquals(0, DeepVerify.catalogDigest("0").length, "a directory's digest");
  }

  @Test
  void aNameForAMessageEscapesWhatATerminalWouldMangle() {
    assertEquals("\"/srv/two\\x0awords\"", DeepVerify.show("/srv/two\nwords"));
  }
}
