package org.shuzhi.pipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.shuzhi.pipeline.Repo;
import org.shuzhi.pipeline.meta.Manifest;

/**
 * The ground truth of corpus-samples/units is complete and consistent: every relation names reports that exist and
 * quotes text that stands at the line it names, every report has a label file with one label per line, and every
 * rendered file is in the manifest.
 */
class GroundTruthTest {
    private static final Path UNITS = Repo.samples().resolve("units");
    private static final List<String> CATEGORIES = List.of("achievement", "problem", "cause", "plan",
            "self_assessment", "rectification", "other");

    private static List<String> reportLines(String report) throws Exception {
        if (report.startsWith("seed-003#")) {
            String n = report.substring("seed-003#".length());
            try (Stream<Path> s = Files.list(Repo.samples().resolve("sources"))) {
                Path src = s.filter(p -> p.getFileName().toString().startsWith("s3-" + n + "-")).findFirst()
                        .orElseThrow(() -> new AssertionError("no source for " + report));
                return Files.readAllLines(src, StandardCharsets.UTF_8);
            }
        }
        Path src = UNITS.resolve("src").resolve(report + ".txt");
        assertTrue(Files.exists(src), "report " + report + " does not exist");
        return Files.readAllLines(src, StandardCharsets.UTF_8);
    }

    @Test
    void everyRelationPointsAtExistingReportsAndText() throws Exception {
        List<String> rows = Files.readAllLines(UNITS.resolve("relations.tsv"), StandardCharsets.UTF_8);
        assertTrue(rows.size() > 50);
        for (String row : rows.subList(1, rows.size())) {
            String[] c = row.split("\t", -1);
            assertEquals(8, c.length, row);
            check(c[1], c[2], c[3], row);
            if (!c[4].isEmpty()) {
                check(c[4], c[5], c[6], row);
            }
        }
    }

    private static void check(String report, String line, String text, String row) throws Exception {
        List<String> lines = reportLines(report);
        if (report.startsWith("seed-003#")) {
            // line numbers of template sources count in the whole 003 seed file; the quote must be in the piece
            assertTrue(text.isEmpty() || String.join("", lines).contains(text), "text not in template: " + row);
            return;
        }
        if (line.equals("*") || line.isEmpty()) {
            return;
        }
        int n = Integer.parseInt(line);
        assertTrue(n >= 1 && n <= lines.size(), "line out of range: " + row);
        if (!text.isEmpty() && !text.equals("*")) {
            assertTrue(lines.get(n - 1).contains(text), "text not at its line: " + row);
        }
    }

    @Test
    void everyReportHasOneValidLabelPerLine() throws Exception {
        List<Path> sources;
        try (Stream<Path> s = Files.walk(UNITS.resolve("src"))) {
            sources = s.filter(p -> p.toString().endsWith(".txt")).toList();
        }
        assertTrue(sources.size() >= 36);
        for (Path src : sources) {
            String rel = UNITS.resolve("src").relativize(src).toString().replace(".txt", ".tsv");
            List<String> text = Files.readAllLines(src, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                    .toList();
            List<String> labels = Files.readAllLines(UNITS.resolve("labels").resolve(rel), StandardCharsets.UTF_8)
                    .stream().filter(l -> !l.isBlank()).toList();
            assertEquals(text.size(), labels.size(), rel);
            for (String l : labels) {
                assertTrue(CATEGORIES.contains(l.split("\t")[1]), rel + ": " + l);
            }
        }
    }

    @Test
    void everyRenderedFileIsInTheManifestWithItsReport() throws Exception {
        Manifest m = Manifest.load(Repo.samples());
        try (Stream<Path> s = Files.list(UNITS.resolve("rendered"))) {
            for (Path f : s.toList()) {
                Map<String, String> row = m.row(Repo.samples().relativize(f).toString().replace('\\', '/'));
                assertTrue(!row.isEmpty(), "not in manifest: " + f);
                reportLines(row.get("reportId"));
            }
        }
    }
}
