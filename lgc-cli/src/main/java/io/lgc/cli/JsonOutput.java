package io.lgc.cli;

import io.lgc.artifact.container.AtomicFiles;
import io.lgc.data.ResolvedDataset;
import io.lgc.output.OutputTarget;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * An optional {@code --json FILE} of a command that works first and reports after: checked against
 * the output rules before any work, written all at once when the work is done. Without a file, every
 * call does nothing.
 */
final class JsonOutput {
    private final Path file;
    private final OutputTarget target;

    private JsonOutput(Path file, OutputTarget target) {
        this.file = file;
        this.target = target;
    }

    /** Checks {@code file} (null: none) against the inputs the user named, before anything is read. */
    static JsonOutput of(Path file, boolean force, Object... inputs) {
        if (file == null) {
            return new JsonOutput(null, null);
        }
        OutputTarget target = OutputTarget.file(file, force);
        target.requireApartFrom(OutputOptions.paths(inputs));
        target.prepare();
        return new JsonOutput(file, target);
    }

    /** Checks the file against the files the datasets were read from. */
    void requireApartFrom(ResolvedDataset... sources) {
        if (target != null) {
            for (ResolvedDataset source : sources) {
                target.requireApartFrom(source.files());
            }
        }
    }

    void write(String json) {
        if (target != null) {
            target.requireReplaceable(); // again: the file may have appeared while the command worked
            target.writing(() -> {
                AtomicFiles.write(file, json.getBytes(StandardCharsets.UTF_8));
                return file;
            });
        }
    }
}
