package io.backupcharms.localjuju.tools;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Dispatches a hook tool call to its family and turns errors into Juju's stderr and exit code. */
public final class Tools {
  /** Every tool name localjuju answers; the tools directory links each to the client script. */
  public static final Set<String> NAMES =
      new TreeSet<>(
          List.of(
              "relation-ids",
              "relation-list",
              "relation-get",
              "relation-set",
              "config-get",
              "is-leader",
              "status-set",
              "status-get",
              "application-version-set",
              "juju-log",
              "action-get",
              "action-set",
              "action-fail",
              "action-log",
              "open-port",
              "close-port",
              "opened-ports",
              "network-get",
              "unit-get",
              "secret-add",
              "secret-get",
              "secret-set",
              "secret-grant",
              "secret-revoke",
              "secret-remove",
              "secret-ids",
              "secret-info-get",
              "state-get",
              "state-set",
              "state-delete"));

  private Tools() {}

  /** Runs {@code tool} with {@code args} (and {@code stdin}, possibly null) in {@code ctx}. */
  public static ToolResult call(HookContext ctx, String tool, List<String> args, String stdin) {
    try {
      synchronized (ctx.agent.state()) {
        return ToolResult.ok(dispatch(ctx, tool, args, stdin));
      }
    } catch (ToolError e) {
      return new ToolResult(e.exitCode(), "", "ERROR " + e.getMessage() + "\n");
    } catch (RuntimeException e) {
      return new ToolResult(1, "", "ERROR " + tool + ": internal error in localjuju: " + e + "\n");
    }
  }

  private static String dispatch(HookContext ctx, String tool, List<String> args, String stdin) {
    switch (tool) {
      case "relation-ids":
        return RelationTools.relationIds(ctx, args);
      case "relation-list":
        return RelationTools.relationList(ctx, args);
      case "relation-get":
        return RelationTools.relationGet(ctx, args);
      case "relation-set":
        return RelationTools.relationSet(ctx, args, stdin);
      case "config-get":
        return UnitTools.configGet(ctx, args);
      case "is-leader":
        return UnitTools.isLeader(ctx, args);
      case "status-set":
        return UnitTools.statusSet(ctx, args);
      case "status-get":
        return UnitTools.statusGet(ctx, args);
      case "application-version-set":
        return UnitTools.versionSet(ctx, args);
      case "juju-log":
        return UnitTools.jujuLog(ctx, args);
      case "action-get":
        return ActionTools.actionGet(ctx, args);
      case "action-set":
        return ActionTools.actionSet(ctx, args);
      case "action-fail":
        return ActionTools.actionFail(ctx, args);
      case "action-log":
        return ActionTools.actionLog(ctx, args);
      case "open-port":
        return NetworkTools.port(ctx, args, "open");
      case "close-port":
        return NetworkTools.port(ctx, args, "close");
      case "opened-ports":
        return NetworkTools.openedPorts(ctx, args);
      case "network-get":
        return NetworkTools.networkGet(ctx, args);
      case "unit-get":
        return NetworkTools.unitGet(ctx, args);
      case "state-get":
        return StateTools.stateGet(ctx, args);
      case "state-set":
        return StateTools.stateSet(ctx, args, stdin);
      case "state-delete":
        return StateTools.stateDelete(ctx, args);
      default:
        if (tool.startsWith("secret-") && NAMES.contains(tool)) {
          return SecretTools.call(ctx, tool, args, stdin);
        }
        throw ToolError.failed("unknown hook tool " + Output.goQuote(tool));
    }
  }

  /** Parses {@code k=v} arguments; Juju trims command-line values. */
  static Map<String, String> keyValues(List<String> args, Map<String, String> into) {
    for (String a : args) {
      int eq = a.indexOf('=');
      if (eq <= 0) {
        throw ToolError.usage("expected \"key=value\", got " + Output.goQuote(a));
      }
      into.put(a.substring(0, eq), a.substring(eq + 1).trim());
    }
    return into;
  }
}
