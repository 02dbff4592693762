package io.lgc.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens a page in Debian's headless Chromium and reports what a reader would have met.
 *
 * <p>One run with {@code --dump-dom} and {@code --screenshot}: Chromium loads the page, waits for
 * its load event, then prints the DOM as it is then and saves a screenshot. The report's own
 * inline check (see ReportPage) has by then written onto {@code <body>} how many images there are,
 * how many loaded (complete with naturalWidth > 0) and how many errors the page saw (failed loads,
 * uncaught exceptions) — so the verdict comes from the browser's DOM, not from guessing at logs.
 * Console output is read from {@code --enable-logging=stderr}: Chromium logs every console message
 * (and every uncaught exception) there as a {@code CONSOLE} line, whatever its level, and the
 * report writes nothing to the console, so any such line counts as a problem.
 */
final class HeadlessChromium {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 120;
    private static final Pattern BODY = Pattern.compile("<body\\b[^>]*>");
    private static final Pattern CONSOLE = Pattern.compile(":CONSOLE[(:]");

    /** What the browser saw. */
    record PageCheck(int exitCode, String dom, List<String> consoleLines, String stderr) {
        /** A {@code data-…} attribute of {@code <body>} as the page's check script left it. */
        Optional<String> bodyData(String name) {
            Matcher body = BODY.matcher(dom);
            if (!body.find()) {
                return Optional.empty();
            }
            Matcher attr = Pattern.compile("\\bdata-" + name + "=\"([^\"]*)\"").matcher(body.group());
            return attr.find() ? Optional.of(attr.group(1)) : Optional.empty();
        }

        OptionalInt count(String name) {
            return bodyData(name).map(v -> OptionalInt.of(Integer.parseInt(v))).orElse(OptionalInt.empty());
        }

        /** Problems in words; empty when the page loaded cleanly with all its images. */
        List<String> problems() {
            List<String> out = new ArrayList<>();
            if (exitCode != 0) {
                out.add("chromium exited with " + exitCode + ": " + tail(stderr));
            }
            OptionalInt images = count("images");
            OptionalInt ok = count("images-ok");
            OptionalInt errors = count("page-errors");
            if (images.isEmpty() || ok.isEmpty() || errors.isEmpty()) {
                out.add("the page's load check did not run (no data-images / data-images-ok / data-page-errors on "
                        + "<body>)");
            } else {
                if (ok.getAsInt() != images.getAsInt()) {
                    out.add((images.getAsInt() - ok.getAsInt()) + " of " + images.getAsInt() + " images did not load");
                }
                if (errors.getAsInt() != 0) {
                    out.add(errors.getAsInt() + " errors on the page");
                }
            }
            consoleLines.forEach(line -> out.add("console: " + line));
            return out;
        }

        private static String tail(String text) {
            return text.length() <= 2000 ? text : text.substring(text.length() - 2000);
        }
    }

    private HeadlessChromium() {
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /**
     * Loads {@code page} in a fresh profile ({@code work} holds it and the captured output) and saves
     * a 1280×2000 screenshot to {@code screenshot}.
     */
    static PageCheck open(Path page, Path screenshot, Path work) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "chromium-profile-");
        Path out = work.resolve("chromium-" + System.nanoTime() + ".out");
        Path err = work.resolve("chromium-" + System.nanoTime() + ".err");
        List<String> command = List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
                "--hide-scrollbars", "--window-size=1280,2000", "--screenshot=" + screenshot.toAbsolutePath(),
                "--dump-dom", page.toAbsolutePath().toUri().toString());
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int exit;
        if (process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            exit = process.exitValue();
        } else {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            exit = -1;
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        List<String> console = stderr.lines().filter(l -> CONSOLE.matcher(l).find()).toList();
        return new PageCheck(exit, Files.readString(out, StandardCharsets.UTF_8), console,
                exit == -1 ? "timed out after " + TIMEOUT_SECONDS + " s\n" + stderr : stderr);
    }
}
