package io.lgc.artifact.container;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one {@code .lgc} file holds: a JSON header that this layer treats as opaque, and
 * uniquely named sections in file order.
 *
 * <p>{@code origin} is the display name of the file this was read from (null when built in
 * memory); it is used in lookup errors only and is not part of equality. The header is deep
 * copied in and out, since JsonObject is mutable.
 */
public record Container(JsonObject header, List<Section> sections, String origin) {

    public Container {
        Objects.requireNonNull(header, "header");
        header = header.deepCopy();
        CanonicalJson.toUtf8(header, "header"); // fail now, not halfway through a write
        sections = List.copyOf(sections);
        if (sections.size() > Format.MAX_SECTIONS) {
            throw new IllegalArgumentException(sections.size() + " sections; a container holds at most "
                    + Format.MAX_SECTIONS);
        }
        Set<String> seen = new HashSet<>();
        for (Section s : sections) {
            if (!seen.add(s.name())) {
                throw new IllegalArgumentException("two sections named '" + s.name() + "'");
            }
        }
    }

    public Container(JsonObject header, List<Section> sections) {
        this(header, sections, null);
    }

    @Override
    public JsonObject header() {
        return header.deepCopy();
    }

    /** The section called {@code name}; ContainerFormatException naming the file if absent. */
    public Section section(String name) {
        for (Section s : sections) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new ContainerFormatException(origin, "no section '" + name + "' (has " + sectionNames() + ")");
    }

    public boolean hasSection(String name) {
        return sections.stream().anyMatch(s -> s.name().equals(name));
    }

    public List<String> sectionNames() {
        List<String> names = new ArrayList<>(sections.size());
        sections.forEach(s -> names.add(s.name()));
        return names;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Container c && header.equals(c.header) && sections.equals(c.sections);
    }

    /**
     * Leaves header values out: Gson's JsonPrimitive treats 16 (Integer) and 16 as parsed from
     * text as equal but hashes them differently, so a header read back would break the contract.
     */
    @Override
    public int hashCode() {
        return Objects.hash(header.keySet(), sections);
    }

    @Override
    public String toString() {
        return "Container[header=" + header + ", sections=" + sections + "]";
    }
}
