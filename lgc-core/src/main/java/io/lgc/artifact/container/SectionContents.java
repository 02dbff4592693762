package io.lgc.artifact.container;

import java.util.HashSet;
import java.util.Set;

/** Checks that a section holds exactly the tensors the header implies, naming the first surplus or gap. */
public final class SectionContents {
    private SectionContents() {
    }

    /** @param source what implies the names, for the message ("the header's 10 classes") */
    public static void requireExactly(Section section, Set<String> expected, String source, String file) {
        Set<String> present = new HashSet<>(section.tensorNames());
        for (String name : section.tensorNames()) { // file order, so the first surplus is reported
            if (!expected.contains(name)) {
                throw new ContainerFormatException(file, "section '" + section.name() + "': tensor '" + name
                        + "' is not part of " + source);
            }
        }
        for (String name : expected) {
            if (!present.contains(name)) {
                throw new ContainerFormatException(file, "section '" + section.name() + "': no tensor '" + name
                        + "', which " + source + " needs");
            }
        }
    }
}
