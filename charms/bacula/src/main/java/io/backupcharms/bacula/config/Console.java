package io.backupcharms.bacula.config;

import io.backupcharms.bacula.Redacted;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A named Console with access control lists. A console restricted this way authenticates with its
 * own name and password; ACL entries may be {@code *all*}.
 *
 * @param name the Console name
 * @param password its password
 * @param acls the ACL lists, by kind; kinds left out allow nothing
 */
public record Console(String name, String password, Map<Acl, List<String>> acls) {
  public Console {
    String r = "Console \"" + name + "\"";
    Check.name("Console", "Name", name);
    Check.nonEmpty(r, "Password", password);
    EnumMap<Acl, List<String>> copy = new EnumMap<>(Acl.class);
    if (acls != null) {
      acls.forEach(
          (k, v) -> {
            Check.present(r, "ACL kind", k);
            List<String> entries = Check.list(r, k.baculaName(), v);
            for (String e : entries) {
              Check.nonEmpty(r, k.baculaName() + " entry", e);
            }
            copy.put(k, entries);
          });
    }
    acls = Collections.unmodifiableMap(copy);
  }

  /** A Console with no rights yet. */
  public static Console of(String name, String password) {
    return new Console(name, password, Map.of());
  }

  /** A copy with the list for one ACL kind replaced. */
  public Console withAcl(Acl kind, List<String> entries) {
    EnumMap<Acl, List<String>> copy = new EnumMap<>(Acl.class);
    copy.putAll(acls);
    copy.put(kind, entries);
    return new Console(name, password, copy);
  }

  /** ACL kinds of a Console resource. */
  public enum Acl {
    JOB("JobACL"),
    CLIENT("ClientACL"),
    STORAGE("StorageACL"),
    SCHEDULE("ScheduleACL"),
    POOL("PoolACL"),
    FILESET("FileSetACL"),
    CATALOG("CatalogACL"),
    COMMAND("CommandACL"),
    WHERE("WhereACL");

    private final String bacula;

    Acl(String bacula) {
      this.bacula = bacula;
    }

    /** The directive name. */
    public String baculaName() {
      return bacula;
    }
  }

  /** Never with the password: see {@link Redacted}. */
  @Override
  public String toString() {
    return Redacted.describe(this);
  }
}
