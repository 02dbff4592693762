package io.lgc.artifact;

import io.lgc.artifact.container.ContainerFormatException;
import io.lgc.artifact.container.ContainerFormatException;

/**
 * An {@code .lgc} file that cannot be trusted: its container is damaged, truncated, forged or written by
 * a newer format version, or what it holds is not a valid artifact (missing section, inconsistent
 * mixtures, a decoder no reader would run). The message is one line that starts with the file's
 * display name (when known) and says what is wrong and where. {@link ArtifactFile} reports every
 * problem of a file it reads as this exception.
 */
public class ArtifactFormatException extends ContainerFormatException {
    /**
     * @param file the file's display name, or null for an in-memory artifact
     * @param problem what is wrong and where
     */
    public ArtifactFormatException(String file, String problem) {
        this(file, problem, null);
    }

    /**
     * @param file the file's display name, or null for an in-memory artifact
     * @param problem what is wrong and where
     * @param cause what found it, or null
     */
    public ArtifactFormatException(String file, String problem, Throwable cause) {
        super(file, problem, cause);
    }

    /** The same problem, found by the container layer, reported as the artifact's. */
    static ArtifactFormatException of(ContainerFormatException e) {
        return e instanceof ArtifactFormatException same ? same : new ArtifactFormatException(e.file(), e.problem(), e);
    }
}
