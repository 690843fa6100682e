package io.backupcharms.ops.hooktools;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;

/** Runs one hook tool as a process through Commons Exec and captures what it printed. */
final class ProcessRunner {
    /** Hook tools answer in milliseconds; a hung tool must not hang the hook forever. */
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final Map<String, String> env;
    private final Map<String, String> resolved = new ConcurrentHashMap<>();

    ProcessRunner(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** What a finished tool left behind. */
    record Output(List<String> argv, int exitCode, String stdout, String stderr) {
    }

    Output run(List<String> argv, byte[] stdin) {
        String executable = resolve(argv.get(0));
        List<String> exact = new ArrayList<>(argv);
        exact.set(0, executable);
        // Commons Exec's CommandLine trims every argument; it is kept only for logging, the
        // process itself is launched with the exact argv (see VerbatimExecutor).
        CommandLine command = new CommandLine(executable);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        DefaultExecutor executor = new VerbatimExecutor(exact);
        executor.setStreamHandler(new PumpStreamHandler(out, err,
                stdin == null ? null : new ByteArrayInputStream(stdin)));
        executor.setExitValues(null);
        ExecuteWatchdog watchdog = ExecuteWatchdog.builder().setTimeout(TIMEOUT).get();
        executor.setWatchdog(watchdog);
        int code;
        try {
            code = executor.execute(command, env);
        } catch (IOException e) {
            throw new ModelError("cannot run hook tool " + argv.get(0) + " (" + executable + "): "
                    + e.getMessage(), argv, -1, err.toString(StandardCharsets.UTF_8), e);
        }
        if (watchdog.killedProcess()) {
            throw new ModelError("hook tool " + argv.get(0) + " did not finish within " + TIMEOUT.toMinutes()
                    + " minutes and was killed", argv, code, err.toString(StandardCharsets.UTF_8), null);
        }
        return new Output(argv, code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * An executor that launches the exact argv: Commons Exec's {@code CommandLine} trims each
     * argument, which would silently change values such as {@code action-set key=" x "}. Streams,
     * exit handling and the watchdog stay Commons Exec's.
     */
    private static final class VerbatimExecutor extends DefaultExecutor {
        private final List<String> argv;

        // The no-argument constructor is deprecated in favour of a builder that cannot build subclasses.
        @SuppressWarnings("deprecation")
        VerbatimExecutor(List<String> argv) {
            this.argv = List.copyOf(argv);
        }

        @Override
        protected Process launch(CommandLine command, Map<String, String> env, File dir) throws IOException {
            ProcessBuilder builder = new ProcessBuilder(argv);
            if (env != null) {
                builder.environment().clear();
                builder.environment().putAll(env);
            }
            if (dir != null) {
                builder.directory(dir);
            }
            return builder.start();
        }
    }

    /**
     * Finds a tool on the PATH of the hook environment (not of this JVM, which may differ in tests
     * and in training mode).
     */
    private String resolve(String tool) {
        return resolved.computeIfAbsent(tool, name -> {
            String path = env.getOrDefault("PATH", "");
            for (String dir : path.split(":")) {
                if (dir.isEmpty()) {
                    continue;
                }
                File candidate = new File(dir, name);
                if (candidate.isFile() && candidate.canExecute()) {
                    return candidate.getPath();
                }
            }
            throw new ModelError("hook tool " + name + " not found on PATH (" + path + "); charm code"
                    + " must run inside a Juju hook, or under ops-testing in tests");
        });
    }
}
