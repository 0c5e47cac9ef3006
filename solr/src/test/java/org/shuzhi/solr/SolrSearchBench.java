package org.shuzhi.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shuzhi.index.ReportIndexer;
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
 * Search latency, embedded index beside SolrCloud (2 in-JVM nodes, 2 shards × 2 replicas), on corpus-samples
 * copied {@code -Dshuzhi.bench.copies} times (default 20) under new report ids. Not part of the test suite (the
 * name matches no test pattern); run with
 * {@code mvn -B -o -pl solr -am test -Dtest=SolrSearchBench -Dsurefire.failIfNoSpecifiedTests=false}. Writes the
 * figures to {@code solr/target/solr-bench.txt}: indexing time per engine, and per query the median and 95th
 * percentile of a page of 20 hits with facets and snippets, after a warm-up.
 */
class SolrSearchBench {
    @TempDir
    Path tmp;

    static final List<String> QUERIES = List.of("软弱涣散", "党员发展", "国土资源局", "\"理论学习\"", "党建 学习",
            "党建 OR 学习", "(党建 OR 调研) AND 加强", "问题", "*");

    @Test
    void latency() throws Exception {
        int copies = Integer.getInteger("shuzhi.bench.copies", 20);
        int runs = Integer.getInteger("shuzhi.bench.runs", 30);
        Path samples = SolrCloudSearchIT.root().resolve("corpus-samples");
        Dictionaries dict = Dictionaries.load(SolrCloudSearchIT.root().resolve("dictionaries"));
        Segmenter segmenter = new Segmenter(dict);
        List<ReportDocument> docs = new ArrayList<>();
        try (Pipeline p = Pipeline.standard(dict, Manifest.load(samples), ExtractionLimits.DEFAULT)) {
            new Batch(p, 2).run(samples, InputFiles.list(samples), d -> {
                if (d.ok()) {
                    synchronized (docs) {
                        docs.add(d);
                    }
                }
            });
        }
        List<ReportDocument> corpus = new ArrayList<>();
        for (int k = 0; k < copies; k++) {
            for (ReportDocument d : docs) {
                corpus.add(copy(d, k == 0 ? d.id() : d.id() + "~" + k));
            }
        }
        long paragraphs = corpus.stream().mapToLong(d -> d.paragraphs().size()).sum();
        long t0 = System.nanoTime();
        try (ReportIndexer ix = ReportIndexer.open(tmp.resolve("index"), segmenter)) {
            corpus.forEach(ix::index);
            ix.commit();
        }
        double embeddedIndexS = (System.nanoTime() - t0) / 1e9;

        MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(2, tmp.resolve("solr")).build();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of("target", "solr-bench.txt"),
                StandardCharsets.UTF_8), true)) {
            String address = cluster.getJettySolrRunners().stream().map(j -> j.getBaseUrl().toString())
                    .collect(Collectors.joining(","));
            SolrConnection c = SolrConnection.open(address, "bench");
            SolrCollections.create(c, 2, 2);
            cluster.waitForActiveCollection("bench", 2, 4);
            t0 = System.nanoTime();
            SolrReportIndexer six = new SolrReportIndexer(c, segmenter);
            for (int i = 0; i < corpus.size(); i += 200) {
                six.index(corpus.subList(i, Math.min(corpus.size(), i + 200)));
            }
            six.commit();
            double solrIndexS = (System.nanoTime() - t0) / 1e9;
            out.printf(Locale.ROOT, "corpus: %d reports (%d copies of %d), %d paragraphs%n", corpus.size(), copies,
                    docs.size(), paragraphs);
            out.printf(Locale.ROOT, "indexing: embedded %.1f s (%.0f reports/s); SolrCloud 2 nodes 2x2 %.1f s "
                    + "(%.0f reports/s, pre-analysis on the client included)%n", embeddedIndexS,
                    corpus.size() / embeddedIndexS, solrIndexS, corpus.size() / solrIndexS);
            try (ReportSearcher embedded = ReportSearcher.open(tmp.resolve("index"), segmenter);
                 SolrReportSearcher solr = new SolrReportSearcher(SolrConnection.open(address, "bench"),
                         segmenter)) {
                out.printf(Locale.ROOT, "%-24s %8s %10s %10s %10s %10s%n", "query (20 hits + facets)", "hits",
                        "emb p50", "emb p95", "solr p50", "solr p95");
                List<Double> allE = new ArrayList<>();
                List<Double> allS = new ArrayList<>();
                for (String q : QUERIES) {
                    SearchRequest r = new SearchRequest(q, Map.of(), null, 0, 20, Schema.TYPE_PARAGRAPH);
                    assertEquals(embedded.search(r).total(), solr.search(r).total(), q);
                    double[] e = times(() -> embedded.search(r), runs);
                    double[] s = times(() -> solr.search(r), runs);
                    Arrays.stream(e).forEach(allE::add);
                    Arrays.stream(s).forEach(allS::add);
                    out.printf(Locale.ROOT, "%-24s %8d %8.1fms %8.1fms %8.1fms %8.1fms%n", q,
                            embedded.search(r).total(), pct(e, 50), pct(e, 95), pct(s, 50), pct(s, 95));
                }
                String like = embedded.search(SearchRequest.of("党建", 1)).hits().get(0).id();
                SearchRequest page = new SearchRequest(null, Map.of(), null, 0, 20, Schema.TYPE_PARAGRAPH);
                double[] e = times(() -> embedded.similar(like, page), runs);
                double[] s = times(() -> solr.similar(like, page), runs);
                out.printf(Locale.ROOT, "%-24s %8d %8.1fms %8.1fms %8.1fms %8.1fms%n", "more-like-this",
                        embedded.similar(like, page).total(), pct(e, 50), pct(e, 95), pct(s, 50), pct(s, 95));
                out.printf(Locale.ROOT, "all queries: embedded p50 %.1f ms p95 %.1f ms; SolrCloud p50 %.1f ms p95 "
                        + "%.1f ms%n", pct(allE, 50), pct(allE, 95), pct(allS, 50), pct(allS, 95));
            }
        } finally {
            cluster.shutdown();
        }
        System.out.println(Files.readString(Path.of("target", "solr-bench.txt")));
    }

    static ReportDocument copy(ReportDocument d, String id) {
        return new ReportDocument(id, d.source(), d.sha256(), d.bytes(), d.extraction(), d.metadata(), d.docType(),
                d.docTypeDecision(), d.text(), d.cleaning(), d.flags(), d.sections(), d.paragraphs(), d.failure(),
                d.warnings(), d.comparison(), d.assessment());
    }

    static double[] times(Supplier<SearchResult> search, int runs) {
        for (int i = 0; i < 5; i++) {
            search.get();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            search.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        return ms;
    }

    static double pct(double[] ms, int p) {
        double[] s = ms.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }

    static double pct(List<Double> ms, double p) {
        return pct(ms.stream().mapToDouble(Double::doubleValue).toArray(), (int) p);
    }
}
