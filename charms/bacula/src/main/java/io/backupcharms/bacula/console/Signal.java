package io.backupcharms.bacula.console;

/** Bacula's signal codes: a negative frame length with no payload (lib/bsock.h). */
enum Signal {
  EOD(-1),
  EOD_POLL(-2),
  STATUS(-3),
  TERMINATE(-4),
  POLL(-5),
  HEARTBEAT(-6),
  HB_RESPONSE(-7),
  BTIME(-9),
  BREAK(-10),
  START_SELECT(-11),
  END_SELECT(-12),
  INVALID_CMD(-13),
  CMD_FAILED(-14),
  CMD_OK(-15),
  CMD_BEGIN(-16),
  MSGS_PENDING(-17),
  MAIN_PROMPT(-18),
  SELECT_INPUT(-19),
  WARNING_MSG(-20),
  ERROR_MSG(-21),
  INFO_MSG(-22),
  RUN_CMD(-23),
  YESNO(-24),
  START_RTREE(-25),
  END_RTREE(-26),
  SUB_PROMPT(-27),
  TEXT_INPUT(-28),
  EXT_TERMINATE(-29);

  private final int code;

  Signal(int code) {
    this.code = code;
  }

  int code() {
    return code;
  }

  /** The signal for a code, or null for one this client does not know. */
  static Signal of(int code) {
    for (Signal s : values()) {
      if (s.code == code) {
        return s;
      }
    }
    return null;
  }
}
