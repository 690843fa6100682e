package io.backupcharms.integrator;

import io.backupcharms.schema.BackupRequirerData;
import io.backupcharms.schema.FieldError;
import io.backupcharms.schema.InvalidDatabagException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The charm's config, checked: the fileset to publish and the contents of the scripts that are set.
 * Config options share their names with the databag keys.
 *
 * @param fileset absolute paths, at least one
 * @param scripts script contents by option name ({@code run-before-backup}, ...), only those set
 */
record IntegratorConfig(List<String> fileset, Map<String, String> scripts) {
  static final String FILESET = BackupRequirerData.FILESET;

  IntegratorConfig {
    fileset = List.copyOf(fileset);
    scripts = Collections.unmodifiableMap(new LinkedHashMap<>(scripts));
  }

  /**
   * The config, or every problem with it (each naming its option).
   *
   * @param filesetMissing whether fileset is unset, the state of a freshly deployed unit
   */
  record Reading(
      Optional<IntegratorConfig> config, List<FieldError> problems, boolean filesetMissing) {
    Reading {
      problems = List.copyOf(problems);
    }
  }

  /**
   * Reads and checks the options.
   *
   * @param option the value of a string option, empty when unset
   * @param app the application name, for the commands in messages
   */
  static Reading read(Function<String, Optional<String>> option, String app) {
    List<FieldError> problems = new ArrayList<>();
    List<String> fileset = readFileset(option.apply(FILESET).orElse(""), app, problems);
    Map<String, String> scripts = new LinkedHashMap<>();
    for (String key : BackupRequirerData.SCRIPT_KEYS) {
      String content = option.apply(key).orElse("");
      if (!content.isEmpty()) {
        checkScript(key, content, problems);
        scripts.put(key, content);
      }
    }
    boolean filesetMissing = option.apply(FILESET).orElse("").isBlank();
    if (!problems.isEmpty()) {
      return new Reading(Optional.empty(), problems, filesetMissing);
    }
    return new Reading(Optional.of(new IntegratorConfig(fileset, scripts)), problems, false);
  }

  /** Operators type "/a, /b"; the spaces around commas are not part of the paths. */
  private static List<String> readFileset(String value, String app, List<FieldError> problems) {
    if (value.isBlank()) {
      problems.add(
          new FieldError(
              FILESET,
              "missing fileset config; set the paths to back up: "
                  + "juju config "
                  + app
                  + " fileset=/var/lib/myapp,/etc/myapp"));
      return List.of();
    }
    List<String> paths = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      paths.add(part.strip());
    }
    try {
      BackupRequirerData.ofFileset(paths);
    } catch (InvalidDatabagException e) {
      problems.addAll(e.errors());
    }
    return paths;
  }

  private static void checkScript(String key, String content, List<FieldError> problems) {
    int newline = content.indexOf('\n');
    String firstLine = newline < 0 ? content : content.substring(0, newline);
    if (!content.startsWith("#!")) {
      problems.add(
          new FieldError(
              key,
              key
                  + " does not start with a shebang line such as "
                  + "#!/bin/sh; the File Daemon executes the script directly"));
    } else if (firstLine.endsWith("\r")) {
      problems.add(
          new FieldError(
              key,
              key
                  + " has Windows line endings; its shebang line "
                  + "would name an interpreter ending in \\r; convert it with dos2unix"));
    }
    if (content.indexOf('\0') >= 0) {
      problems.add(new FieldError(key, key + " contains a NUL byte; set a text script"));
    }
  }
}
