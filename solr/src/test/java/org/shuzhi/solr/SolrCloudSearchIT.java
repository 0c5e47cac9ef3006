package org.shuzhi.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.shuzhi.index.ReportIndexer;
import org.shuzhi.index.ReportSearch;
import org.shuzhi.index.ReportSearcher;
import org.shuzhi.index.Schema;
import org.shuzhi.index.SearchRequest;
import org.shuzhi.index.SearchResult;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.extract.ExtractionLimits;
import org.shuzhi.pipeline.meta.Manifest;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.run.Batch;
import org.shuzhi.pipeline.run.InputFiles;
import org.shuzhi.pipeline.run.Pipeline;
import org.shuzhi.pipeline.segment.Segmenter;

/**
 * The SolrCloud engine against the embedded index, on a real in-JVM SolrCloud (2 nodes, a collection of 2 shards ×
 * 2 replicas) holding the analysed corpus-samples: the same totals, facet counts, hits (ids, order up to equal
 * scores, every field, snippets) for a set of queries, filters, orders and more-like-this; a stopped node does not
 * stop the search; re-indexing changes nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrCloudSearchIT {
    @TempDir
    static Path tmp;
    static MiniSolrCloudCluster cluster;
    static ReportSearcher embedded;
    static SolrReportSearcher solr;
    static Segmenter segmenter;
    static final Map<String, ReportDocument> DOCS = new TreeMap<>();

    static Path root() {
        String p = System.getProperty("shuzhi.root");
        Path r = p == null ? Path.of("..").toAbsolutePath().normalize() : Path.of(p);
        return Files.isDirectory(r.resolve("dictionaries")) ? r : Path.of("").toAbsolutePath().getParent();
    }

    static String address() {
        return cluster.getJettySolrRunners().stream().map(j -> j.getBaseUrl().toString())
                .collect(Collectors.joining(","));
    }

    @BeforeAll
    static void start() throws Exception {
        Path samples = root().resolve("corpus-samples");
        Dictionaries dict = Dictionaries.load(root().resolve("dictionaries"));
        segmenter = new Segmenter(dict);
        try (Pipeline p = Pipeline.standard(dict, Manifest.load(samples), ExtractionLimits.DEFAULT);
             ReportIndexer ix = ReportIndexer.open(tmp.resolve("index"), segmenter)) {
            new Batch(p, 2).run(samples, InputFiles.list(samples), d -> {
                DOCS.put(d.id(), d);
                ix.index(d);
            });
            ix.commit();
        }
        embedded = ReportSearcher.open(tmp.resolve("index"), segmenter);

        cluster = new MiniSolrCloudCluster.Builder(2, tmp.resolve("solr")).build();
        SolrConnection c = SolrConnection.open(address(), "reports");
        assertTrue(SolrCollections.create(c, 2, 2));
        assertFalse(SolrCollections.create(c, 2, 2), "an existing collection is left as it is");
        cluster.waitForActiveCollection("reports", 2, 4);
        SolrReportIndexer ix = new SolrReportIndexer(c, segmenter);
        ix.index(new ArrayList<>(DOCS.values()));
        ix.commit();
        solr = new SolrReportSearcher(SolrConnection.open(address(), "reports"), segmenter);
    }

    @AfterAll
    static void stop() throws Exception {
        if (solr != null) {
            solr.close();
        }
        if (embedded != null) {
            embedded.close();
        }
        if (cluster != null) {
            cluster.shutdown();
        }
        DOCS.clear();
    }

    static SearchRequest req(String q, Map<String, List<String>> filters, SearchRequest.Order order) {
        return new SearchRequest(q, filters, order, 0, 1000, Schema.TYPE_PARAGRAPH);
    }

    static final List<SearchRequest> REQUESTS = List.of(
            req("软弱涣散", Map.of(), null),
            req("党员发展", Map.of(), null),
            req("国土资源局", Map.of(), null),
            req("\"理论学习\"", Map.of(), null),
            req("“党员发展”", Map.of(), null),
            req("党建 学习", Map.of(), null),
            req("党建 OR 学习", Map.of(), null),
            req("党建 NOT 学习", Map.of(), null),
            req("(党建 OR 调研) AND 加强", Map.of(), null),
            req("category:problem 学习", Map.of(), null),
            req("学*", Map.of(), null),
            req("((", Map.of(), null),
            req("NOT 党建", Map.of(), null),
            req("*", Map.of(Schema.YEAR, List.of("2024", "2025")), null),
            req("问题", Map.of(Schema.CATEGORY, List.of("problem", "cause")), SearchRequest.Order.YEAR),
            req("工作", Map.of(Schema.FLAG, List.of("vague")), SearchRequest.Order.VAGUENESS),
            req("*", Map.of(Schema.UNIT, List.of("国土资源局")), SearchRequest.Order.UNIT),
            req("*", Map.of(), SearchRequest.Order.CONCRETENESS),
            new SearchRequest("*", Map.of(), SearchRequest.Order.UNIT, 0, 1000, Schema.TYPE_REPORT),
            new SearchRequest("党建", Map.of(), SearchRequest.Order.YEAR, 5, 7, Schema.TYPE_PARAGRAPH));

    @Test
    @Order(1)
    void sameAnswersAsTheEmbeddedIndex() {
        int compared = 0;
        for (SearchRequest r : REQUESTS) {
            assertSame(r.toString(), embedded.search(r), solr.search(r), r.sort() != SearchRequest.Order.RELEVANCE);
            compared++;
        }
        assertEquals(REQUESTS.size(), compared);
        assertTrue(embedded.search(REQUESTS.get(0)).total() > 0, "the corpus has hits for 软弱涣散");
    }

    @Test
    @Order(2)
    void sameMoreLikeThis() {
        SearchResult some = embedded.search(req("党建", Map.of(), SearchRequest.Order.YEAR));
        int n = 0;
        for (int i = 0; i < some.hits().size() && n < 6; i += Math.max(1, some.hits().size() / 6), n++) {
            String id = some.hits().get(i).id();
            SearchRequest r = req(null, Map.of(), null);
            // snippets of more-like-this may mark other words: the embedded highlighter reads the index's postings
            // (the pipeline's tokens), the one over Solr hits re-analyses the text; hits and scores are the same
            assertSame("like " + id, embedded.similar(id, r), solr.similar(id, r), false, false);
        }
        assertTrue(n > 0);
        assertEquals(0, solr.similar("no-such-report#p0", req(null, Map.of(), null)).total());
        SearchResult.Hit h = solr.get(some.hits().get(0).id());
        assertNotNull(h);
        assertEquals(embedded.get(h.id()), h);
    }

    @Test
    @Order(3)
    void aStoppedNodeDoesNotStopTheSearch() throws Exception {
        JettySolrRunner stopped = cluster.getJettySolrRunner(0);
        cluster.stopJettySolrRunner(stopped);
        cluster.waitForJettyToStop(stopped);
        try {
            for (SearchRequest r : REQUESTS.subList(0, 6)) {
                assertSame("node down: " + r, embedded.search(r), solr.search(r), false);
            }
        } finally {
            cluster.startJettySolrRunner(stopped);
            cluster.waitForActiveCollection("reports", 2, 4);
        }
    }

    @Test
    @Order(4)
    void reindexingIsIdempotent() {
        SolrConnection c = SolrConnection.open(address(), "reports");
        SearchRequest all = new SearchRequest("*", Map.of(), SearchRequest.Order.YEAR, 0, 1000, Schema.TYPE_PARAGRAPH);
        SearchResult before = solr.search(all);
        SolrReportIndexer ix = new SolrReportIndexer(c, segmenter);
        ix.index(new ArrayList<>(DOCS.values()));
        ix.commit();
        assertEquals(DOCS.values().stream().filter(ReportDocument::ok).count(),
                ix.copyIndex(tmp.resolve("index"), 3), "the embedded index copied report by report");
        ix.commit();
        SearchResult after = solr.search(all);
        assertEquals(before.total(), after.total());
        assertEquals(before.facets(), after.facets());
        assertEquals(before.hits(), after.hits());
        SearchRequest reports = new SearchRequest("*", Map.of(), SearchRequest.Order.UNIT, 0, 1000,
                Schema.TYPE_REPORT);
        assertEquals(embedded.search(reports).total(), solr.search(reports).total());
    }

    /**
     * Asserts two answers equal: totals, facets, and the hits with every field; the order exactly when
     * {@code exactOrder}, else up to runs of equal scores (relative difference below 1e-5). When the page ends inside
     * a run of equal scores, the engines may cut that run differently: its hits need only have that score.
     */
    static void assertSame(String what, SearchResult want, SearchResult got, boolean exactOrder) {
        assertSame(what, want, got, exactOrder, true);
    }

    /** As above; {@code snippets} false compares whether hits have snippets, not the snippets themselves. */
    static void assertSame(String what, SearchResult want, SearchResult got, boolean exactOrder, boolean snippets) {
        assertEquals(want.total(), got.total(), what + ": total");
        assertEquals(want.facets(), got.facets(), what + ": facets");
        assertEquals(want.hits().size(), got.hits().size(), what + ": hits");
        if (exactOrder) {
            assertEquals(ids(want.hits()), ids(got.hits()), what + ": order");
        }
        boolean truncated = want.total() > want.hits().size();
        int from = 0;
        for (int i = 1; i <= want.hits().size(); i++) {
            if (i == want.hits().size() || !close(want.hits().get(i - 1).score(), want.hits().get(i).score())) {
                float score = want.hits().get(from).score();
                if (i == want.hits().size() && truncated) {
                    for (SearchResult.Hit g : got.hits().subList(from, i)) {
                        assertTrue(close(score, g.score()), what + ": score of " + g.id() + " at the page end");
                    }
                } else {
                    Set<String> a = new HashSet<>(ids(want.hits().subList(from, i)));
                    Set<String> b = new HashSet<>(ids(got.hits().subList(from, i)));
                    assertEquals(a, b, what + ": hits " + from + "-" + i + " (equal scores)");
                }
                from = i;
            }
        }
        Map<String, SearchResult.Hit> byId = new HashMap<>();
        got.hits().forEach(h -> byId.put(h.id(), h));
        for (SearchResult.Hit w : want.hits()) {
            SearchResult.Hit g = byId.get(w.id());
            if (g != null) {
                assertTrue(close(w.score(), g.score()), what + ": score of " + w.id() + " " + w.score() + " vs "
                        + g.score());
                if (snippets) {
                    assertEquals(withScore(w, 0), withScore(g, 0), what + ": hit " + w.id());
                } else {
                    assertEquals(w.fragments().isEmpty(), g.fragments().isEmpty(), what + ": snippets of " + w.id());
                    assertEquals(withScore(w, 0).withoutFragments(), withScore(g, 0).withoutFragments(),
                            what + ": hit " + w.id());
                }
            }
        }
    }

    static boolean close(float a, float b) {
        return Math.abs(a - b) <= Math.max(1e-4f, Math.abs(a) * 1e-5f);
    }

    static List<String> ids(List<SearchResult.Hit> hits) {
        return hits.stream().map(SearchResult.Hit::id).toList();
    }

    static SearchResult.Hit withScore(SearchResult.Hit h, float s) {
        return new SearchResult.Hit(h.id(), h.reportId(), h.source(), h.paragraph(), h.start(), h.end(), h.unit(),
                h.secretary(), h.year(), h.sector(), h.docType(), h.category(), h.sections(), h.sectionHeading(),
                h.flags(), h.text(), s, h.fragments());
    }
}
