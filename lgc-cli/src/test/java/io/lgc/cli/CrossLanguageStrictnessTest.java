package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.lgc.artifact.StrictnessCases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On every point where two readers written from docs/FORMAT.md could disagree (its "Strictness
 * rules"), {@code lgc inspect --verify} and {@code tools/lgc_read.py --verify} give the verdict the
 * rule prescribes. Skipped where /usr/bin/python3 lacks numpy or torch.
 */
class CrossLanguageStrictnessTest {
    private static final String PYTHON = "/usr/bin/python3";
    /** Runs lgc_read's command line on each file in one process (numpy and torch load once). */
    private static final String VERIFY_EACH = String.join("\n",
            "import contextlib, io, json, sys",
            "sys.path.insert(0, '../tools')", // the module directory is one below the root
            "import lgc_read",
            "for f in sys.argv[1:]:",
            "    out = io.StringIO()",
            "    try:",
            "        with contextlib.redirect_stdout(out):",
            "            code = lgc_read.main([f, '--verify'])",
            "    except Exception as e:",
            "        code, out = 1, io.StringIO('crashed: %r' % e)",
            "    print(json.dumps({'file': f, 'code': code, 'output': out.getvalue().strip()}))");

    @TempDir
    Path dir;

    @Test
    void javaAndPythonGiveTheVerdictEachRulePrescribes() throws Exception {
        assumeTrue(pythonHasNumpyAndTorch(), PYTHON + " with numpy and torch is not installed");
        List<StrictnessCases> cases = StrictnessCases.all();
        List<String> command = new ArrayList<>(List.of(PYTHON, "-c", VERIFY_EACH));
        Map<String, StrictnessCases> byFile = new HashMap<>();
        for (int i = 0; i < cases.size(); i++) {
            Path file = dir.resolve("case-" + i + ".lgc");
            Files.write(file, cases.get(i).file());
            byFile.put(file.toString(), cases.get(i));
            command.add(file.toString());
        }
        Map<String, JsonObject> python = runPython(command);

        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, StrictnessCases> e : byFile.entrySet()) {
            StrictnessCases c = e.getValue();
            String expected = c.accepted() ? "OK" : "FAILED";
            CliRun java = CliRun.of("inspect", e.getKey(), "--verify");
            if (java.exitCode() != (c.accepted() ? 0 : 2)) {
                wrong.add(c + ": Java expected " + expected + ", exit " + java.exitCode() + " " + java.out().strip()
                        + java.err().strip());
            }
            JsonObject py = python.get(e.getKey());
            String pyOutput = py.get("output").getAsString();
            if (py.get("code").getAsInt() != (c.accepted() ? 0 : 2)
                    || !pyOutput.startsWith(e.getKey() + ": " + expected)) {
                wrong.add(c + ": Python expected " + expected + ", exit " + py.get("code") + " " + pyOutput);
            }
        }
        assertThat(wrong).as("verdicts that differ from the rule").isEmpty();
    }

    private static Map<String, JsonObject> runPython(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("python finished").isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        Map<String, JsonObject> verdicts = new HashMap<>();
        output.lines().filter(line -> line.startsWith("{")).forEach(line -> {
            JsonObject o = JsonParser.parseString(line).getAsJsonObject();
            verdicts.put(o.get("file").getAsString(), o);
        });
        assertThat(verdicts).as(output).hasSize(command.size() - 3);
        return verdicts;
    }

    private static boolean pythonHasNumpyAndTorch() {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import numpy, torch").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
