package org.shuzhi.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shuzhi.pipeline.harness.SyntheticCorpus;
import org.shuzhi.pipeline.dict.Dictionaries;

/**
 * Re-runs of {@code analyze} redo only what changed (issue 8): an unchanged input is neither analysed nor published
 * again; a changed file is analysed again and the reports whose comparison depends on it are published again; and
 * the outputs of the incremental runs are the same as those of a full run on the same input.
 */
class IncrementalRunTest {
    private static final int REPORTS = 30;

    @TempDir
    static Path tmp;

    static Path root() {
        return Path.of(System.getProperty("shuzhi.root", ".."));
    }

    @BeforeAll
    static void corpus() {
        SyntheticCorpus.fromSamples(root().resolve("corpus-samples"),
                Dictionaries.load(root().resolve("dictionaries")), 11).write(tmp.resolve("in"), REPORTS);
    }

    static int analyze(Path in, Path out) {
        return ShuzhiCommand.commandLine().execute("analyze", in.toString(), "--out", out.toString(),
                "--dictionaries", root().resolve("dictionaries").toString(), "--no-progress", "--threads", "2");
    }

    /** @return file name → modification time of every file of {@code <out>/<sub>} */
    static Map<String, FileTime> times(Path dir) throws IOException {
        Map<String, FileTime> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                m.put(p.getFileName().toString(), Files.getLastModifiedTime(p));
            }
        }
        return m;
    }

    @Test
    void unchangedInputIsNotRedoneAndAChangeRedoesItsDependentsOnly() throws Exception {
        Path in = tmp.resolve("in");
        Path out = tmp.resolve("out");
        assertEquals(0, analyze(in, out));
        Map<String, FileTime> json1 = times(out.resolve("json"));
        Map<String, FileTime> html1 = times(out.resolve("html"));
        assertEquals(REPORTS, json1.size());

        Thread.sleep(20); // file times must be able to differ
        assertEquals(0, analyze(in, out));
        assertEquals(json1, times(out.resolve("json")), "no JSON rewritten when nothing changed");
        assertEquals(html1, times(out.resolve("html")), "no page rewritten when nothing changed");

        // unit 2's 2024 report takes over a paragraph of its 2025 report: the 2025 report now repeats last year
        Path y2024 = in.resolve("syn-000002-2024.txt");
        List<String> y2025 = Files.readAllLines(in.resolve("syn-000002-2025.txt"), StandardCharsets.UTF_8);
        String taken = y2025.stream().filter(l -> l.length() > 60).skip(2).findFirst().orElseThrow();
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(y2024, StandardCharsets.UTF_8));
        lines.add(4, taken);
        Files.write(y2024, lines, StandardCharsets.UTF_8);
        Thread.sleep(20);
        assertEquals(0, analyze(in, out));
        Map<String, FileTime> json3 = times(out.resolve("json"));
        assertNotEquals(json1.get("syn-000002-2024.txt.json"), json3.get("syn-000002-2024.txt.json"),
                "the changed file is analysed again");
        assertNotEquals(json1.get("syn-000002-2025.txt.json"), json3.get("syn-000002-2025.txt.json"),
                "the report whose comparison depends on it is published again");
        int redone = 0;
        for (String f : json3.keySet()) {
            if (!json3.get(f).equals(json1.get(f))) {
                redone++;
                assertTrue(f.equals("syn-000002-2024.txt.json") || Files.readString(out.resolve("json").resolve(f))
                        .contains("\"syn-000002-2024.txt\""), f + " was redone but does not depend on the change");
            }
        }
        assertTrue(redone <= REPORTS / 3, redone + " of " + REPORTS + " reports redone for one changed file");
        assertTrue(Files.readString(out.resolve("json/syn-000002-2025.txt.json")).contains("syn-000002-2024.txt"),
                "the 2025 report names the 2024 report it repeats");

        // the incremental outputs equal a full run's on the same input
        Path full = tmp.resolve("full");
        assertEquals(0, analyze(in, full));
        for (String f : List.of("summary.csv", "quality-summary.csv", "yoy/index.html",
                "yoy/" + org.shuzhi.app.render.ComparisonView.unitFile("合成单位000002党支部"))) {
            assertEquals(Files.readString(full.resolve(f)), Files.readString(out.resolve(f)), f);
        }
        for (String f : json3.keySet()) {
            assertEquals(Files.readString(full.resolve("json").resolve(f)), Files.readString(out.resolve("json")
                    .resolve(f)), f);
        }
    }

    @Test
    void anUnchangedTemplateIsNotAnalysedAgainAndAChangedOneIs() throws Exception {
        Path in = tmp.resolve("in-templates");
        Files.createDirectories(in);
        try (Stream<Path> s = Files.list(tmp.resolve("in"))) {
            for (Path p : s.toList()) {
                Files.copy(p, in.resolve(p.getFileName()));
            }
        }
        // a template made of two paragraphs of one report: that report copies from the template library
        List<String> source = Files.readAllLines(in.resolve("syn-000003-2025.txt"), StandardCharsets.UTF_8);
        Path library = Files.createDirectories(in.resolve("fanwen"));
        Files.writeString(library.resolve(org.shuzhi.pipeline.compare.TemplateLibrary.MARKER), "");
        Path template = library.resolve("template-1.txt");
        Files.write(template, source.stream().filter(l -> l.length() > 60).limit(2).toList(), StandardCharsets.UTF_8);
        Path out = tmp.resolve("out-templates");
        assertEquals(0, analyze(in, out));
        Path stored = out.resolve(".shuzhi/templates/fanwen__template-1.txt.sml");
        assertTrue(Files.isRegularFile(stored), "the analysed template is kept in the work state");
        assertTrue(Files.readString(out.resolve("json/syn-000003-2025.txt.json")).contains("fanwen__template-1.txt"),
                "the report copies from the template");
        FileTime analysed = Files.getLastModifiedTime(stored);
        Map<String, FileTime> json1 = times(out.resolve("json"));

        Thread.sleep(20);
        assertEquals(0, analyze(in, out));
        assertEquals(analysed, Files.getLastModifiedTime(stored), "an unchanged template is not analysed again");
        assertEquals(json1, times(out.resolve("json")), "nothing republished when nothing changed");

        Files.writeString(template, "\n" + source.stream().filter(l -> l.length() > 60).skip(3).findFirst()
                .orElseThrow() + "\n", java.nio.file.StandardOpenOption.APPEND);
        Thread.sleep(20);
        assertEquals(0, analyze(in, out));
        assertNotEquals(analysed, Files.getLastModifiedTime(stored), "a changed template is analysed again");
        Path full = tmp.resolve("full-templates");
        assertEquals(0, analyze(in, full));
        for (String f : times(full.resolve("json")).keySet()) {
            assertEquals(Files.readString(full.resolve("json").resolve(f)), Files.readString(out.resolve("json")
                    .resolve(f)), f);
        }
    }
}
