package io.backupcharms.integrator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.backupcharms.schema.FieldError;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IntegratorConfigTest {
  private static IntegratorConfig.Reading read(Map<String, String> options) {
    return IntegratorConfig.read(k -> Optional.ofNullable(options.get(k)), "bi");
  }

  @Test
  void spacesAroundCommasAreNotPartOfThePaths() {
    IntegratorConfig config =
        read(Map.of("fileset", " /var/lib/myapp , /etc/myapp")).config().orElseThrow();
    assertEquals(List.of("/var/lib/myapp", "/etc/myapp"), config.fileset());
    assertEquals(Map.of(), config.scripts());
  }

  @Test
  void unsetFilesetSaysHowToSetIt() {
    assertEquals(
        List.of(
            new FieldError(
                "fileset",
                "missing fileset config; set the paths to back "
                    + "up: juju config bi fileset=/var/lib/myapp,/etc/myapp")),
        read(Map.of()).problems());
  }

  @Test
  void everyProblemNamesItsOption() {
    List<FieldError> problems =
        read(Map.of(
                "fileset",
                "var/lib,,/etc",
                "run-before-backup",
                "echo no shebang",
                "run-after-restore",
                "#!/bin/sh\r\necho\r\n"))
            .problems();
    assertEquals(
        List.of(
            "fileset path \"var/lib\" is relative; use an absolute path such as /var/lib/myapp",
            "fileset has an empty path at position 2; remove the extra comma",
            "run-before-backup does not start with a shebang line such as #!/bin/sh; the File"
                + " Daemon executes the script directly",
            "run-after-restore has Windows line endings; its shebang line would name an interpreter"
                + " ending in \\r"
                + "; convert it with dos2unix"),
        problems.stream().map(FieldError::message).toList());
  }
}
