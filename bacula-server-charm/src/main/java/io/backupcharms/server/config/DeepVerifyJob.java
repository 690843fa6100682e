package io.backupcharms.server.config;

import io.backupcharms.bacula.config.FileSetOptions;
import io.backupcharms.bacula.config.RunScript;
import java.util.List;

/**
 * The restore Job behind {@code verify deep=true}: it restores a backup into a directory only root
 * can enter on the client, and afterwards, on the client, prints the checksum of every restored
 * file into the job's log and removes the directory, whatever the restore's outcome. The server
 * then compares those checksums with the catalog's.
 *
 * <p>The checksums travel as base64 of {@code md5sum -z} output (NUL-separated records), in lines
 * of 400 characters: a File Daemon cuts a script's output lines at about 500 bytes, and base64
 * carries any file name (newlines, tabs, bytes that are not UTF-8) unchanged.
 */
public final class DeepVerifyJob {

  /** Where the restores land on a client: a root-only parent, one directory per client. */
  public static final String PARENT = "/var/tmp/bacula-deep-verify";

  /** The lines that frame the checksums in the job's log. */
  public static final String BEGIN = "deep-verify-begin";

  public static final String END = "deep-verify-end";

  private DeepVerifyJob() {}

  /** The client's restore directory; the stem is a Bacula name, so it needs no quoting. */
  public static String directory(String stem) {
    return PARENT + "/" + stem;
  }

  /** The checksum tool that computes what the FileSet's signature option stores. */
  public static String tool(FileSetOptions.Signature signature) {
    return signature == FileSetOptions.Signature.SHA1 ? "sha1sum" : "md5sum";
  }

  /** The scripts: a fresh private directory before, the checksums and the removal after. */
  static List<RunScript> scripts(String stem, FileSetOptions.Signature signature) {
    String dir = directory(stem);
    String before =
        "/bin/sh -c 'umask 077 && mkdir -p "
            + PARENT
            + " && chmod 700 "
            + PARENT
            + " && rm -rf "
            + dir
            + " && mkdir "
            + dir
            + "'";
    String after =
        "/bin/sh -c 'cd "
            + dir
            + " || exit 1; echo "
            + BEGIN
            + "; find . -type f -print0"
            + " | xargs -0 -r "
            + tool(signature)
            + " -z | base64 -w 400; echo "
            + END
            + "; cd /; rm -rf "
            + dir
            + "'";
    return List.of(RunScript.before(before, true), RunScript.after(after, true));
  }
}
