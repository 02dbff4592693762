package io.lgc.cli;

import io.lgc.InputException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Entry point: runs one subcommand and turns failures into one line on stderr and an exit code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line without exiting, writing to the given streams (for tests). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return commandLine(out, err).execute(args);
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
        Throwable cause = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        err.println("lgc: " + message(cause));
        if (verbose) {
            ex.printStackTrace(err);
        }
        return isBadInput(cause) ? ExitCodes.BAD_INPUT : ExitCodes.FAILURE;
    }

    private static boolean isBadInput(Throwable t) {
        return t instanceof InputException || t instanceof NoSuchFileException
                || t instanceof AccessDeniedException;
    }

    private static String message(Throwable t) {
        String text = t.getMessage() == null ? "" : t.getMessage().replace('\n', ' ');
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
        if (t instanceof IOException) {
            return "I/O error: " + text;
        }
        return "internal error: " + t.getClass().getSimpleName() + (text.isEmpty() ? "" : ": " + text)
                + " (run with --verbose for details)";
    }
}
