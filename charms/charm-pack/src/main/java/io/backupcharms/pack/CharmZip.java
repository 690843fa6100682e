package io.backupcharms.pack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Writes a {@code .charm}: a zip whose entries carry unix modes and symlinks in the external
 * attributes, as Juju's unpacker reads them. Entry times are fixed so that the same inputs give the
 * same bytes.
 */
final class CharmZip {
  private CharmZip() {}

  static void write(Path target, List<ArchiveItem> items, FileTime time) {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
      try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(tmp)) {
        for (ArchiveItem item : items) {
          write(zip, item, time);
        }
      }
      // Readers never see a half-written archive under the final name.
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new CharmPackException(
          "cannot write "
              + target
              + ": "
              + e.getMessage()
              + "; check the disk space and permissions of the module's target directory",
          e);
    }
  }

  private static void write(ZipArchiveOutputStream zip, ArchiveItem item, FileTime time)
      throws IOException {
    String name = item.kind() == ArchiveItem.Kind.DIRECTORY ? item.path() + "/" : item.path();
    ZipArchiveEntry entry = new ZipArchiveEntry(name);
    int type;
    switch (item.kind()) {
      case DIRECTORY:
        type = UnixStat.DIR_FLAG;
        break;
      case SYMLINK:
        type = UnixStat.LINK_FLAG;
        break;
      default:
        type = UnixStat.FILE_FLAG;
        break;
    }
    entry.setUnixMode(type | item.mode());
    entry.setLastModifiedTime(time);
    // Jars are compressed already; storing them spares the unpacker a second inflate.
    boolean store = item.path().endsWith(".jar");
    entry.setMethod(store ? ZipEntry.STORED : ZipEntry.DEFLATED);
    zip.putArchiveEntry(entry);
    if (item.kind() == ArchiveItem.Kind.FILE && item.source() != null) {
      try (InputStream in = Files.newInputStream(item.source())) {
        in.transferTo(zip);
      }
    } else if (item.content() != null) {
      zip.write(item.content());
    }
    zip.closeArchiveEntry();
  }
}
