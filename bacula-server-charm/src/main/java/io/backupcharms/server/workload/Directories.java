package io.backupcharms.server.workload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;

/** Directories the daemons write to. */
public final class Directories {

  private Directories() {}

  /**
   * Creates {@code dir} if needed and gives it to {@code owner} (user and group) with {@code
   * permissions} such as {@code rwxr-x---}; an unknown owner leaves it to root.
   */
  public static void ensure(Path dir, String owner, String permissions) {
    try {
      Files.createDirectories(dir);
      PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
      view.setPermissions(PosixFilePermissions.fromString(permissions));
      UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
      try {
        UserPrincipal user = lookup.lookupPrincipalByName(owner);
        GroupPrincipal group = lookup.lookupPrincipalByGroupName(owner);
        view.setOwner(user);
        view.setGroup(group);
      } catch (UserPrincipalNotFoundException e) {
        // The package creates the user; before that root keeps the directory.
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare directory " + dir + ": " + e.getMessage(), e);
    }
  }
}
