package io.backupcharms.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs a how-to guide's commands as written. A step is a {@code ```{code-block} shell} fence
 * with {@code :name: <step>}, one command a line (a trailing backslash continues it), the same
 * convention as the tutorial. Each {@code juju} command runs on localjuju in the test's model;
 * a {@code ./<name>.charm} argument is the charm this build made under that name.
 */
final class HowTo {

  private static final Duration COMMAND = Duration.ofMinutes(10);

  private final List<String> lines;

  private HowTo(List<String> lines) {
    this.lines = lines;
  }

  /** The page, relative to {@code docs/}. */
  static HowTo page(String page) {
    try {
      return new HowTo(Files.readAllLines(Repo.root().resolve("docs").resolve(page)));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read docs/" + page, e);
    }
  }

  /** The commands of one named step, in order. */
  List<String> step(String name) {
    List<String> out = new ArrayList<>();
    boolean inBlock = false;
    boolean named = false;
    StringBuilder pending = new StringBuilder();
    for (String line : lines) {
      if (!inBlock && line.strip().equals("```{code-block} shell")) {
        inBlock = true;
        named = false;
      } else if (inBlock && line.strip().equals("```")) {
        inBlock = false;
      } else if (inBlock && line.startsWith(":name:")) {
        named = line.substring(":name:".length()).strip().equals(name);
      } else if (inBlock && named && !line.isBlank() && !line.startsWith(":")) {
        if (line.endsWith("\\")) {
          pending.append(line, 0, line.length() - 1);
        } else {
          out.add(pending.append(line).toString().strip());
          pending.setLength(0);
        }
      }
    }
    if (out.isEmpty()) {
      throw new IllegalStateException("the page has no shell step named " + name);
    }
    return out;
  }

  /**
   * Runs one step's commands in {@code model}; a command that exits non-zero fails the test.
   *
   * @param charms each {@code ./<file>.charm} of the page, by file name, mapped to a built charm
   * @return each command's standard output
   */
  List<String> run(String step, JujuModel model, Map<String, Path> charms) {
    List<String> outputs = new ArrayList<>();
    for (String command : step(step)) {
      List<String> words = new ArrayList<>(Arrays.asList(command.split("\\s+")));
      if (!words.get(0).equals("juju") || words.size() < 2) {
        throw new IllegalStateException("step " + step + " has a command that is not juju's: " + command);
      }
      words.remove(0);
      words.add(1, "-m");
      words.add(2, model.name());
      words.replaceAll(w -> w.startsWith("./") && w.endsWith(".charm")
          ? charms.getOrDefault(w.substring(2), Path.of(w)).toString() : w);
      outputs.add(model.juju().ok(COMMAND, words.toArray(String[]::new)).stdout());
    }
    return outputs;
  }
}
