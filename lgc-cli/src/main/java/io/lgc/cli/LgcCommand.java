package io.lgc.cli;

import io.lgc.pipeline.Compressor;
import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** The root command: dispatches to subcommands. */
@Command(name = "lgc", mixinStandardHelpOptions = true, versionProvider = LgcCommand.Version.class,
        description = "Latent Gaussian Compression: replace a labelled dataset by one small file "
                + "(a decoder plus one Gaussian mixture per class) that anyone can sample a training set from.",
        subcommands = {CompressCommand.class, ReconstructCommand.class, EvaluateCommand.class, BaselineCommand.class,
                InspectCommand.class, DemoCommand.class, ReportCommand.class, SweepCommand.class, AuditCommand.class,
                CommandLine.HelpCommand.class})
public final class LgcCommand implements Runnable {
    final PrintStream out;
    final PrintStream err;

    @Spec
    CommandLine.Model.CommandSpec spec;

    LgcCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"lgc " + Compressor.TOOL_VERSION};
        }
    }
}
