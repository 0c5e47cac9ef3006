package org.shuzhi.pipeline.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.shuzhi.pipeline.compare.AlignmentCache;
import org.shuzhi.pipeline.compare.FileTextStore;
import org.shuzhi.pipeline.extract.ExtractionLimits;
import org.shuzhi.pipeline.model.Comparison;

/**
 * What {@code analyze} keeps between runs in {@code <out>/.shuzhi/}, so that a re-run — or the run after a crash —
 * redoes only what changed:
 * <ul>
 *   <li>{@code docs/<id>.sml}: the {@link DocumentStore} — each report's latest document (as analysed, then as
 *       published), tokens included; the phases after the analysis read documents from here, not from {@code json/}.</li>
 *   <li>{@code compare/<id>.bin}: the fingerprint store ({@link FileTextStore}) — each analysed report's text,
 *       paragraphs and year-over-year items, stamped with its file's SHA-256 and the {@link #analysisKey}. A file
 *       whose stamp is unchanged (and whose document is in the store) is not analysed again.</li>
 *   <li>{@code templates/<id>.sml}: the template library's texts as analysed; with their records in the fingerprint
 *       store ({@link #templateStamp}) an unchanged template file is not analysed again.</li>
 *   <li>{@code comparisons/<id>.sml}: the {@link ComparisonFiles} — each report's comparison result of the current
 *       run, written by the compare phase and read by the publish phase, so that they do not stay in memory.</li>
 *   <li>{@code published.jsonl}: the {@link PublishLedger}. A report whose {@link #publishKey} is unchanged — same
 *       file, same analysis, same comparison result, same options — and that is in the index is not published
 *       again; a report whose comparison changed because another file changed (a copy source, last year's report)
 *       is.</li>
 *   <li>{@code failed.jsonl}: the {@link FailureLedger}. A file that failed is not parsed again until its content
 *       or the analysis key changes.</li>
 * </ul>
 * The analysis key covers the program build (the jar's size and time), every file of the dictionaries folder, the
 * input's {@code manifest.csv} and the extraction limits; the publish key adds the {@code --profile} option and the
 * comparison. Delete the folder to force a full run.
 */
public final class WorkState {
    /** The work folder's name below the output folder. */
    public static final String DIR = ".shuzhi";
    private static final ObjectMapper KEY_JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final FileTextStore store;
    private final DocumentStore documents;
    private final DocumentStore templates;
    private final ComparisonFiles comparisons;
    private final AlignmentCache alignments;
    private final PublishLedger ledger;
    private final FailureLedger failures;
    private final String analysisKey;
    private final String profile;

    private WorkState(FileTextStore store, DocumentStore documents, DocumentStore templates,
                      ComparisonFiles comparisons, AlignmentCache alignments, PublishLedger ledger, FailureLedger failures, String analysisKey,
                      String profile) {
        this.store = store;
        this.documents = documents;
        this.templates = templates;
        this.comparisons = comparisons;
        this.alignments = alignments;
        this.ledger = ledger;
        this.failures = failures;
        this.analysisKey = analysisKey;
        this.profile = profile;
    }

    /**
     * @param out          the output folder
     * @param dictionaries the dictionaries folder of the run
     * @param input        the input folder (its {@code manifest.csv}, if any, is part of the analysis key)
     * @param limits       the extraction limits
     * @param profile      the {@code --profile} option, or null
     * @param build        what identifies the program build (a new build analyses everything again)
     * @throws UncheckedIOException if the work folder cannot be created or read
     */
    public static WorkState open(Path out, Path dictionaries, Path input, ExtractionLimits limits, String profile,
                                 String build) {
        Path dir = out.resolve(DIR);
        MessageDigest md = sha256();
        update(md, "shuzhi-analysis-1");
        update(md, build);
        update(md, limits.toString());
        try {
            List<Path> files;
            try (Stream<Path> s = Files.walk(dictionaries)) {
                files = s.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                update(md, dictionaries.relativize(f).toString());
                md.update(Files.readAllBytes(f));
            }
            Path manifest = input.resolve("manifest.csv");
            if (Files.isRegularFile(manifest)) {
                md.update(Files.readAllBytes(manifest));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取词表或 manifest.csv：" + e.getMessage(), e);
        }
        String analysisKey = HexFormat.of().formatHex(md.digest());
        return new WorkState(new FileTextStore(dir.resolve("compare")),
                new DocumentStore(dir.resolve("docs")), new DocumentStore(dir.resolve("templates")),
                new ComparisonFiles(dir.resolve("comparisons")),
                AlignmentCache.in(dir.resolve("alignments"), analysisKey),
                PublishLedger.open(dir), FailureLedger.open(dir), analysisKey, profile == null ? "" : profile);
    }

    /** @return the fingerprint store (the comparison's text store) */
    public FileTextStore store() {
        return store;
    }

    /** @return the ledger of files that could not be analysed */
    public FailureLedger failures() {
        return failures;
    }

    /** @return the store of analysed and published documents */
    public DocumentStore documents() {
        return documents;
    }

    /** @return the store of analysed texts of the template library (by template id) */
    public DocumentStore templates() {
        return templates;
    }

    /** @return the stamp of a template's record in the fingerprint store (a template is not published) */
    public String templateStamp(String sha256) {
        return "template:" + stamp(sha256);
    }

    /** @return the comparison results of the current run */
    ComparisonFiles comparisons() {
        return comparisons;
    }

    /** @return the pair alignments of earlier runs */
    AlignmentCache alignments() {
        return alignments;
    }

    /** @return the ledger of published reports */
    public PublishLedger ledger() {
        return ledger;
    }

    /** @return the stamp of a file's record in the fingerprint store */
    public String stamp(String sha256) {
        return analysisKey + ":" + sha256;
    }

    /**
     * @param sha256     the report file's SHA-256
     * @param comparison its comparison, or null when it was not compared
     * @return the key its outputs are published under (hex SHA-256)
     */
    public String publishKey(String sha256, Comparison comparison) {
        MessageDigest md = sha256();
        update(md, stamp(sha256));
        update(md, profile);
        try {
            md.update(KEY_JSON.writeValueAsBytes(comparison));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void update(MessageDigest md, String s) {
        md.update(s.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
