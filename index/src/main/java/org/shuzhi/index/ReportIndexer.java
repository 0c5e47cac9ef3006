package org.shuzhi.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.shuzhi.pipeline.model.Assessment;
import org.shuzhi.pipeline.model.Category;
import org.shuzhi.pipeline.model.Counts;
import org.shuzhi.pipeline.model.Paragraph;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.model.Section;
import org.shuzhi.pipeline.segment.Segmenter;

/**
 * Writes analysed reports into a Lucene index ({@link Schema}). Each report is written as one block (its report
 * document and all its paragraph documents) that replaces any earlier version with the same report id, so re-running
 * on the same files never duplicates, and a changed file replaces its old version. Nothing is visible to readers until
 * {@link #commit()}; each commit is atomic, so a process killed half-way leaves the last committed index searchable.
 * Thread-safe: several threads may call {@link #index} at once.
 */
public final class ReportIndexer implements Closeable {
    static final FieldType TEXT_TYPE = new FieldType();
    /** The text field indexed from tokens already known (stored beside it as a {@link StoredField}). */
    private static final FieldType TOKENS_TYPE = new FieldType();

    static {
        TEXT_TYPE.setTokenized(true);
        TEXT_TYPE.setStored(true);
        TEXT_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT_TYPE.freeze();
        TOKENS_TYPE.setTokenized(true);
        TOKENS_TYPE.setStored(false);
        TOKENS_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TOKENS_TYPE.freeze();
    }


    private final Directory dir;
    private final IndexWriter writer;
    private final FacetsConfig facets = Schema.facetsConfig();
    private final Segmenter segmenter;

    private ReportIndexer(Directory dir, IndexWriter writer, Segmenter segmenter) {
        this.dir = dir;
        this.writer = writer;
        this.segmenter = segmenter;
    }

    /**
     * Opens the index in {@code folder} for writing, creating it when absent.
     *
     * @throws IndexException {@link IndexException.Kind#LOCKED} when another process writes to it,
     *                        {@link IndexException.Kind#IO} when it cannot be opened
     */
    public static ReportIndexer open(Path folder, Segmenter segmenter) {
        Directory dir = null;
        try {
            dir = FSDirectory.open(folder);
            IndexWriterConfig cfg = new IndexWriterConfig(new HanlpAnalyzer(segmenter, true))
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setCommitOnClose(false)
                    .setRAMBufferSizeMB(64);
            return new ReportIndexer(dir, new IndexWriter(dir, cfg), segmenter);
        } catch (LockObtainFailedException e) {
            closeQuietly(dir);
            throw new IndexException(IndexException.Kind.LOCKED, "索引 " + folder + " 正被另一个进程写入（"
                    + e.getMessage() + "）。请等其结束后再运行", e);
        } catch (IOException e) {
            closeQuietly(dir);
            throw new IndexException(IndexException.Kind.IO, "无法打开索引 " + folder + "：" + e.getMessage()
                    + "。请检查文件夹权限与磁盘空间；索引损坏时可删除该文件夹后重新运行 analyze", e);
        }
    }

    /**
     * Adds or replaces a report. A document whose file could not be analysed is not written, so a version indexed
     * by an earlier run stays searchable. A paragraph whose sentences carry the pipeline's tokens is indexed from
     * them ({@link Segmenter#indexTokens}); one without (e.g. read back from JSON) is segmented by the analyzer.
     *
     * @return true when the report was written
     * @throws IndexException when writing fails
     */
    public boolean index(ReportDocument doc) {
        if (!doc.ok()) {
            return false;
        }
        List<Document> block = new ArrayList<>(doc.paragraphs().size() + 1);
        try {
            block.add(facets.build(reportDocument(doc)));
            for (Paragraph p : doc.paragraphs()) {
                block.add(facets.build(paragraphDocument(doc, p, segmenter)));
            }
            writer.updateDocuments(new Term(Schema.REPORT_ID, doc.id()), block);
            return true;
        } catch (IOException e) {
            throw new IndexException(IndexException.Kind.IO, "写入索引失败（" + doc.source() + "）：" + e.getMessage(), e);
        }
    }

