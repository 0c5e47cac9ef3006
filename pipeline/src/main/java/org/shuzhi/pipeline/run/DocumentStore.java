package org.shuzhi.pipeline.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import com.fasterxml.jackson.dataformat.smile.SmileGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.shuzhi.pipeline.io.AtomicFiles;
import org.shuzhi.pipeline.model.Paragraph;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.model.Sentence;
import org.shuzhi.pipeline.model.Token;

/**
 * The run's work store of documents: one file {@code <dir>/<id>.sml} per report holding its latest
 * {@link ReportDocument} — as analysed, then as published (with comparison and assessment) — in Jackson's binary
 * Smile form, and beside it {@code <id>.tok} with the tokens of its sentences (the JSON contract leaves them out; in
 * the compact form of {@link TokenFile}, much faster to write and read than Smile), so
 * that the pages across reports read a document without its tokens ({@link #loadWithoutTokens}). The phases after the analysis read documents from
 * here, never from the output JSON, which the run writes once and does not read back.
 *
 * <p>Files are written to a temporary name and renamed ({@link AtomicFiles}); an unreadable file reads as absent.
 * Thread-safe.
 */
public final class DocumentStore {
    /** File name extension of a stored document. */
    public static final String EXTENSION = ".sml";
    /** File name extension of a stored document's tokens. */
    public static final String TOKENS = ".tok";

    /** Jackson in Smile form, as the work store writes it (also {@link ComparisonFiles}). */
    static final ObjectMapper MAPPER = new ObjectMapper(new SmileFactory()
            .enable(SmileGenerator.Feature.CHECK_SHARED_STRING_VALUES))
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            // maps come back in the order the output JSON has them (sorted keys), so pages show them the same way
            .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final ObjectWriter DOC_WRITER = MAPPER.writerFor(ReportDocument.class);
    private static final ObjectReader DOC_READER = MAPPER.readerFor(ReportDocument.class);
    private static final com.fasterxml.jackson.core.type.TypeReference<List<List<List<Token>>>> TOKEN_LISTS =
            new com.fasterxml.jackson.core.type.TypeReference<>() {
            };

    /**
     * A document (as its JSON contract has it, without tokens) and the tokens of each sentence of each paragraph, in
     * order: the {@code .sml} and {@code .tok} files of one report.
     */
    record Stored(ReportDocument doc, List<List<List<Token>>> tokens) {
        static Stored of(ReportDocument d) {
            List<List<List<Token>>> t = new ArrayList<>();
            for (Paragraph p : d.paragraphs() == null ? List.<Paragraph>of() : d.paragraphs()) {
                t.add(p.sentences().stream().map(s -> s.tokens() == null ? List.<Token>of() : s.tokens()).toList());
            }
            return new Stored(d, t);
        }

        ReportDocument document() {
            if (tokens == null || doc.paragraphs() == null || doc.sections() == null
                    || tokens.size() != doc.paragraphs().size()) {
                return doc;
            }
            List<Paragraph> ps = new ArrayList<>(tokens.size());
            for (int i = 0; i < tokens.size(); i++) {
                Paragraph p = doc.paragraphs().get(i);
                List<List<Token>> ts = tokens.get(i);
                if (ts.size() != p.sentences().size()) {
                    ps.add(p);
                    continue;
                }
                List<Sentence> ss = new ArrayList<>(ts.size());
                for (int j = 0; j < ts.size(); j++) {
                    ss.add(p.sentences().get(j).withTokens(ts.get(j)));
                }
                ps.add(p.withSentences(ss));
            }
            return doc.withStructure(doc.sections(), ps);
        }
    }

    private final Path dir;

    /**
     * @param dir the store's folder, created if missing
     * @throws UncheckedIOException if it cannot be created
     */
    public DocumentStore(Path dir) {
        try {
            this.dir = Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("无法创建工作文件夹 " + dir + "：" + e.getMessage(), e);
        }
    }

    /**
     * Stores {@code doc} under its id, replacing an earlier version.
     *
     * @throws UncheckedIOException if it cannot be written
     */
    public void save(ReportDocument doc) {
        Stored s = Stored.of(doc);
        try {
            // tokens first: a document file is never newer than its tokens
            AtomicFiles.write(dir.resolve(doc.id() + TOKENS), TokenFile.encode(s.tokens()));
            AtomicFiles.write(file(doc.id()), DOC_WRITER.writeValueAsBytes(doc));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stores a later version of a document read by {@link #load} whose tokens did not change (its comparison and
     * assessment added): only its {@code .sml} file is rewritten, the tokens file stays as it is.
     *
     * @throws UncheckedIOException if it cannot be written
     */
    public void update(ReportDocument doc) {
        try {
            AtomicFiles.write(file(doc.id()), DOC_WRITER.writeValueAsBytes(doc));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return whether a document is stored under {@code id} */
    public boolean contains(String id) {
        return Files.isRegularFile(file(id));
    }

    /**
     * @return the document stored under {@code id}
     * @throws UncheckedIOException if there is none or it cannot be read
     */
    public ReportDocument load(String id) {
        Path f = file(id);
        try {
            ReportDocument d = DOC_READER.readValue(Files.readAllBytes(f));
            byte[] tokens = Files.readAllBytes(dir.resolve(id + TOKENS));
            List<List<List<Token>>> t = TokenFile.decode(tokens);
            if (t == null) { // a store written by an older build: its tokens are in Smile
                t = MAPPER.readValue(tokens, TOKEN_LISTS);
            }
            return new Stored(d, t).document();
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取工作文件 " + f + "：" + e.getMessage()
                    + "。删除输出文件夹中的 .shuzhi/ 后重新运行 analyze", e);
        }
    }

    /**
     * @return the document stored under {@code id} without the tokens of its sentences (what the pages across
     *         reports need; much faster to read)
     * @throws UncheckedIOException if there is none or it cannot be read
     */
    public ReportDocument loadWithoutTokens(String id) {
        Path f = file(id);
        try {
            return DOC_READER.readValue(Files.readAllBytes(f));
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取工作文件 " + f + "：" + e.getMessage()
                    + "。删除输出文件夹中的 .shuzhi/ 后重新运行 analyze", e);
        }
    }

    /**
     * @return the document stored under {@code id} without its tokens (a source for copy pages), or null when there
     *         is none or it cannot be read
     */
    public ReportDocument find(String id) {
        if (!contains(id)) {
            return null;
        }
        try {
            return DOC_READER.readValue(Files.readAllBytes(file(id)));
        } catch (IOException e) {
            return null;
        }
    }

    private Path file(String id) {
        return dir.resolve(id + EXTENSION);
    }
}
