package io.backupcharms.ops.testing;

import io.backupcharms.ops.hooktools.HookTools;
import io.backupcharms.ops.hooktools.ProcessHookTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process backend meets the contract, against fake tools that print exactly what Juju prints
 * for that world (answers and {@code ERROR} lines with their exit codes).
 */
class ProcessHookToolsContractTest extends HookToolsContract {
  private static final String SCRIPT =
      """
      #!/bin/sh
      n=${0##*/}
      cat >/dev/null
      args=" $* "
      case "$n" in
        relation-ids) [ "$1" = backup ] && echo '["backup:4"]' || echo '[]' ;;
        relation-list|relation-get|relation-set)
          case "$args" in *" -r 4 "*) ;; *) r=$(echo "$args" | sed 's/.* -r \\([^ ]*\\) .*/\\1/')
            echo "ERROR invalid value \\"$r\\" for flag -r: relation not found" >&2; exit 2 ;; esac
          case "$n$args" in
            relation-list*--app*) echo '"myapp"' ;;
            relation-list*) echo '["myapp/0"]' ;;
            relation-get*) echo '{"k":"v"}' ;;
            relation-set*--app*) echo 'ERROR cannot write relation settings' >&2; exit 1 ;;
          esac ;;
        config-get) echo '{"path":"/srv","retries":3}' ;;
        is-leader) echo false ;;
        secret-get) echo "ERROR secret \\"$1\\" not found" >&2; exit 1 ;;
        action-*) echo 'ERROR not running an action' >&2; exit 1 ;;
        *) echo "ERROR unexpected call $n$args" >&2; exit 1 ;;
      esac
      """;

  @TempDir Path dir;

  @Override
  HookTools tools() {
    try {
      Path bin = Files.createDirectories(dir.resolve("bin"));
      Path tool = bin.resolve("hooktool");
      if (!Files.exists(tool)) {
        Files.writeString(tool, SCRIPT);
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
        for (String name :
            List.of(
                "relation-ids",
                "relation-list",
                "relation-get",
                "relation-set",
                "config-get",
                "is-leader",
                "secret-get",
                "action-log")) {
          Files.createSymbolicLink(bin.resolve(name), tool);
        }
      }
      return new ProcessHookTools(Map.of("PATH", bin + ":/usr/bin:/bin"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
