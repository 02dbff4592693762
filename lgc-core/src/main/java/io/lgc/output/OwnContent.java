package io.lgc.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Recognises a directory as an output lgc itself wrote (a reconstruction, a report, a sweep), so
 * that --force replaces only that and never a user's own files.
 */
@FunctionalInterface
public interface OwnContent {
    /**
     * What in {@code dir} lgc did not write, as words for the user ("holds .git", "has no
     * classes.txt"); empty when the whole directory is lgc's own output.
     */
    Optional<String> foreign(Path dir) throws IOException;
}
