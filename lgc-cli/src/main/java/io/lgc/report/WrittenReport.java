package io.lgc.report;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link ReportWriter#write} put in place.
 *
 * @param index the page
 * @param pictures the PNG files it references, beside it
 * @param sections the ids of the page's sections, in order ("overview", "samples", "latent",
 *     "bic", "evaluation", "sweep", "size"; optional ones only when their input was given)
 */
public record WrittenReport(Path index, List<Path> pictures, List<String> sections) {
    public WrittenReport {
        pictures = List.copyOf(pictures);
        sections = List.copyOf(sections);
    }
}
