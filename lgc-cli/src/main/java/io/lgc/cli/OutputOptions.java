package io.lgc.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The option every command that writes shares; the rules it switches are in {@link io.lgc.output.OutputTarget}. */
final class OutputOptions {
    @Option(names = {"--force", "--overwrite"},
            description = "Replace an existing output: a file, or a directory lgc itself wrote (never one holding "
                    + "anything else).")
    boolean force;

    /** The paths among the user's input arguments (dataset names such as fashion-mnist/train are not paths). */
    static List<Path> paths(Object... arguments) {
        List<Path> paths = new ArrayList<>();
        for (Object a : arguments) {
            if (a instanceof Path p) {
                paths.add(p);
            } else if (a instanceof String s && !s.isEmpty()) {
                try {
                    Path p = Path.of(s);
                    if (Files.exists(p)) {
                        paths.add(p);
                    }
                } catch (java.nio.file.InvalidPathException e) {
                    // not a path: a dataset name
                }
            }
        }
        return paths;
    }
}
