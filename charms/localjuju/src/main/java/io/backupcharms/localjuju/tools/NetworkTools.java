package io.backupcharms.localjuju.tools;

import io.backupcharms.localjuju.charm.CharmMeta;
import io.backupcharms.localjuju.model.UnitState;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** open-port, close-port, opened-ports, network-get, unit-get. */
final class NetworkTools {
  private static final Pattern PORT = Pattern.compile("(\\d+)(?:-(\\d+))?(?:/(tcp|udp))?");

  private NetworkTools() {}

  /** The machine address of a unit. */
  static String address(HookContext ctx) {
    UnitState u = ctx.agent.state().unit(ctx.unit);
    return ctx.agent.state().machines.get(u.machine).address;
  }

  static String port(HookContext ctx, List<String> args, String op) {
    Flags f = Flags.spec().value("endpoints").parse(args);
    if (f.positional().isEmpty()) {
      throw ToolError.usage("no port or range specified");
    }
    f.atMost(1);
    String spec = normalize(f.positional().get(0));
    ctx.portOps.add(new String[] {op, spec});
    return "";
  }

  /** {@code 80} to {@code 80/tcp}; checks Juju's port syntax. */
  static String normalize(String spec) {
    String s = spec.toLowerCase(Locale.ROOT);
    if (s.equals("icmp")) {
      return s;
    }
    Matcher m = PORT.matcher(s);
    if (!m.matches()) {
      throw ToolError.usage("invalid port or range " + Output.goQuote(spec));
    }
    int from = Integer.parseInt(m.group(1));
    int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
    if (from < 1 || to > 65535 || to < from) {
      throw ToolError.usage("invalid port or range " + Output.goQuote(spec));
    }
    String proto = m.group(3) == null ? "tcp" : m.group(3);
    return (from == to ? Integer.toString(from) : from + "-" + to) + "/" + proto;
  }

  static String openedPorts(HookContext ctx, List<String> args) {
    Flags f = Flags.spec().value("format").bool("endpoints").parse(args);
    String fmt = f.format();
    f.atMost(0);
    TreeSet<String> ports = new TreeSet<>(ctx.agent.state().unit(ctx.unit).ports);
    for (String[] op : ctx.portOps) {
      if (op[0].equals("open")) {
        ports.add(op[1]);
      } else {
        ports.remove(op[1]);
      }
    }
    return Output.format(List.copyOf(ports), fmt);
  }

  static String networkGet(HookContext ctx, List<String> args) {
    Flags f =
        Flags.spec()
            .value("format")
            .value("r", "relation")
            .bool("ingress-address")
            .bool("bind-address")
            .bool("egress-subnets")
            .bool("primary-address")
            .parse(args);
    String fmt = f.format();
    if (f.positional().isEmpty()) {
      throw ToolError.usage("no arguments specified");
    }
    f.atMost(1);
    if (f.has("r")) {
      RelationTools.relation(ctx, f);
    }
    String binding = f.positional().get(0);
    CharmMeta meta = ctx.agent.meta(ctx.app);
    if (!meta.endpoints().containsKey(binding) && !meta.extraBindings().contains(binding)) {
      throw ToolError.failed("no network config found for binding " + Output.goQuote(binding));
    }
    String addr = address(ctx);
    String cidr = addr.substring(0, addr.lastIndexOf('.')) + ".0/24";
    if (f.isSet("ingress-address") || f.isSet("primary-address") || f.isSet("bind-address")) {
      return Output.format(addr, fmt);
    }
    if (f.isSet("egress-subnets")) {
      return Output.format(addr + "/32", fmt);
    }
    // Go structs: Juju prints these fields in this order.
    Ordered a = new Ordered().with("hostname", "").with("value", addr).with("cidr", cidr);
    Ordered iface =
        new Ordered()
            .with("mac-address", "")
            .with("interface-name", "lo")
            .with("addresses", List.of(a));
    Ordered out =
        new Ordered()
            .with("bind-addresses", List.of(iface))
            .with("egress-subnets", List.of(addr + "/32"))
            .with("ingress-addresses", List.of(addr));
    return Output.format(out, fmt);
  }

  static String unitGet(HookContext ctx, List<String> args) {
    Flags f = Flags.spec().value("format").parse(args);
    String fmt = f.format();
    if (f.positional().isEmpty()) {
      throw ToolError.usage("no setting specified");
    }
    f.atMost(1);
    String k = f.positional().get(0);
    if (!k.equals("private-address") && !k.equals("public-address")) {
      throw ToolError.usage("unknown setting " + Output.goQuote(k));
    }
    return Output.format(address(ctx), fmt);
  }
}
