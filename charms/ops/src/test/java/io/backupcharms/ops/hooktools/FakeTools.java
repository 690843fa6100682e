package io.backupcharms.ops.hooktools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fake hook-tool executables in a directory: each prints a configured answer exactly as Juju would
 * (stdout, stderr, exit code) and records its argv, its stdin and the content of any {@code
 * key#file=path} argument (secret content files are deleted right after the call).
 */
public final class FakeTools {
  /** One recorded call. */
  public record Call(List<String> argv, String stdin, String files) {
    public String tool() {
      return argv.get(0);
    }
  }

  private final Path dir;
  private final Path bin;
  private final Path calls;
  private final Path answers;

  public FakeTools(Path dir) {
    try {
      this.dir = dir;
      this.bin = Files.createDirectories(dir.resolve("bin"));
      this.calls = Files.createDirectories(dir.resolve("calls"));
      this.answers = Files.createDirectories(dir.resolve("answers"));
      Path script = bin.resolve("hooktool");
      Files.writeString(
          script,
          """
          #!/bin/sh
          n=${0##*/}
          d='%s'
          i=$(ls "$d/calls" | grep -c argv)
          i=$((i+1))
          : > "$d/calls/$i.files"
          for a in "$@"; do
            case "$a" in *'#file='*) f=${a#*#file=}; printf '%%s=' "${a%%%%#file=*}" \
                >> "$d/calls/$i.files"; cat "$f" >> "$d/calls/$i.files"; \
                echo >> "$d/calls/$i.files" ;; esac
          done
          cat > "$d/calls/$i.stdin"
          { printf '%%s\\n' "$n"; for a in "$@"; do printf '%%s\\n' "$a"; done; } \
              > "$d/calls/$i.argv.tmp"
          mv "$d/calls/$i.argv.tmp" "$d/calls/$i.argv"
          [ -f "$d/answers/$n.out" ] && cat "$d/answers/$n.out"
          [ -f "$d/answers/$n.err" ] && cat "$d/answers/$n.err" >&2
          [ -f "$d/answers/$n.code" ] && exit "$(cat "$d/answers/$n.code")"
          exit 0
          """
              .formatted(dir));
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
      for (String tool :
          List.of(
              "relation-ids",
              "relation-list",
              "relation-get",
              "relation-set",
              "config-get",
              "is-leader",
              "status-set",
              "status-get",
              "application-version-set",
              "juju-log",
              "action-get",
              "action-set",
              "action-fail",
              "action-log",
              "open-port",
              "close-port",
              "opened-ports",
              "network-get",
              "secret-add",
              "secret-get",
              "secret-set",
              "secret-grant",
              "secret-revoke",
              "secret-remove",
              "secret-ids",
              "secret-info-get",
              "state-get",
              "state-set",
              "state-delete")) {
        Files.createSymbolicLink(bin.resolve(tool), script);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes {@code tool} print {@code stdout} and exit 0. */
  public FakeTools answer(String tool, String stdout) {
    return answer(tool, stdout, "", 0);
  }

  /** Makes {@code tool} fail like Juju: {@code ERROR <message>} on stderr and an exit code. */
  public FakeTools fail(String tool, String errorLine, int code) {
    return answer(tool, "", errorLine + "\n", code);
  }

  public FakeTools answer(String tool, String stdout, String stderr, int code) {
    try {
      Files.writeString(answers.resolve(tool + ".out"), stdout);
      Files.writeString(answers.resolve(tool + ".err"), stderr);
      Files.writeString(answers.resolve(tool + ".code"), Integer.toString(code));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** A hook environment whose PATH starts with the fake tools. */
  public Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", bin + ":/usr/bin:/bin");
    return env;
  }

  public Path dir() {
    return dir;
  }

  /** Every call so far, in order. */
  public List<Call> calls() {
    List<Call> list = new ArrayList<>();
    try {
      for (int i = 1; Files.exists(calls.resolve(i + ".argv")); i++) {
        list.add(
            new Call(
                Files.readAllLines(calls.resolve(i + ".argv"), StandardCharsets.UTF_8),
                Files.readString(calls.resolve(i + ".stdin")),
                Files.readString(calls.resolve(i + ".files"))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return list;
  }

  /** The calls of one tool. */
  public List<Call> calls(String tool) {
    return calls().stream().filter(c -> c.tool().equals(tool)).toList();
  }
}
