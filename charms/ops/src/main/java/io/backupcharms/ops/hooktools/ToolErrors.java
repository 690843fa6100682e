package io.backupcharms.ops.hooktools;

/** Maps a failed tool run to the typed exception a charm can catch. */
final class ToolErrors {
    private ToolErrors() {
    }

    static ModelError map(ProcessRunner.Output out) {
        String tool = out.argv().get(0);
        String stderr = out.stderr().strip();
        String detail = stderr.isEmpty() ? "(no output on stderr)" : stderr;
        String message = tool + " failed with exit code " + out.exitCode() + ": " + detail;
        if (detail.contains("relation not found")) {
            return new RelationNotFoundError(message, out.argv(), out.exitCode(), out.stderr());
        }
        if (tool.startsWith("secret-") && detail.contains("not found")) {
            return new SecretNotFoundError(message, out.argv(), out.exitCode(), out.stderr());
        }
        if (tool.startsWith("relation-")
                && (detail.contains("permission denied") || detail.contains("cannot write relation settings"))) {
            return new RelationDataAccessError(message, out.argv(), out.exitCode(), out.stderr());
        }
        return new ModelError(message, out.argv(), out.exitCode(), out.stderr(), null);
    }
}