    /**
     * The documents {@link #index} writes for a report, before facet encoding: the report document first, then one
     * per paragraph, every {@link Schema} field stored; a paragraph whose tokens are known carries them as the token
     * stream of its (unstored) text field. Another engine (SolrCloud) indexes from these, so that it holds exactly
     * what the embedded index holds.
     *
     * @param segmenter the segmenter the embedded index uses (index-mode parts of the pipeline's words)
     * @return the documents, or an empty list for a document whose file could not be analysed
     */
    public static List<Document> documents(ReportDocument doc, Segmenter segmenter) {
        if (!doc.ok()) {
            return List.of();
        }
        List<Document> block = new ArrayList<>(doc.paragraphs().size() + 1);
        block.add(reportDocument(doc));
        for (Paragraph p : doc.paragraphs()) {
            block.add(paragraphDocument(doc, p, segmenter));
        }
        return block;
    }

    /**
     * Removes every report whose id is not in {@code keep} ({@code --prune}: files that were deleted from the input).
     *
     * @return the ids removed
     */
    public Set<String> prune(Set<String> keep) {
        Set<String> removed = new LinkedHashSet<>();
        for (String id : indexedReports().keySet()) {
            if (!keep.contains(id)) {
                removed.add(id);
            }
        }
        try {
            for (String id : removed) {
                writer.deleteDocuments(new Term(Schema.REPORT_ID, id));
            }
        } catch (IOException e) {
            throw new IndexException(IndexException.Kind.IO, "删除旧报告失败：" + e.getMessage(), e);
        }
        return removed;
    }

