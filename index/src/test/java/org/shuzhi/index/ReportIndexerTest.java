package org.shuzhi.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.extract.ExtractionLimits;
import org.shuzhi.pipeline.meta.Manifest;
import org.shuzhi.pipeline.model.Failure;
import org.shuzhi.pipeline.model.FailureKind;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.run.Pipeline;
import org.shuzhi.pipeline.segment.Segmenter;

/** Re-indexing is idempotent, changed reports replace their old version, pruning and commits behave. */
class ReportIndexerTest {
    static Pipeline pipeline;
    static Segmenter segmenter;

    static final String V1 = """
            关于2024年度抓基层党建工作的述职报告
            一、主要做法及成效
            我带头讲党课4次，组织开展主题党日12次，全体党员参加。
            二、存在问题
            一是理论学习的深度不够，有的党员学习满足于读读文件。
            三、下一步打算
            我将在2025年6月前完成软弱涣散党组织整顿。
            """;
    static final String V2 = V1.replace("理论学习的深度不够", "组织生活质量不高").replace("软弱涣散党组织整顿", "党员档案清理");

    @BeforeAll
    static void setUp() throws Exception {
        Path root = IndexSearchTest.root();
        Dictionaries dict = Dictionaries.load(root.resolve("dictionaries"));
        segmenter = new Segmenter(dict);
        pipeline = Pipeline.standard(dict, Manifest.empty(), ExtractionLimits.DEFAULT);
    }

    @AfterAll
    static void tearDown() {
        pipeline.close();
    }

    static long count(Path index, String query) {
        try (ReportSearcher s = ReportSearcher.open(index, segmenter)) {
            return s.search(SearchRequest.of(query, 10)).total();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void reindexingTheSameReportsGivesTheSameIndex(@TempDir Path dir) throws Exception {
        ReportDocument a = pipeline.analyzeText("a.txt", V1);
        ReportDocument b = pipeline.analyzeText("b.txt", V2);
        for (int run = 0; run < 3; run++) {
            try (ReportIndexer ix = ReportIndexer.open(dir, segmenter)) {
                ix.index(a);
                ix.index(b);
            }
        }
        assertEquals(a.paragraphs().size() + b.paragraphs().size(), count(dir, "*"));
        assertEquals(1, count(dir, "理论学习"));
        try (ReportIndexer ix = ReportIndexer.open(dir, segmenter)) {
            assertEquals(Set.of("a.txt", "b.txt"), ix.indexedReports().keySet());
        }
    }

    @Test
    void aChangedReportReplacesItsOldVersion(@TempDir Path dir) throws Exception {
        try (ReportIndexer ix = ReportIndexer.open(dir, segmenter)) {
            ix.index(pipeline.analyzeText("a.txt", V1));
        }
        assertEquals(1, count(dir, "理论学习"));
        try (ReportIndexer ix = ReportIndexer.open(dir, segmenter)) {
            ix.index(pipeline.analyzeText("a.txt", V2));
        }
        assertEquals(0, count(dir, "理论学习"));
        assertEquals(1, count(dir, "组织生活"));
        assertEquals(pipeline.analyzeText("a.txt", V2).paragraphs().size(), count(dir, "*"));
    }

    @Test
    void aFileThatNowFailsKeepsItsIndexedVersion(@TempDir Path dir) throws Exception {
        ReportDocument ok = pipeline.analyzeText("a.txt", V1);
        try (ReportIndexer ix = ReportIndexer.open(dir, segmenter)) {
            ix.index(ok);
            assertFalse(ix.index(ok.withFailure(new Failure(FailureKind.CORRUPT, "x", "y", "z"))));
        }
        assertEquals(1, count(dir, "理论学习"));
    }

    @Test
    void pruneRemovesReportsWhoseFilesAreGone(@TempDir Path dir) throws Exception {
        try (ReportIndexer ix = ReportIndexer.open(dir, segmenter)) {
            ix.index(pipeline.analyzeText("a.txt", V1));
            ix.index(pipeline.analyzeText("b.txt", V2));
        }
        try (ReportIndexer ix = ReportIndexer.open(dir, segmenter)) {
            assertEquals(Set.of("b.txt"), ix.prune(Set.of("a.txt")));
        }
        assertEquals(0, count(dir, "组织生活"));
        assertEquals(1, count(dir, "理论学习"));
    }

    @Test
    void uncommittedWorkIsInvisibleAndTheLastCommitStaysSearchable(@TempDir Path dir) throws Exception {
        try (ReportIndexer ix = ReportIndexer.open(dir, segmenter)) {
            ix.index(pipeline.analyzeText("a.txt", V1));
        }
        ReportIndexer ix = ReportIndexer.open(dir, segmenter);
        ix.index(pipeline.analyzeText("b.txt", V2));
        ix.prune(Set.of("b.txt"));
        // a reader opened now, while the writer holds uncommitted changes, sees the last commit only
        assertEquals(1, count(dir, "理论学习"));
        assertEquals(0, count(dir, "组织生活"));
        IndexException locked = assertThrows(IndexException.class, () -> ReportIndexer.open(dir, segmenter));
        assertEquals(IndexException.Kind.LOCKED, locked.kind());
        ix.commit();
        assertEquals(0, count(dir, "理论学习"));
        assertEquals(1, count(dir, "组织生活"));
        ix.close();
    }

    @Test
    void reportDocumentsCarryTheUnionOfParagraphFlags(@TempDir Path dir) throws Exception {
        ReportDocument a = pipeline.analyzeText("a.txt", V1);
        try (ReportIndexer ix = ReportIndexer.open(dir, segmenter)) {
            ix.index(a);
        }
        try (ReportSearcher s = ReportSearcher.open(dir, segmenter)) {
            SearchResult r = s.search(new SearchRequest("*", Map.of(Schema.FLAG, List.of(Flag.VAGUE.id())), null, 0, 5,
                    Schema.TYPE_REPORT));
            assertEquals(1, r.total(), "有的党员 is a vague term");
            assertTrue(s.search(new SearchRequest("*", Map.of(Schema.FLAG, List.of(Flag.VAGUE.id())), null, 0, 5,
                    Schema.TYPE_PARAGRAPH)).hits().stream().allMatch(h -> h.text().contains("有的")));
        }
    }
}
