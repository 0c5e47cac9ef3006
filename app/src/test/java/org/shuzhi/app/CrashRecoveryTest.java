package org.shuzhi.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shuzhi.index.ReportSearcher;
import org.shuzhi.index.Schema;
import org.shuzhi.index.SearchRequest;
import org.shuzhi.pipeline.harness.SyntheticCorpus;
import org.shuzhi.pipeline.run.PublishLedger;
import org.shuzhi.pipeline.run.WorkState;
import org.shuzhi.pipeline.dict.Dictionaries;

/**
 * Crash safety (issue 8): {@code analyze} is killed with SIGKILL in the middle of a run, once while analysing and
 * once while publishing; the index stays intact and searchable, and the next run completes the work without
 * duplicates and without redoing what was finished.
 */
class CrashRecoveryTest {
    private static final int REPORTS = 90;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void corpus() {
        SyntheticCorpus.fromSamples(IncrementalRunTest.root().resolve("corpus-samples"),
                Dictionaries.load(IncrementalRunTest.root().resolve("dictionaries")), 5).write(tmp.resolve("in"),
                REPORTS);
    }

    /** Starts {@code shuzhi analyze} in its own JVM (so that it can be killed). */
    private static Process start(Path out) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), ShuzhiCommand.class.getName(), "analyze",
                tmp.resolve("in").toString(), "--out", out.toString(), "--dictionaries",
                IncrementalRunTest.root().resolve("dictionaries").toString(), "--no-progress", "--threads", "1",
                "--commit-every", "5")
                .redirectErrorStream(true).redirectOutput(out.resolveSibling(out.getFileName() + ".log").toFile())
                .start();
    }

    /** Kills the process with SIGKILL as soon as {@code when} holds; fails if it ended before. */
    private static void killWhen(Process p, BooleanSupplier when) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!when.getAsBoolean()) {
            assertTrue(p.isAlive(), "the run ended before it could be killed");
            assertTrue(System.nanoTime() < deadline, "the run did not get there in 3 minutes");
            Thread.sleep(10);
        }
        p.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
        p.waitFor();
    }

    private static long count(Path dir, String suffix) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.toString().endsWith(suffix)).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private static List<String> ledger(Path out) throws IOException {
        Path f = out.resolve(WorkState.DIR).resolve(PublishLedger.FILE);
        return Files.exists(f) ? Files.readAllLines(f, StandardCharsets.UTF_8) : List.of();
    }

    /** Asserts the index is clean (Lucene's CheckIndex), searchable, and holds each report at most once. */
    private static int checkIndex(Path index) throws IOException {
        try (FSDirectory dir = FSDirectory.open(index); CheckIndex check = new CheckIndex(dir)) {
            assertTrue(check.checkIndex().clean, "CheckIndex finds the index clean");
        }
        try (ReportSearcher s = ReportSearcher.open(index, new org.shuzhi.pipeline.segment.Segmenter(
                Dictionaries.load(IncrementalRunTest.root().resolve("dictionaries"))))) {
            assertTrue(s.search(SearchRequest.of("党支部", 10)).total() > 0, "the index answers a query");
        }
        try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(index))) {
            IndexSearcher s = new IndexSearcher(r);
            int reports = s.count(new TermQuery(new Term(Schema.TYPE, Schema.TYPE_REPORT)));
            Set<String> ids = new HashSet<>();
            for (var sd : s.search(new TermQuery(new Term(Schema.TYPE, Schema.TYPE_REPORT)), 1000).scoreDocs) {
                assertTrue(ids.add(s.storedFields().document(sd.doc).get(Schema.REPORT_ID)), "no report twice");
            }
            return reports;
        }
    }

    @Test
    void killedWhileAnalysingTheNextRunReusesWhatWasAnalysed() throws Exception {
        Path out = tmp.resolve("a");
        Process p = start(out);
        Path store = out.resolve(WorkState.DIR).resolve("compare");
        killWhen(p, () -> count(store, ".bin") >= 30);
        long analysed = count(store, ".bin") - 6; // minus the template pieces
        assertTrue(analysed < REPORTS, "killed during the analysis");

        Process rerun = start(out);
        assertTrue(rerun.waitFor(5, TimeUnit.MINUTES));
        String log = Files.readString(out.resolveSibling("a.log"), StandardCharsets.UTF_8);
        assertEquals(0, rerun.exitValue(), log);
        assertTrue(log.contains("其中 " + analysed + " 个未变化，沿用上次的分析"),
                "the " + analysed + " reports analysed before the kill are not analysed again:\n" + log);
        assertEquals(REPORTS, checkIndex(out.resolve("index")));
        assertEquals(REPORTS, ledger(out).size(), "every report finished, once");
        assertEquals(REPORTS + 1, Files.readAllLines(out.resolve("summary.csv")).size());
    }

    @Test
    void killedWhilePublishingTheIndexIsIntactAndTheNextRunFinishesWithoutRedoingOrDuplicating() throws Exception {
        Path out = tmp.resolve("b");
        Process p = start(out);
        killWhen(p, () -> {
            try {
                return ledger(out).size() >= 20;
            } catch (IOException e) {
                return false;
            }
        });
        List<String> finished = ledger(out);
        assertTrue(finished.size() < REPORTS, "killed during publishing");
        int indexed = checkIndex(out.resolve("index"));
        assertTrue(indexed >= finished.size(), indexed + " reports searchable after the kill");

        Map<String, FileTime> before = IncrementalRunTest.times(out.resolve("html"));
        assertEquals(0, IncrementalRunTest.analyze(tmp.resolve("in"), out));
        assertEquals(REPORTS, checkIndex(out.resolve("index")), "every report indexed once");
        assertEquals(REPORTS, ledger(out).size());
        Map<String, FileTime> after = IncrementalRunTest.times(out.resolve("html"));
        int kept = 0;
        for (String line : finished) {
            String id = org.shuzhi.app.render.JsonOutput.mapper().readTree(line).get("id").asText();
            assertEquals(before.get(id + ".html"), after.get(id + ".html"), id + " was finished: not redone");
            kept++;
        }
        assertTrue(kept >= 20);
        // paragraphs are indexed once: the count equals the paragraphs of the JSON outputs
        long paragraphs = 0;
        try (Stream<Path> s = Files.list(out.resolve("json"))) {
            for (Path f : s.toList()) {
                paragraphs += org.shuzhi.app.render.JsonOutput.mapper().readTree(f.toFile()).get("paragraphs").size();
            }
        }
        try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(out.resolve("index")))) {
            assertEquals(paragraphs, new IndexSearcher(r).count(new TermQuery(new Term(Schema.TYPE,
                    Schema.TYPE_PARAGRAPH))), "no paragraph indexed twice");
        }
    }
}
