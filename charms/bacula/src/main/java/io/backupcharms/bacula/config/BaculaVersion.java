package io.backupcharms.bacula.config;

import io.backupcharms.bacula.BaculaException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The upstream version of the installed Bacula daemons, and what their configuration parser
 * accepts. The renderer asks it before writing anything whose acceptance or meaning changed between
 * 9.6 (Debian 12, Ubuntu 22.04) and 13.0 (Ubuntu 24.04); see {@code
 * docs/reference/bacula-versions.md} for every directive checked.
 *
 * @param major e.g. 13
 * @param minor e.g. 0
 * @param patch e.g. 3
 */
public record BaculaVersion(int major, int minor, int patch) implements Comparable<BaculaVersion> {
  /** Debian 12 and Ubuntu 22.04: the version every real-daemon test here runs. */
  public static final BaculaVersion V9_6_7 = new BaculaVersion(9, 6, 7);

  /** The 13.0 release whose source the version-dependent rendering was checked against. */
  public static final BaculaVersion V13_0_3 = new BaculaVersion(13, 0, 3);

  /** 11.0.0 introduced the changes 13.0 still has (events, glob ACLs, TLS-PSK). */
  private static final BaculaVersion V11 = new BaculaVersion(11, 0, 0);

  /** A Debian version: optional epoch, the upstream version, then anything (+dfsg, -7ubuntu1). */
  private static final Pattern PACKAGE =
      Pattern.compile("(?:\\d+:)?(\\d+)\\.(\\d+)\\.(\\d+)(?:[-+~.].*)?");

  /** The line every daemon prints on {@code -?}: {@code Version: 9.6.7 (10 December 2020)}. */
  private static final Pattern USAGE = Pattern.compile("Version: (\\d+)\\.(\\d+)\\.(\\d+) \\(");

  public BaculaVersion {
    if (major < 1 || minor < 0 || patch < 0) {
      throw new BaculaException("not a Bacula version: " + major + "." + minor + "." + patch);
    }
  }

  /**
   * Reads a version such as {@code 13.0.3} or a Debian package version such as {@code 9.6.7-7} or
   * {@code 1:13.0.3+dfsg-1ubuntu2}.
   *
   * @throws BaculaException when {@code text} holds no such version
   */
  public static BaculaVersion parse(String text) {
    Matcher m = PACKAGE.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw new BaculaException(
          "\""
              + Check.printable(String.valueOf(text))
              + "\" is not a Bacula"
              + " version such as 9.6.7 or 13.0.3-1");
    }
    return of(m);
  }

  /**
   * Reads the version from what a daemon prints for {@code -?} (its usage text, on stderr).
   *
   * @throws BaculaException when the text has no {@code Version: X.Y.Z (date)} line, quoting it
   */
  public static BaculaVersion fromUsage(String usage) {
    Matcher m = USAGE.matcher(usage);
    if (!m.find()) {
      String start = usage.strip();
      throw new BaculaException(
          "no \"Version: X.Y.Z (date)\" line in the daemon's usage text: \""
              + Check.printable(start.length() > 200 ? start.substring(0, 200) + "..." : start)
              + "\"; is the binary a Bacula daemon?");
    }
    return of(m);
  }

  private static BaculaVersion of(Matcher m) {
    return new BaculaVersion(
        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
  }

  /** True from {@code other} on. */
  public boolean isAtLeast(BaculaVersion other) {
    return compareTo(other) >= 0;
  }

  /**
   * Whether a Messages resource may name {@code type} ({@code all}, {@code !skipped}: without the
   * {@code !}). {@code events} and {@code verified} exist from 11.0 on; 9.6 refuses the file
   * ("message type: events not found", lib/parse_conf.c {@code msg_types}).
   */
  public boolean acceptsMessageType(String type) {
    return !(type.equalsIgnoreCase("events") || type.equalsIgnoreCase("verified"))
        || isAtLeast(V11);
  }

  /**
   * Whether a Console's ACL entries are shell glob patterns, matched case-sensitively ({@code
   * fnmatch}, dird/ua_acl.c, from 11.0 on), rather than names compared ignoring case (9.6). The
   * renderer escapes {@code * ? [ \} for these, so that an entry keeps naming one resource.
   */
  public boolean matchesAclEntriesAsGlobs() {
    return isAtLeast(V11);
  }

  @Override
  public int compareTo(BaculaVersion o) {
    int c = Integer.compare(major, o.major);
    if (c == 0) {
      c = Integer.compare(minor, o.minor);
    }
    return c != 0 ? c : Integer.compare(patch, o.patch);
  }

  /** {@code 13.0.3}. */
  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
