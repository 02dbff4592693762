package io.lgc.spark.cli;

import io.lgc.InputException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The spark-submit entry point: {@code lgc-spark compress|reconstruct ...}. Failures are one line on
 * stderr; bad input (a missing path, a wrong column, an unreadable image) exits 2, anything else 1.
 */
@Command(name = "lgc-spark", mixinStandardHelpOptions = true, version = "lgc-spark 0.1.0",
        description = "Compress a labelled table into an .lgc file and reconstruct it, on Apache Spark.",
        subcommands = {CompressCommand.class, ReconstructCommand.class})
public final class SparkMain implements Runnable {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command line without exiting (for tests). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        CommandLine cli = new CommandLine(new SparkMain());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((ex, cmd, parse) -> report(ex, err, verbose));
        cli.setParameterExceptionHandler((ex, given) -> {
            err.println("lgc-spark: " + ex.getMessage().replace('\n', ' ') + " (see '"
                    + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return BAD_INPUT;
        });
        try {
            return cli.execute(args);
        } catch (Throwable t) {
            return report(t, err, verbose);
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "give a subcommand: compress or reconstruct");
    }

    static int report(Throwable ex, PrintStream err, boolean verbose) {
        Throwable bad = badInput(ex);
        Throwable shown = bad != null ? bad : ex;
        String text = shown.getMessage() == null ? shown.getClass().getSimpleName() : SparkFlags.message(shown);
        if (shown instanceof NoSuchFileException missing) {
            text = missing.getFile() + ": no such file or directory";
        }
        err.println("lgc-spark: " + text.replace('\n', ' '));
        if (verbose) {
            ex.printStackTrace(err);
        }
        return bad != null ? BAD_INPUT : FAILURE;
    }

    /**
     * The user's mistake behind a failure, if any: Spark wraps an executor's exception in its own,
     * so the whole chain of causes is searched.
     */
    private static Throwable badInput(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InputException || t instanceof NoSuchFileException) {
                return t;
            }
        }
        return null;
    }
}
