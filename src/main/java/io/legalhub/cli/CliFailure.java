package io.legalhub.cli;

/** A failure the CLI reports in one line and turns into its exit code. */
final class CliFailure extends RuntimeException {

    static final int API_ERROR = 1;
    static final int USAGE = 2;
    static final int UNREACHABLE = 3;

    private final int exitCode;

    CliFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
