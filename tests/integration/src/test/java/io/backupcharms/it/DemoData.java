package io.backupcharms.it;

/** Reads and changes the demo application's data on a unit's machine. */
final class DemoData {
  private DemoData() {}

  /**
   * Everything a restore must bring back, as text: every path under /srv/demo/files with its type
   * and mode, every file's SHA-256, symlink targets, and the database's rows as SQL.
   */
  static String snapshot(JujuModel model, String unit) {
    return model.sh(
        unit,
        "set -e; cd /srv/demo/files; "
            + "find . -printf '%p %y %m %l\\n' | LC_ALL=C sort; "
            + "find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum; "
            + "echo '-- database'; sqlite3 /srv/demo/db/demo.db .dump");
  }

  /** Modifies, adds and removes files and rows, the way an application's data changes. */
  static void change(JujuModel model, String unit, String tag) {
    model.sh(
        unit,
        "set -e; cd /srv/demo/files; "
            + "printf 'changed %s\\n' '"
            + tag
            + "' >> hello.txt; "
            + "mkdir -p 'new dir "
            + tag
            + "'; head -c 200000 /dev/urandom > 'new dir "
            + tag
            + "/blob.bin'; "
            + "chmod 0600 'new dir "
            + tag
            + "/blob.bin'; "
            + "sqlite3 /srv/demo/db/demo.db \"INSERT INTO items(name, unit) VALUES ('added "
            + tag
            + "', 'x'); "
            + "UPDATE items SET name = name || ' (edited "
            + tag
            + ")' WHERE id = 1;\"");
  }

  /** Deletes the application's files, the dump and the database's rows: a lost machine's data. */
  static void destroy(JujuModel model, String unit) {
    model.sh(
        unit,
        "set -e; rm -rf /srv/demo/files /srv/demo/dump; "
            + "sqlite3 /srv/demo/db/demo.db 'DELETE FROM items;'");
  }
}
