package io.lgc.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lgc.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An archive with two members of one name is ambiguous: which x would NumPy load? Refused. */
class NpzDuplicateMembersTest {
    @TempDir
    Path dir;

    @Test
    void twoMembersOfOneNameAreRefused() throws Exception {
        byte[] labels = NpzFixtures.int64Array(0, 1);
        Path file = NpzFixtures.npz(dir.resolve("dup.npz"), "x", NpzFixtures.uint8Array("(2, 2, 2)", new byte[8]),
                "y", labels, "z", NpzFixtures.uint8Array("(2, 2, 2)", NpzFixtures.bytes(9, 9, 9, 9, 9, 9, 9, 9)));
        // ZipOutputStream refuses repeated names, so rename z.npy to x.npy in the bytes (local and central headers).
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.ISO_8859_1).replace("z.npy", "x.npy");
        Files.write(file, text.getBytes(StandardCharsets.ISO_8859_1));
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(Collections.list(zip.entries()).stream().filter(e -> e.getName().equals("x.npy"))).hasSize(2);
        }
        assertThatThrownBy(() -> DatasetResolver.system().loadWith(file.toString(), ReadOptions.DEFAULTS))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ": holds two members named 'x.npy'");
    }
}
