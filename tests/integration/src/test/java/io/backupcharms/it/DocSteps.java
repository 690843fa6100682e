package io.backupcharms.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runnable steps of a docs page, so a test runs the page's commands exactly as printed. A step
 * is a {@code ```{code-block} shell} fence with a {@code :name:} option, as in {@code
 * docs/tutorial.md} (see {@code tutorial/steps.awk}); each non-blank line of its body is one
 * command. Blocks shown as {@code ```text} are for the reader and not run.
 */
final class DocSteps {
  private final Path page;
  private final Map<String, List<String>> steps;

  private DocSteps(Path page, Map<String, List<String>> steps) {
    this.page = page;
    this.steps = steps;
  }

  /** The steps of {@code relative} under the repository's {@code docs/}. */
  static DocSteps of(String relative) {
    Path page = Repo.root().resolve("docs").resolve(relative);
    List<String> lines;
    try {
      lines = Files.readAllLines(page);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + page, e);
    }
    Map<String, List<String>> steps = new LinkedHashMap<>();
    List<String> current = null;
    boolean options = false;
    for (String line : lines) {
      if (current == null && line.strip().equals("```{code-block} shell")) {
        current = new ArrayList<>();
        options = true;
      } else if (current != null && line.strip().equals("```")) {
        current = null;
      } else if (current != null && options && line.startsWith(":name:")) {
        String name = line.substring(":name:".length()).strip();
        steps.put(name, current);
      } else if (current != null && options && line.startsWith(":")) {
        continue;
      } else if (current != null && !line.isBlank()) {
        options = false;
        current.add(line.strip());
      } else if (current != null) {
        options = false;
      }
    }
    return new DocSteps(page, steps);
  }

  /** Every step's name, in the page's order. */
  List<String> names() {
    return List.copyOf(steps.keySet());
  }

  /**
   * The commands of one step.
   *
   * @throws AssertionError naming the page when it has no such step (the page and the test differ)
   */
  List<String> commands(String name) {
    List<String> commands = steps.get(name);
    if (commands == null || commands.isEmpty()) {
      throw new AssertionError(
          page + " has no step \"" + name + "\" with commands; its steps: " + names());
    }
    return List.copyOf(commands);
  }
}
