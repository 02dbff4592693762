package io.lgc.cli;

import io.lgc.InputException;
import io.lgc.data.DatasetOutput;
import io.lgc.data.OutputFormat;
import io.lgc.output.OutputTarget;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code -o} names for a command that writes a dataset (reconstruct, baseline): one {@code .npz} or
 * {@code .csv} file, or a directory whose name must not look like some other kind of file. Shared so that both
 * commands read the same name the same way.
 */
final class DatasetOutputName {
    /** Names that look like one file of a format lgc writes as a directory (or not at all). */
    private static final List<String> FILE_LIKE = List.of(".png", ".jpg", ".jpeg", ".gz", ".npy", ".zip", ".idx",
            ".ubyte", ".lgc");

    private final Path output;
    private final Optional<OutputFormat> oneFile;
    private final Optional<OutputFormat> asked;

    private DatasetOutputName(Path output, Optional<OutputFormat> oneFile, Optional<OutputFormat> asked) {
        this.output = output;
        this.oneFile = oneFile;
        this.asked = asked;
    }

    /**
     * Reads {@code output}'s name against the {@code --format} asked for ({@code format}, null when none was
     * given); refuses an unknown format and the two disagreeing.
     */
    static DatasetOutputName of(Path output, String format) {
        Optional<OutputFormat> asked = Optional.ofNullable(format).map(OutputFormat::parse);
        Optional<OutputFormat> named = OutputFormat.ofFileName(output);
        if (named.isPresent() && asked.isPresent() && asked.get() != named.get()) {
            throw new InputException(output + ": a name ending in ." + named.get().id() + " is written as one "
                    + named.get().id() + " file, but --format is " + asked.get().id() + "; drop --format, or name a "
                    + "directory for " + asked.get().id() + " output");
        }
        return new DatasetOutputName(output, named, asked);
    }

    /** Whether the name makes the output one file (npz, csv) rather than a directory. */
    boolean isOneFile() {
        return oneFile.isPresent();
    }

    /** The format to write: the name's, else the one asked for, else {@code fallback}. */
    OutputFormat format(OutputFormat fallback) {
        return oneFile.or(() -> asked).orElse(fallback);
    }

    /**
     * The target under the usual rules, kept apart from the command's {@code inputs} and, for a directory, with a
     * name that does not look like a file; not yet prepared.
     */
    OutputTarget target(boolean force, List<Path> inputs, String command) {
        OutputTarget target = oneFile.isPresent() ? OutputTarget.file(output, force)
                : DatasetOutput.target(output, force);
        target.requireApartFrom(inputs); // "is the input" says more than "looks like a file"
        if (oneFile.isEmpty()) {
            requireDirectoryName(command);
        }
        return target;
    }

    private void requireDirectoryName(String command) {
        String name = output.getFileName() == null ? "" : output.getFileName().toString().toLowerCase(Locale.ROOT);
        if (FILE_LIKE.stream().anyMatch(name::endsWith)) {
            throw new InputException(output + ": looks like a file, but " + command + " writes "
                    + asked.map(OutputFormat::id).orElse("this") + " output as a directory; name a "
                    + "directory, or a file ending in .npz (or .csv for a table) for one file");
        }
    }
}
