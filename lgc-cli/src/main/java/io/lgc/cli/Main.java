package io.lgc.cli;

import io.lgc.InputException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Entry point: runs one subcommand and turns failures into one line on stderr and an exit code. */
public final class Main {
    private Main() {
    }

    /** Printed when even building the message fails: no allocation but the print itself. */
    private static final String OUT_OF_MEMORY_FALLBACK = "lgc: out of memory; give Java more"
            + " (LGC_JAVA_OPTS=-Xmx8g) or use a smaller input";

    public static void main(String[] args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        // A failure in another thread (a library's worker) would otherwise print a JVM stack trace.
        Thread.setDefaultUncaughtExceptionHandler((thread, ex) -> {
            report(ex, System.err, verbose);
            Runtime.getRuntime().halt(ExitCodes.FAILURE);
        });
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line without exiting, writing to the given streams (for tests). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            return run(commandLine(out, err), args, err);
        } catch (Throwable t) { // building the command line ran static initialisers
            return report(t, err, Arrays.asList(args).contains("--verbose"));
        }
    }

    /**
     * Runs a command line; errors escape picocli's execution handler (it catches exceptions only), so
     * an OutOfMemoryError or a failed class initialisation is reported here, in the same one line.
     */
    static int run(CommandLine cli, String[] args, PrintStream err) {
        try {
            return cli.execute(args);
        } catch (Throwable t) {
            return report(t, err, Arrays.asList(args).contains("--verbose"));
        }
    }

    static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new LgcCommand(out, err));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((ex, cmd, parse) -> report(ex, err, verbose(parse)));
        cli.setParameterExceptionHandler((ex, args) -> {
            err.println("lgc: " + ex.getMessage().replace('\n', ' ') + " (see '"
                    + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return ExitCodes.BAD_INPUT;
        });
        return cli;
    }

    private static boolean verbose(ParseResult parse) {
        for (ParseResult p = parse; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    static int report(Throwable ex, PrintStream err, boolean verbose) {
        Throwable cause = unwrap(ex);
        try {
            err.println("lgc: " + message(cause));
            if (verbose) {
                ex.printStackTrace(err);
            }
        } catch (OutOfMemoryError e) {
            err.println(OUT_OF_MEMORY_FALLBACK);
        }
        return isBadInput(cause) ? ExitCodes.BAD_INPUT : ExitCodes.FAILURE;
    }

    /** The exception that says what went wrong, without the wrappers around it. */
    private static Throwable unwrap(Throwable ex) {
        Throwable t = ex;
        while ((t instanceof UncheckedIOException || t instanceof ExceptionInInitializerError
                || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String outOfMemory(OutOfMemoryError e) {
        String what = e.getMessage() == null ? "Java heap space" : e.getMessage();
        long maxMb = Runtime.getRuntime().maxMemory() >> 20;
        if (what.contains("native thread")) {
            return "out of memory: cannot start another thread (" + what + "); run fewer programs at once";
        }
        return "out of memory (" + what + ", Java may use " + maxMb + " MB): the input or the options ask for more"
                + " than that; use a smaller input, image size or batch, or give Java more (LGC_JAVA_OPTS=-Xmx"
                + Math.max(2, 2 * ((maxMb + 1023) >> 10)) + "g)";
    }

    private static boolean isBadInput(Throwable t) {
        return t instanceof InputException || t instanceof NoSuchFileException
                || t instanceof AccessDeniedException;
    }

    private static String message(Throwable t) {
        String given = ParameterFlags.message(t);
        String text = given == null ? "" : given.replace('\n', ' ');
        if (t instanceof NoSuchFileException e) {
            return e.getFile() + ": no such file or directory";
        }
        if (t instanceof AccessDeniedException e) {
            return e.getFile() + ": permission denied";
        }
        if (t instanceof FileSystemException e) {
            return e.getFile() + ": " + (e.getReason() == null ? t.getClass().getSimpleName() : e.getReason());
        }
        if (t instanceof InputException) {
            return text;
        }
        if (t instanceof OutOfMemoryError e) {
            return outOfMemory(e);
        }
        if (t instanceof UnsatisfiedLinkError) {
            return "cannot load a native library (" + text + "); is this the platform LGC was built for?"
                    + " (run with --verbose for details)";
        }
        if (t instanceof IOException) {
            return "I/O error: " + text;
        }
        return "internal error: " + t.getClass().getSimpleName() + (text.isEmpty() ? "" : ": " + text)
                + " (run with --verbose for details)";
    }
}
