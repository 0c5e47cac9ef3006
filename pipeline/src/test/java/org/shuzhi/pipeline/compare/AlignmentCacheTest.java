package org.shuzhi.pipeline.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shuzhi.pipeline.Repo;
import org.shuzhi.pipeline.model.Comparison;
import org.shuzhi.pipeline.model.MetaValue;
import org.shuzhi.pipeline.model.Metadata;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.run.Pipeline;

/**
 * A re-run aligns only the candidate pairs in which a document changed, and its results are those of a comparison
 * without any cache: on the twelve units of corpus-samples (three years each, with planted copies between units and
 * recycled years).
 */
class AlignmentCacheTest {
    private static final List<ReportDocument> DOCS = new ArrayList<>();
    private static ReportDocument changed;

    @BeforeAll
    static void analyse() throws Exception {
        Path src = Repo.samples().resolve("units/src");
        List<Path> files;
        try (Stream<Path> s = Files.walk(src)) {
            files = s.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        }
        try (Pipeline p = Repo.pipeline()) {
            for (Path f : files) {
                String unit = f.getParent().getFileName().toString();
                String year = f.getFileName().toString().replace(".txt", "");
                DOCS.add(report(p, unit, year, Files.readString(f, StandardCharsets.UTF_8)));
            }
            // city-audit/2025 takes in, near its top, a paragraph of jc-univ-mech/2025: its pairs change, no other pair does
            String mech = Files.readString(src.resolve("jc-univ-mech/2025.txt"), StandardCharsets.UTF_8);
            String copied = mech.lines().filter(l -> l.length() > 80).skip(3).findFirst().orElseThrow();
            String audit = Files.readString(src.resolve("city-audit/2025.txt"), StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>(audit.lines().toList());
            lines.add(4, copied); // moves every later passage
            changed = report(p, "city-audit", "2025", String.join("\n", lines) + "\n");
        }
    }

    private static ReportDocument report(Pipeline p, String unit, String year, String text) {
        return p.analyzeText(unit + "-" + year, text).withMetadata(new Metadata(new MetaValue(unit, "manifest"),
                new MetaValue("书记" + unit, "manifest"), new MetaValue(year, "manifest"), Map.of()));
    }

    private static CorpusComparison comparison(List<ReportDocument> docs) {
        CorpusComparison cc = new CorpusComparison(CompareOptions.defaults().withThreads(2), Repo.dictionaries(),
                new InMemoryTextStore());
        docs.forEach(cc::add);
        return cc;
    }

    private static List<ReportDocument> withChange() {
        return DOCS.stream().map(d -> d.id().equals(changed.id()) ? changed : d).toList();
    }

    @Test
    void unchangedPairsAreTakenFromTheCacheAndTheResultsAreThoseOfAFreshComparison(@TempDir Path dir)
            throws Exception {
        Map<String, Comparison> fresh = comparison(DOCS).compare();
        AlignmentCache cache = AlignmentCache.in(dir, "v1");

        CorpusComparison first = comparison(DOCS);
        Map<String, Comparison> firstOut = new java.util.TreeMap<>();
        first.compare(ComparisonStore.of(firstOut), cache);
        assertEquals(fresh, firstOut, "an empty cache changes nothing");
        long candidates = first.summary().candidatePairs();
        assertTrue(candidates > 20, "a corpus with copies has candidate pairs: " + candidates);
        assertEquals(candidates, first.summary().alignedPairs(), "the first run aligns every pair");
        assertTrue(fresh.values().stream().anyMatch(c -> !c.passages().isEmpty()), "copies are found");

        CorpusComparison again = comparison(DOCS);
        Map<String, Comparison> againOut = new java.util.TreeMap<>();
        again.compare(ComparisonStore.of(againOut), cache);
        assertEquals(fresh, againOut, "a re-run without change gives the same results");
        assertEquals(candidates, again.summary().candidatePairs());
        assertEquals(0, again.summary().alignedPairs(), "nothing is aligned again");

        Map<String, Comparison> changedFresh = comparison(withChange()).compare();
        CorpusComparison afterChange = comparison(withChange());
        Map<String, Comparison> changedOut = new java.util.TreeMap<>();
        afterChange.compare(ComparisonStore.of(changedOut), cache);
        assertEquals(changedFresh, changedOut, "after a change, the results of a fresh comparison");
        assertTrue(changedFresh.get(changed.id()).passages().stream()
                        .anyMatch(p -> "jc-univ-mech-2025".equals(p.sourceId())),
                "the planted paragraph is found: " + changedFresh.get(changed.id()).passages());
        long realigned = afterChange.summary().alignedPairs();
        assertTrue(realigned > 0 && realigned < afterChange.summary().candidatePairs() / 2,
                "only the changed report's pairs are aligned again: " + realigned + " of "
                        + afterChange.summary().candidatePairs());
    }

    @Test
    void aDamagedOrForeignCacheFileIsAlignedAgain(@TempDir Path dir) throws Exception {
        Map<String, Comparison> fresh = comparison(DOCS).compare();
        AlignmentCache cache = AlignmentCache.in(dir, "v1");
        comparison(DOCS).compare(ComparisonStore.of(new java.util.HashMap<>()), cache);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.sorted(java.util.Comparator.comparingLong((Path f) -> f.toFile().length()).reversed())
                    .toList(); // the reports with the most candidates first
        }
        assertFalse(files.isEmpty());
        Files.write(files.get(0), new byte[] {1, 2, 3});           // damaged
        byte[] whole = Files.readAllBytes(files.get(1));
        Files.write(files.get(1), java.util.Arrays.copyOf(whole, whole.length / 2)); // truncated
        Files.writeString(dir.resolve("gone-2023.aln"), "x");     // a report no longer in the corpus

        CorpusComparison again = comparison(DOCS);
        Map<String, Comparison> out = new java.util.TreeMap<>();
        again.compare(ComparisonStore.of(out), cache);
        assertEquals(fresh, out);
        assertTrue(again.summary().alignedPairs() > 0, "the damaged reports' pairs are aligned again");
        assertFalse(Files.exists(dir.resolve("gone-2023.aln")), "files of reports no longer compared are removed");
    }

