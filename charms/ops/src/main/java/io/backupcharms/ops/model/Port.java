package io.backupcharms.ops.model;

/**
 * An opened port or port range: {@code 80/tcp}, {@code 8000-8999/udp} or {@code icmp}.
 *
 * @param protocol {@code tcp}, {@code udp} or {@code icmp}
 * @param from the first port (0 for icmp)
 * @param to the last port, equal to {@code from} for a single port
 */
public record Port(String protocol, int from, int to) {
  public Port {
    if (!protocol.equals("tcp") && !protocol.equals("udp") && !protocol.equals("icmp")) {
      throw new IllegalArgumentException(
          "port protocol \"" + protocol + "\" is not tcp, udp or icmp");
    }
    if (!protocol.equals("icmp") && (from < 1 || to > 65535 || from > to)) {
      throw new IllegalArgumentException(
          "port range " + from + "-" + to + " is not within 1-65535");
    }
  }

  public static Port tcp(int port) {
    return new Port("tcp", port, port);
  }

  public static Port udp(int port) {
    return new Port("udp", port, port);
  }

  public static Port icmp() {
    return new Port("icmp", 0, 0);
  }

  /** Parses what {@code opened-ports} prints. */
  public static Port parse(String spec) {
    if (spec.equals("icmp")) {
      return icmp();
    }
    int slash = spec.indexOf('/');
    String range = slash < 0 ? spec : spec.substring(0, slash);
    String protocol = slash < 0 ? "tcp" : spec.substring(slash + 1);
    int dash = range.indexOf('-');
    try {
      int from = Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
      int to = dash < 0 ? from : Integer.parseInt(range.substring(dash + 1));
      return new Port(protocol, from, to);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "cannot parse port \"" + spec + "\"; expected 80/tcp, 8000-8999/udp or icmp", e);
    }
  }

  /** The form the port tools take. */
  public String spec() {
    if (protocol.equals("icmp")) {
      return "icmp";
    }
    return (from == to ? Integer.toString(from) : from + "-" + to) + "/" + protocol;
  }

  @Override
  public String toString() {
    return spec();
  }
}
