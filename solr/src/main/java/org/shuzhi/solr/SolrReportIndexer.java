package org.shuzhi.solr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrInputDocument;
import org.shuzhi.index.HanlpAnalyzer;
import org.shuzhi.index.IndexException;
import org.shuzhi.index.ReportIndexer;
import org.shuzhi.index.Schema;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.segment.Segmenter;

/**
 * Writes reports into a SolrCloud collection, the same documents the embedded index holds
 * ({@link ReportIndexer#documents}), with the paragraph text pre-analysed by {@link HanlpAnalyzer} in index mode
 * (Solr's JSON pre-analysed format: term, offsets, position increment, so stacked sub-words sit at their compound's
 * position). Idempotent: each batch first deletes every document of its reports ({@code report_id}), then adds them,
 * so re-indexing the same reports leaves the same collection, and a report that lost
 * paragraphs loses their documents. {@link #commit()} makes the changes visible. Thread-safe.
 */
public final class SolrReportIndexer {
    /** Field names that differ on Solr: {@code score} is Solr's relevance pseudo-field. */
    static final Map<String, String> SOLR_NAMES = Map.of(Schema.SCORE, "quality_score");
    /** Keyword fields Solr keeps as strings although the embedded index stores them as numbers. */
    static final List<String> STRING_FIELDS = List.of(Schema.YEAR);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SolrConnection solr;
    private final Segmenter segmenter;
    private final Analyzer analyzer;

    /** @param segmenter the pipeline's segmenter (carries the domain terms) */
    public SolrReportIndexer(SolrConnection solr, Segmenter segmenter) {
        this.solr = solr;
        this.segmenter = segmenter;
        this.analyzer = new HanlpAnalyzer(segmenter, true);
    }

    /**
     * Adds or replaces reports; documents whose file could not be analysed are skipped.
     *
     * @return the number of reports written
     * @throws IndexException when Solr refuses or cannot be reached
     */
    public int index(List<ReportDocument> docs) {
        Map<String, List<Document>> byReport = new LinkedHashMap<>();
        for (ReportDocument d : docs) {
            List<Document> block = ReportIndexer.documents(d, segmenter);
            if (!block.isEmpty()) {
                byReport.put(d.id(), block);
            }
        }
        send(byReport);
        return byReport.size();
    }

    /**
     * Copies an embedded index (the {@code index/} folder {@code analyze} wrote) into the collection: every report
     * with all its stored fields, in batches of {@code batchReports} reports.
     *
     * @return the number of reports written
     * @throws IndexException when the index cannot be read, or Solr refuses or cannot be reached
     */
    public int copyIndex(Path indexFolder, int batchReports) {
        int reports = 0;
        try (FSDirectory dir = FSDirectory.open(indexFolder)) {
            if (!DirectoryReader.indexExists(dir)) {
                throw new IndexException(IndexException.Kind.MISSING, "找不到索引：" + indexFolder
                        + "。请先运行 ./shuzhi analyze <报告文件夹>", null);
            }
            try (DirectoryReader r = DirectoryReader.open(dir)) {
                Map<String, List<Document>> batch = new LinkedHashMap<>();
                for (LeafReaderContext leaf : r.leaves()) {
                    Bits live = leaf.reader().getLiveDocs();
                    StoredFields stored = leaf.reader().storedFields();
                    for (int i = 0; i < leaf.reader().maxDoc(); i++) {
                        if (live != null && !live.get(i)) {
                            continue;
                        }
                        Document d = stored.document(i);
                        String id = d.get(Schema.REPORT_ID);
                        if (!batch.containsKey(id) && batch.size() >= batchReports) {
                            send(batch);
                            reports += batch.size();
                            batch = new LinkedHashMap<>();
                        }
                        batch.computeIfAbsent(id, k -> new ArrayList<>()).add(d);
                    }
                }
                send(batch);
                reports += batch.size();
            }
        } catch (IOException e) {
            throw new IndexException(IndexException.Kind.IO, "读取索引 " + indexFolder + " 失败：" + e.getMessage(), e);
        }
        return reports;
    }

    /** Makes everything written so far searchable (a hard commit on every shard). */
    public void commit() {
        UpdateRequest u = new UpdateRequest();
        u.setAction(UpdateRequest.ACTION.COMMIT, true, true);
        solr.request(u, true);
    }

    private void send(Map<String, List<Document>> byReport) {
        if (byReport.isEmpty()) {
            return;
        }
        // two requests: SolrJ writes an update request's deletions after its documents
        UpdateRequest delete = new UpdateRequest();
        delete.deleteByQuery(Schema.REPORT_ID + ":(" + byReport.keySet().stream().map(QueryWriter::quote)
                .collect(Collectors.joining(" OR ")) + ")");
        solr.request(delete, true);
        UpdateRequest u = new UpdateRequest();
        for (List<Document> block : byReport.values()) {
            for (Document d : block) {
                u.add(solrDocument(d));
            }
        }
        solr.request(u, true);
    }

    /**
     * @return the stored fields of a Lucene document as a Solr document, the text pre-analysed: from the tokens the
     *         document carries (the pipeline's, as the embedded index has them) or, for a document read back from an
     *         index (stored fields only), by the index-mode analyzer
     */
    SolrInputDocument solrDocument(Document d) {
        SolrInputDocument s = new SolrInputDocument();
        TokenStream known = null;
        for (IndexableField f : d.getFields(Schema.TEXT)) {
            if (!f.fieldType().stored() && f instanceof org.apache.lucene.document.Field field
                    && field.tokenStreamValue() != null) {
                known = field.tokenStreamValue();
            }
        }
        for (IndexableField f : d.getFields()) {
            if (!f.fieldType().stored()) {
                continue;
            }
            String name = SOLR_NAMES.getOrDefault(f.name(), f.name());
            if (f.name().equals(Schema.TEXT)) {
                s.addField(name, known != null ? preAnalyzed(f.stringValue(), known)
                        : preAnalyzed(f.stringValue(), analyzer.tokenStream(Schema.TEXT, f.stringValue())));
            } else if (f.numericValue() != null && !STRING_FIELDS.contains(f.name())) {
                s.addField(name, f.numericValue());
            } else if (f.numericValue() != null) {
                s.addField(name, f.numericValue().toString());
            } else {
                s.addField(name, f.stringValue());
            }
        }
        return s;
    }

    /** @return {@code text} in Solr's JSON pre-analysed format, with the tokens of {@code stream} (consumed, closed) */
    static String preAnalyzed(String text, TokenStream stream) {
        ObjectNode root = JSON.createObjectNode();
        root.put("v", "1");
        root.put("str", text);
        ArrayNode tokens = root.putArray("tokens");
        try (TokenStream ts = stream) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                ObjectNode t = tokens.addObject();
                t.put("t", term.toString());
                t.put("s", offset.startOffset());
                t.put("e", offset.endOffset());
                t.put("i", inc.getPositionIncrement());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root.toString();
    }
}