    /** @return report id → SHA-256 of every report in the last committed index and this writer's pending changes */
    public Map<String, String> indexedReports() {
        Map<String, String> out = new HashMap<>();
        try (DirectoryReader r = DirectoryReader.open(writer)) {
            IndexSearcher s = new IndexSearcher(r);
            TermQuery q = new TermQuery(new Term(Schema.TYPE, Schema.TYPE_REPORT));
            for (ScoreDoc sd : s.search(q, Math.max(1, r.maxDoc())).scoreDocs) {
                Document d = s.storedFields().document(sd.doc, Set.of(Schema.REPORT_ID, Schema.SHA256));
                out.put(d.get(Schema.REPORT_ID), d.get(Schema.SHA256));
            }
        } catch (IOException e) {
            throw new IndexException(IndexException.Kind.IO, "读取索引失败：" + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Makes everything written so far visible to searchers, atomically.
     *
     * @throws IndexException when the commit fails (the previous commit stays intact)
     */
    public void commit() {
        try {
            writer.commit();
        } catch (IOException e) {
            throw new IndexException(IndexException.Kind.IO, "提交索引失败：" + e.getMessage()
                    + "。上一次成功提交的索引仍可检索", e);
        }
    }

    /** Commits and releases the index. */
    @Override
    public void close() throws IOException {
        try {
            if (writer.isOpen()) {
                writer.commit();
                writer.close();
            }
        } finally {
            dir.close();
        }
    }

    private static Document reportDocument(ReportDocument doc) {
        Document d = common(doc, Schema.TYPE_REPORT, doc.id());
        Counts c = Counts.sum(doc.paragraphs().stream().filter(p -> !p.heading()).map(Paragraph::counts).toList());
        scores(d, c);
        Set<Flag> flags = new LinkedHashSet<>();
        doc.paragraphs().forEach(p -> flags.addAll(Flag.of(doc, p)));
        flags.forEach(f -> keyword(d, Schema.FLAG, f.id()));
        d.add(new NumericDocValuesField(Schema.PARAGRAPH, -1));
        d.add(new StoredField(Schema.PARAGRAPH, -1));
        return d;
    }

    private static Document paragraphDocument(ReportDocument doc, Paragraph p, Segmenter segmenter) {
        Document d = common(doc, Schema.TYPE_PARAGRAPH, doc.id() + "#p" + p.index());
        List<Segmenter.SearchToken> tokens = knownTokens(p, segmenter);
        if (tokens == null) {
            d.add(new Field(Schema.TEXT, p.text(), TEXT_TYPE));
        } else {
            d.add(new StoredField(Schema.TEXT, p.text()));
            d.add(new Field(Schema.TEXT, new SearchTokenStream(tokens, p.text().length()), TOKENS_TYPE));
        }
        keyword(d, Schema.CATEGORY, p.category().id());
        Section s = p.section() >= 0 && p.section() < doc.sections().size() ? doc.sections().get(p.section()) : null;
        List<Category> kinds = s == null ? List.of() : s.kinds();
        if (kinds.isEmpty()) {
            keyword(d, Schema.SECTION, "unknown");
        }
        kinds.forEach(k -> keyword(d, Schema.SECTION, k.id()));
        d.add(new StoredField(Schema.SECTION_HEADING, s == null ? "" : s.heading()));
        Flag.of(doc, p).forEach(f -> keyword(d, Schema.FLAG, f.id()));
        d.add(new NumericDocValuesField(Schema.PARAGRAPH, p.index()));
        d.add(new StoredField(Schema.PARAGRAPH, p.index()));
        d.add(new StoredField(Schema.START, p.start()));
        d.add(new StoredField(Schema.END, p.end()));
        d.add(new StoredField(Schema.CONFIDENCE, p.confidence()));
        d.add(new StoredField(Schema.HEADING, p.heading() ? 1 : 0));
        scores(d, p.counts());
        return d;
    }

    /** @return the paragraph's index tokens from its sentences' tokens, or null when it has none to use */
    private static List<Segmenter.SearchToken> knownTokens(Paragraph p, Segmenter segmenter) {
        if (p.sentences() == null || p.sentences().isEmpty()) {
            return null;
        }
        List<org.shuzhi.pipeline.model.Token> all = new ArrayList<>();
        for (org.shuzhi.pipeline.model.Sentence s : p.sentences()) {
            if (s.tokens() == null || s.tokens().isEmpty()) {
                return null;
            }
            all.addAll(s.tokens());
        }
        return segmenter.indexTokens(p.text(), p.start(), all);
    }

    private static Document common(ReportDocument doc, String type, String id) {
        Document d = new Document();
        d.add(new StringField(Schema.ID, id, Field.Store.YES));
        d.add(new StringField(Schema.TYPE, type, Field.Store.YES));
        d.add(new StringField(Schema.REPORT_ID, doc.id(), Field.Store.YES));
        d.add(new SortedDocValuesField(Schema.REPORT_ID, new BytesRef(doc.id())));
        d.add(new StringField(Schema.SOURCE, doc.source(), Field.Store.YES));
        d.add(new StringField(Schema.SHA256, doc.sha256(), Field.Store.YES));
        keyword(d, Schema.UNIT, doc.unit());
        if (doc.unit() != null) {
            d.add(new SortedDocValuesField(Schema.UNIT, new BytesRef(doc.unit())));
        }
        keyword(d, Schema.SECRETARY, doc.secretary());
        keyword(d, Schema.SECTOR, doc.metadata().extra().get("sector"));
        keyword(d, Schema.DOC_TYPE, doc.docType().id());
        Assessment a = doc.assessment();
        keyword(d, Schema.LEVEL, a.level().id());
        if (a.assessed()) {
            d.add(new StringField(Schema.PROFILE, a.profile(), Field.Store.YES));
        }
        if (a.overall() != null) {
            d.add(new StoredField(Schema.SCORE, a.overall()));
            d.add(new DoubleDocValuesField(Schema.SCORE, a.overall()));
        }
        Integer year = doc.year();
        if (year != null) {
            d.add(new IntPoint(Schema.YEAR, year));
            d.add(new StoredField(Schema.YEAR, year));
            d.add(new StringField(Schema.YEAR, year.toString(), Field.Store.NO));
            d.add(new NumericDocValuesField(Schema.YEAR, year));
            d.add(new SortedSetDocValuesFacetField(Schema.YEAR, year.toString()));
        }
        return d;
    }

    private static void scores(Document d, Counts c) {
        d.add(new StoredField(Schema.CHARS, c.chars()));
        d.add(new StoredField(Schema.CONCRETENESS, c.concretePer100()));
        d.add(new DoubleDocValuesField(Schema.CONCRETENESS, c.concretePer100()));
        d.add(new StoredField(Schema.VAGUENESS, c.vaguePer100()));
        d.add(new DoubleDocValuesField(Schema.VAGUENESS, c.vaguePer100()));
    }

    /** A keyword field that is stored, searchable and a facet; null or blank values are skipped. */
    private static void keyword(Document d, String field, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        d.add(new StringField(field, value, Field.Store.YES));
        d.add(new SortedSetDocValuesFacetField(field, value));
    }

    private static void closeQuietly(Directory dir) {
        try {
            if (dir != null) {
                dir.close();
            }
        } catch (IOException ignored) {
            // already failing; the first error is the one reported
        }
    }
}
