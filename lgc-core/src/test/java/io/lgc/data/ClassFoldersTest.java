package io.lgc.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Folder names for class names: safe everywhere, distinct, and computed from the names alone. */
class ClassFoldersTest {
    @Test
    void unsafeCharactersBecomeUnderscores() {
        assertThat(ClassFolders.folderNames(List.of("T-shirt/top", "a\\b:c*d?e\"f<g>h|i", "tab\there", "Ankle boot")))
                .containsExactly("T-shirt_top", "a_b_c_d_e_f_g_h_i", "tab_here", "Ankle boot");
    }

    @Test
    void noHiddenDotOrDotDotFolders() {
        assertThat(ClassFolders.folderNames(List.of(".", "..", ".hidden", "end.")))
                .containsExactly("_", "__", "_hidden", "end_");
    }

    @Test
    void windowsDeviceNamesAreAvoided() {
        assertThat(ClassFolders.folderNames(List.of("CON", "nul.txt", "console")))
                .containsExactly("CON_", "nul.txt_", "console");
    }

    @Test
    void collisionsGetNumbersIgnoringCase() {
        assertThat(ClassFolders.folderNames(List.of("a/b", "a_b", "A_B", "a_b_2")))
                .containsExactly("a_b", "a_b_2", "A_B_3", "a_b_2_2");
    }

    @Test
    void longNamesAreCutOnCharacterBoundariesAndStayDistinct() {
        String base = "é".repeat(150); // 300 bytes of UTF-8
        List<String> folders = ClassFolders.folderNames(List.of(base + "x", base + "y"));

        assertThat(folders.get(0).getBytes(StandardCharsets.UTF_8)).hasSize(ClassFolders.MAX_BYTES);
        assertThat(folders.get(0)).isEqualTo("é".repeat(100));
        assertThat(folders.get(1)).isEqualTo("é".repeat(100) + "_2");
    }
}
