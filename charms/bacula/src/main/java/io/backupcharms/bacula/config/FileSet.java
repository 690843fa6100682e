package io.backupcharms.bacula.config;

import java.util.List;

/**
 * A FileSet: what to back up. Paths must be absolute, because Bacula treats entries starting with
 * {@code |}, {@code <} or {@code \} as programs to run or lists to read.
 *
 * @param name the FileSet name, e.g. {@code myapp-0-fileset}
 * @param includes paths to back up (at least one)
 * @param excludes paths to leave out
 * @param options how files are read: signature, compression, onefs...
 */
public record FileSet(
    String name, List<String> includes, List<String> excludes, FileSetOptions options) {
  public FileSet {
    String r = "FileSet \"" + name + "\"";
    Check.name("FileSet", "Name", name);
    includes = Check.list(r, "File (include)", includes);
    excludes = Check.list(r, "File (exclude)", excludes);
    if (includes.isEmpty()) {
      throw new InvalidConfigException(r + ": no include path; give at least one, such as /etc");
    }
    for (String p : includes) {
      Check.absolutePath(r, "include path", p);
    }
    for (String p : excludes) {
      Check.absolutePath(r, "exclude path", p);
    }
    Check.present(r, "Options", options);
  }

  /** A FileSet with {@link FileSetOptions#defaults()}. */
  public static FileSet of(String name, List<String> includes, List<String> excludes) {
    return new FileSet(name, includes, excludes, FileSetOptions.defaults());
  }
}
