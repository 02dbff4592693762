package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Errors no command expects (out of memory, a failed class initialisation) still end in one line, exit 1. */
class UnexpectedErrorsTest {
    @Command(name = "fake")
    static final class Throwing implements Callable<Integer> {
        final Supplier<Error> error;

        @Option(names = "--verbose")
        boolean verbose;

        Throwing(Supplier<Error> error) {
            this.error = error;
        }

        @Override
        public Integer call() {
            throw error.get();
        }
    }

    private record Outcome(int exitCode, String err) {}

    private static Outcome run(Supplier<Error> error, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code = Main.run(new CommandLine(new Throwing(error)), args, stream);
        return new Outcome(code, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void outOfMemoryInACommandIsOneLineSayingWhatRanOutAndWhatToDo() {
        Outcome run = run(() -> new OutOfMemoryError("Java heap space"));
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err().strip().split("\n")).hasSize(1);
        assertThat(run.err()).startsWith("lgc: out of memory (Java heap space")
                .contains("LGC_JAVA_OPTS=-Xmx").doesNotContain("\tat ");
    }

    @Test
    void verboseAddsTheStackTrace() {
        Outcome run = run(() -> new OutOfMemoryError("Java heap space"), "--verbose");
        assertThat(run.err()).startsWith("lgc: out of memory").contains("\tat ");
    }

    @Test
    void failedStaticInitialisationIsOneLineNamingTheCause() {
        Outcome run = run(() -> new ExceptionInInitializerError(new IllegalStateException("no engine")));
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err().strip().split("\n")).hasSize(1);
        assertThat(run.err()).isEqualTo("lgc: internal error: IllegalStateException: no engine"
                + " (run with --verbose for details)\n");
    }

    @Test
    void reportMapsOutOfMemoryToExitOne() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.report(new OutOfMemoryError("Requested array size exceeds VM limit"),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        assertThat(code).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("lgc: out of memory (Requested array size exceeds VM limit, Java may use ");
    }
}
