package io.lgc.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.lgc.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Failures while writing are reported against the path the user gave, never a temporary. */
class OutputTargetTest {
    private final OutputTarget target = OutputTarget.file(Path.of("out/model.lgc"), false);

    @Test
    void diskFullNamesTheUsersPathInOneLine() {
        IOException deep = new IOException("No space left on device");
        RuntimeException wrapped = new UncheckedIOException(new IOException(
                "cannot write out/.model.lgc.00c0ffee00c0ffee.tmp: " + deep, deep));

        RuntimeException reported = target.failure(wrapped);

        assertThat(reported).isInstanceOf(InputException.class);
        assertThat(reported.getMessage()).startsWith("out/model.lgc: no space left on the device")
                .doesNotContain(".tmp").doesNotContain("\n");
    }

    @Test
    void diskFullInAFileSystemExceptionToo() {
        RuntimeException reported = target.failure(new FileSystemException("out/.model.lgc.1.tmp", null,
                "No space left on device"));
        assertThat(reported).isInstanceOf(InputException.class);
        assertThat(reported.getMessage()).startsWith("out/model.lgc: no space left").doesNotContain(".tmp");
    }

    @Test
    void permissionDeniedNamesTheUsersPath() {
        RuntimeException reported = target.failure(new AccessDeniedException("out/.model.lgc.1.tmp"));
        assertThat(reported).isInstanceOf(InputException.class).hasMessage("out/model.lgc: permission denied");
    }

    @Test
    void aFileThatCouldNotBeCreatedIsReportedWithoutTheTemporarysName() {
        RuntimeException reported = target.failure(new java.io.FileNotFoundException(
                "out/.model.lgc.00c0ffee00c0ffee.tmp/Ankle boot/1.png (Too many open files)"));
        FileSystemException cause = (FileSystemException) reported.getCause();
        assertThat(cause.getFile()).isEqualTo("out/model.lgc");
        assertThat(cause.getReason()).isEqualTo("cannot write: Too many open files");
    }

    @Test
    void otherFailuresStayIoFailuresNamingTheUsersPath() {
        RuntimeException reported = target.failure(new FileSystemException("out/.model.lgc.1.tmp", null,
                "Input/output error"));
        assertThat(reported).isInstanceOf(UncheckedIOException.class);
        FileSystemException cause = (FileSystemException) reported.getCause();
        assertThat(cause.getFile()).isEqualTo("out/model.lgc");
        assertThat(cause.getReason()).isEqualTo("cannot write: Input/output error");
    }
}
