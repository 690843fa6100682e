package io.backupcharms.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The JSON Schema (what other-language charms validate with) and the Java rules must accept and
 * reject the same values, including hostile ones.
 */
class SchemaAgreementTest {

  @Property(tries = 300)
  void filesetVerdictsAgree(@ForAll("hostileLists") String fileset) {
    Map<String, String> bag = Map.of("fileset", fileset);
    assertEquals(
        DatabagSchema.BACKUP_REQUIRER_APP.validate(bag).isEmpty(),
        BackupRequirerData.fromDatabag(bag).isValid(),
        fileset);
  }

  @Property(tries = 300)
  void scriptPathVerdictsAgree(@ForAll("hostileLists") String path) {
    Map<String, String> bag = Map.of("fileset", "/etc", "run-before-backup", path);
    assertEquals(
        DatabagSchema.BACKUP_REQUIRER_APP.validate(bag).isEmpty(),
        BackupRequirerData.fromDatabag(bag).isValid(),
        path);
  }

  @Property(tries = 200)
  void portVerdictsAgree(@ForAll("ports") String port) {
    Map<String, String> bag = Map.of("name", "fd", "fileset", "/etc", "port", port);
    assertEquals(
        DatabagSchema.BACULA_DIR_REQUIRER_UNIT.validate(bag).isEmpty(),
        FileDaemonUnitData.fromDatabag(bag).isValid(),
        port);
  }

  @Provide
  Arbitrary<String> hostileLists() {
    Arbitrary<Character> chars =
        Arbitraries.of(
            '/', '/', '/', 'a', 'b', ',', ' ', '\n', '\r', '\t', '\0', '\u0085', '\u00a0', '\u2028',
            '\u3000', '\ufeff', '.', '"', '\\', '$', '{');
    return chars
        .list()
        .ofMaxSize(12)
        .map(
            cs -> {
              StringBuilder sb = new StringBuilder();
              cs.forEach(sb::append);
              return sb.toString();
            });
  }

  @Provide
  Arbitrary<String> ports() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(-10, 70000).map(String::valueOf),
        Arbitraries.strings().withChars("0123456789 +-\n").ofMaxLength(7));
  }
}
