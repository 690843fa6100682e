package io.backupcharms.bacula.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.bacula.BaculaException;
import org.junit.jupiter.api.Test;

class BaculaVersionTest {

  @Test
  void readsPlainAndDebianPackageVersions() {
    assertEquals(BaculaVersion.V9_6_7, BaculaVersion.parse("9.6.7"));
    assertEquals(BaculaVersion.V9_6_7, BaculaVersion.parse("9.6.7-7"));
    assertEquals(BaculaVersion.V13_0_3, BaculaVersion.parse("13.0.3-1ubuntu2"));
    assertEquals(new BaculaVersion(13, 0, 4), BaculaVersion.parse("1:13.0.4+dfsg-1build1\n"));
  }

  @Test
  void refusesTextWithoutAVersionQuotingIt() {
    BaculaException e = assertThrows(BaculaException.class, () -> BaculaVersion.parse("9.6"));
    assertEquals("\"9.6\" is not a Bacula version such as 9.6.7 or 13.0.3-1", e.getMessage());
    assertThrows(BaculaException.class, () -> BaculaVersion.parse("bacula-common"));
  }

  @Test
  void readsTheVersionLineOfEachDaemonsUsage() {
    // As bacula-fd 9.6.7 prints it on stderr for -? (lib/version.h PROG_COPYRIGHT, filed.c
    // usage()).
    String usage =
        "Copyright (C) 2000-2020 Kern Sibbald.\n\nVersion: 9.6.7 (10 December 2020)\n\n"
            + "Usage: bacula-fd [-f -s] [-c config_file] [-d debug_level]\n";
    assertEquals(BaculaVersion.V9_6_7, BaculaVersion.fromUsage(usage));
    assertEquals(
        BaculaVersion.V13_0_3,
        BaculaVersion.fromUsage(
            "Copyright (C) 2000-2023 Kern Sibbald.\n\n"
                + "Version: 13.0.3 (02 May 2023)\n\n"
                + "Usage: bacula-dir"));
    BaculaException e =
        assertThrows(BaculaException.class, () -> BaculaVersion.fromUsage("sh: not found\n"));
    assertTrue(e.getMessage().contains("\"sh: not found\""), e.getMessage());
  }

  @Test
  void ordersNumerically() {
    assertTrue(BaculaVersion.V13_0_3.isAtLeast(BaculaVersion.V9_6_7));
    assertFalse(BaculaVersion.V9_6_7.isAtLeast(new BaculaVersion(9, 10, 0)));
    assertEquals("13.0.3", BaculaVersion.V13_0_3.toString());
  }

  @Test
  void eventsAndVerifiedMessagesCameWithEleven() {
    assertFalse(BaculaVersion.V9_6_7.acceptsMessageType("events"));
    assertFalse(BaculaVersion.V9_6_7.acceptsMessageType("Verified"));
    assertTrue(BaculaVersion.V9_6_7.acceptsMessageType("skipped"));
    assertTrue(BaculaVersion.V13_0_3.acceptsMessageType("events"));
    assertTrue(BaculaVersion.V13_0_3.acceptsMessageType("verified"));
  }

  @Test
  void aclEntriesBecameGlobsWithEleven() {
    assertFalse(BaculaVersion.V9_6_7.matchesAclEntriesAsGlobs());
    assertTrue(BaculaVersion.V13_0_3.matchesAclEntriesAsGlobs());
  }
}
