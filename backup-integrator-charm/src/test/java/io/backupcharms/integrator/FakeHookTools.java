package io.backupcharms.integrator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Juju's hook tools as executables on PATH, for one scripted situation: a leader unit with a {@code
 * backup:1} relation to bacula-fd and the config in {@code answers/config-get}. Each call is
 * appended to {@code calls.log} (argv) and stdin to {@code <tool>.stdin}, so a test can assert what
 * the charm did, as Juju would have seen it.
 */
final class FakeHookTools {
  static final List<String> TOOLS =
      List.of(
          "config-get",
          "is-leader",
          "relation-ids",
          "relation-list",
          "relation-get",
          "relation-set",
          "status-set",
          "status-get",
          "juju-log",
          "state-get",
          "state-set",
          "state-delete",
          "application-version-set",
          "network-get",
          "opened-ports",
          "open-port",
          "close-port",
          "secret-ids");

  private static final String SCRIPT =
      String.join(
          "\n",
          "#!/bin/sh",
          "tool=${0##*/}",
          "dir=${0%/*}",
          "{ printf '%s' \"$tool\"; for a in \"$@\"; do printf ' %s' \"$a\"; done; echo; } >>"
              + " \"$dir/calls.log\"",
          "case \"$tool\" in",
          "  relation-set|state-set) cat >> \"$dir/$tool.stdin\"; echo >> \"$dir/$tool.stdin\" ;;",
          "esac",
          "if [ -f \"$dir/answers/$tool\" ]; then cat \"$dir/answers/$tool\"; exit 0; fi",
          "case \"$tool\" in",
          "  is-leader) echo true ;;",
          "  relation-ids) case \"$1\" in backup) echo '[\"backup:1\"]' ;; *) echo '[]' ;; esac ;;",
          "  relation-list) case \"$*\" in *--app*) echo '\"bacula-fd\"' ;; *) echo"
              + " '[\"bacula-fd/0\"]' ;; esac ;;",
          "  relation-get|state-get|config-get) echo '{}' ;;",
          "  status-get) echo '{\"message\":\"\",\"status\":\"unknown\",\"status-data\":{}}' ;;",
          "  opened-ports|secret-ids) echo '[]' ;;",
          "esac",
          "");

  final Path dir;

  FakeHookTools(Path dir, String configJson) throws IOException {
    this.dir = Files.createDirectories(dir);
    Path script = dir.resolve("fake-tool");
    Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    for (String tool : TOOLS) {
      Files.createSymbolicLink(dir.resolve(tool), script.getFileName());
    }
    Files.createDirectories(dir.resolve("answers"));
    Files.writeString(dir.resolve("answers/config-get"), configJson, StandardCharsets.UTF_8);
  }

  String calls() throws IOException {
    Path log = dir.resolve("calls.log");
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  String stdin(String tool) throws IOException {
    Path file = dir.resolve(tool + ".stdin");
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }
}