    @Test
    void anotherVersionOrAnImpossibleCountIsAlignedAgainNotTrusted(@TempDir Path dir) throws Exception {
        Map<String, Comparison> fresh = comparison(DOCS).compare();
        comparison(DOCS).compare(ComparisonStore.of(new java.util.HashMap<>()), AlignmentCache.in(dir, "v1"));
        CorpusComparison newBuild = comparison(DOCS);
        Map<String, Comparison> out = new java.util.TreeMap<>();
        newBuild.compare(ComparisonStore.of(out), AlignmentCache.in(dir, "v2"));
        assertEquals(fresh, out);
        assertEquals(newBuild.summary().candidatePairs(), newBuild.summary().alignedPairs(),
                "a new build (another analysis key) aligns every pair again");

        // a file whose CRC is right but whose passage count is absurd (written by something else): not trusted
        Path f;
        try (Stream<Path> s = Files.list(dir)) {
            f = s.filter(p -> p.toFile().length() > 100).findFirst().orElseThrow();
        }
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream o = new java.io.DataOutputStream(b)) {
            o.writeInt(0x53484132);
            o.writeUTF("v2");
            o.writeLong(0L);
            o.writeInt(1);
            o.writeLong(1L);
            o.writeInt(0x7ffffff0);
        }
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(b.toByteArray());
        byte[] body = b.toByteArray();
        byte[] withCrc = java.util.Arrays.copyOf(body, body.length + 4);
        java.nio.ByteBuffer.wrap(withCrc, body.length, 4).putInt((int) crc.getValue());
        Files.write(f, withCrc);
        assertTrue(AlignmentCache.in(dir, "v2").get(f.getFileName().toString().replace(".aln", ""), 0L).isEmpty());
    }
}
