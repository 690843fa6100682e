package io.backupcharms.localjuju.model;

/** A machine: a namespace holder process and its loopback address. */
public final class MachineState {
  public String id;
  public String address;

  /**
   * The machine's base, e.g. {@code ubuntu@22.04}: a label, since every machine runs the host's OS.
   */
  public String base = "";

  /** Host PID of the machine's PID 1 (the reaper inside its namespaces); 0 when not running. */
  public long holderPid;

  /** Host PID of the unshare process that started it. */
  public long unsharePid;
}
