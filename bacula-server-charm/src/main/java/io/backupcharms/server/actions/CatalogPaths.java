package io.backupcharms.server.actions;

import io.backupcharms.bacula.console.Director;
import io.backupcharms.bacula.console.RestoreRequest.Selection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the files and directories an operator asked to restore in the catalog's record of a backup
 * (its File, Path and Filename tables), so a path the backup does not hold fails the action before
 * any job runs. A path counts as present when its newest entry among the jobs of the restore is not
 * a deletion (Accurate backups record a file deleted since the last job with a FileIndex of zero or
 * less). Paths are checked by {@link Params#paths} to hold no quotes, so they can stand in the
 * query as literals.
 */
final class CatalogPaths {

  private final Director director;

  CatalogPaths(Director director) {
    this.director = director;
  }

  /**
   * @param jobIds the jobs the restore reads (the backup and those it builds on)
   * @param described the backup as the operator knows it, for the message
   * @throws InvalidParamsException naming every path the backup does not hold
   */
  Selection locate(List<String> paths, List<Long> jobIds, String described) {
    List<Long> files = new ArrayList<>();
    List<Long> directories = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String path : paths) {
      int slash = path.lastIndexOf('/');
      Optional<Long> file =
          newest(jobIds, path.substring(0, slash + 1), path.substring(slash + 1), "f.FileId");
      Optional<Long> directory =
          file.isPresent() ? Optional.empty() : newest(jobIds, path + "/", "", "f.PathId");
      file.ifPresent(files::add);
      directory.ifPresent(directories::add);
      if (file.isEmpty() && directory.isEmpty()) {
        missing.add(path);
      }
    }
    if (!missing.isEmpty()) {
      throw new InvalidParamsException(
          List.of(
              (missing.size() == 1
                      ? "path " + missing.get(0) + " is"
                      : "paths " + String.join(", ", missing) + " are")
                  + " not in "
                  + described
                  + "; nothing was restored. Give files or directories the"
                  + " backup holds, as absolute paths under its fileset"));
    }
    return new Selection(files, directories);
  }

  /** The id ({@code column}) of the newest entry of {@code dir}+{@code name}, if not a deletion. */
  private Optional<Long> newest(List<Long> jobIds, String dir, String name, String column) {
    List<List<String>> rows =
        director.select(
            column
                + ", f.FileIndex FROM File f JOIN Path p ON p.PathId = f.PathId"
                + " JOIN Filename n ON n.FilenameId = f.FilenameId"
                + " WHERE f.JobId IN ("
                + JobResults.join(jobIds)
                + ") AND p.Path = '"
                + dir
                + "'"
                + " AND n.Name = '"
                + name
                + "' ORDER BY f.JobId DESC, f.FileId DESC LIMIT 1",
            2);
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    long index = parse(rows.get(0).get(1));
    return index > 0 ? Optional.of(parse(rows.get(0).get(0))) : Optional.empty();
  }

  private static long parse(String field) {
    try {
      return Long.parseLong(field.strip());
    } catch (NumberFormatException e) {
      throw new ActionFailedException(
          "unexpected catalog answer from the Director: \"" + field + "\" is not a number",
          Map.of());
    }
  }
}
