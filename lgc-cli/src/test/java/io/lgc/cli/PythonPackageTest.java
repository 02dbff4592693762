package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Python package's own tests (python/tests, pytest), run by the same command as every other
 * test. Skipped where /usr/bin/python3 lacks pytest, numpy or torch (CI installs them).
 */
class PythonPackageTest {
    private static final Path PACKAGE = Path.of("..", "python"); // the module directory is one below the root

    @Test
    void pytestPasses() throws Exception {
        assumeTrue(runs("import pytest, numpy, torch"), "python3 with pytest, numpy and torch");
        Process p = new ProcessBuilder("/usr/bin/python3", "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests")
                .directory(PACKAGE.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("passed").doesNotContain("failed");
    }

    private static boolean runs(String code) throws Exception {
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", code).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
