package io.lgc.cli;

import io.lgc.Progress;
import java.io.PrintStream;
import picocli.CommandLine.Option;

/** Options every subcommand takes. */
public final class CommonOptions {
    @Option(names = "--verbose", description = "Show stack traces on errors.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines on stderr.")
    boolean quiet;

    Progress progress(PrintStream err) {
        return quiet ? Progress.silent() : Progress.terminal(err);
    }
}
