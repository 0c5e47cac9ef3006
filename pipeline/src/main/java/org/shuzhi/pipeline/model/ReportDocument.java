package org.shuzhi.pipeline.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The central data object: one input file and everything the stages found in it, in the manner of CoreNLP's
 * annotations or spaCy's {@code Doc}. Immutable; each stage returns an enriched copy. All spans are half-open UTF-16
 * offsets into {@link #text()}, the cleaned text.
 *
 * <p>A document whose file could not be read has a non-null {@link #failure()}, empty text and no paragraphs; it is
 * still part of the batch so that the run summary and outputs list it.
 *
 * @param id         stable report id derived from the source path (file-name safe, unique within a run)
 * @param source     path of the file relative to the input folder, with {@code /} separators
 * @param sha256     hex SHA-256 of the file's bytes
 * @param bytes      the file's size in bytes
 * @param extraction what extraction found (media type, encoding, pages, notes)
 * @param metadata   unit, secretary, year and their origins
 * @param docType    the document type
 * @param docTypeDecision the type's confidence and evidence
 * @param text       the cleaned text (paragraphs separated by {@code \n})
 * @param cleaning   every change cleaning made
 * @param flags      document-level hits, e.g. unfilled template placeholders (list {@code placeholders}) and the
 *                   watermark evidence (list {@code watermarks}, span = where the removed text stood)
 * @param sections   sections in document order
 * @param paragraphs paragraphs in document order
 * @param failure    why the file could not be analysed, or null
 * @param warnings   Chinese notes that do not stop the analysis (e.g. 未识别到任何标题)
 * @param comparison what the corpus-level comparison found (year over year, copies); {@link Comparison#NONE} until
 *                   the corpus phase has run
 * @param assessment the quality analysis against the report's notice profile; {@link Assessment#NONE} until assessed
 */
@JsonPropertyOrder({"contractVersion", "id", "source", "docType", "unit", "secretary", "year", "failure"})
@JsonIgnoreProperties(value = {"contractVersion"}, allowGetters = true)
public record ReportDocument(String id, String source, String sha256, long bytes, Extraction extraction,
                             Metadata metadata, DocType docType, DocTypeDecision docTypeDecision, String text,
                             List<CleaningEdit> cleaning, List<TermMatch> flags, List<Section> sections,
                             List<Paragraph> paragraphs, Failure failure, List<String> warnings,
                             Comparison comparison, Assessment assessment) {

    /**
     * The version of the JSON contract (README, "JSON contract"), written as the top-level {@code contractVersion}.
     * 2: one id convention, kebab-case lower ({@link StableId}); 1 (no field): some ids in snake or upper case.
     */
    public static final int CONTRACT_VERSION = 2;

    /** @return {@link #CONTRACT_VERSION}; not read back (a document read from JSON is held in the current contract) */
    @JsonProperty("contractVersion")
    public int contractVersion() {
        return CONTRACT_VERSION;
    }

    /** A new document for a file, before extraction. */
    public static ReportDocument of(String id, String source, String sha256, long bytes) {
        return new ReportDocument(id, source, sha256, bytes, Extraction.NONE, Metadata.NONE, DocType.UNKNOWN,
                DocTypeDecision.UNKNOWN, "", List.of(), List.of(), List.of(), List.of(), null, List.of(), Comparison.NONE,
                Assessment.NONE);
    }

    /** @return the unit's name, or null */
    @JsonProperty("unit")
    public String unit() {
        return metadata.unit().value();
    }

    /** @return the secretary's name, or null */
    @JsonProperty("secretary")
    public String secretary() {
        return metadata.secretary().value();
    }

    /** @return the year, or null */
    @JsonProperty("year")
    public Integer year() {
        return metadata.yearNumber();
    }

    /** @return true when the file was read and analysed */
    @JsonIgnore
    public boolean ok() {
        return failure == null;
    }

    public ReportDocument withFailure(Failure f) {
        return new ReportDocument(id, source, sha256, bytes, extraction, metadata, docType, docTypeDecision, "",
                List.of(), List.of(), List.of(), List.of(), f, warnings, comparison, assessment);
    }

    public ReportDocument withExtraction(Extraction e, String rawText) {
        return new ReportDocument(id, source, sha256, bytes, e, metadata, docType, docTypeDecision, rawText, cleaning,
                flags, sections, paragraphs, failure, warnings, comparison, assessment);
    }

    public ReportDocument withText(String cleaned, List<CleaningEdit> edits, List<TermMatch> docFlags) {
        return new ReportDocument(id, source, sha256, bytes, extraction, metadata, docType, docTypeDecision, cleaned,
                List.copyOf(edits), List.copyOf(docFlags), sections, paragraphs, failure, warnings, comparison, assessment);
    }

    public ReportDocument withMetadata(Metadata m) {
        return new ReportDocument(id, source, sha256, bytes, extraction, m, docType, docTypeDecision, text, cleaning,
                flags, sections, paragraphs, failure, warnings, comparison, assessment);
    }

    public ReportDocument withDocType(DocTypeDecision d) {
        return new ReportDocument(id, source, sha256, bytes, extraction, metadata, d.type(), d, text, cleaning, flags,
                sections, paragraphs, failure, warnings, comparison, assessment);
    }

    public ReportDocument withStructure(List<Section> s, List<Paragraph> p) {
        return new ReportDocument(id, source, sha256, bytes, extraction, metadata, docType, docTypeDecision, text,
                cleaning, flags, List.copyOf(s), List.copyOf(p), failure, warnings, comparison, assessment);
    }

    public ReportDocument withWarning(String w) {
        List<String> ws = new java.util.ArrayList<>(warnings);
        ws.add(w);
        return new ReportDocument(id, source, sha256, bytes, extraction, metadata, docType, docTypeDecision, text,
                cleaning, flags, sections, paragraphs, failure, List.copyOf(ws), comparison, assessment);
    }

    /** @return a copy with the corpus-level comparison */
    public ReportDocument withComparison(Comparison c) {
        return new ReportDocument(id, source, sha256, bytes, extraction, metadata, docType, docTypeDecision, text,
                cleaning, flags, sections, paragraphs, failure, warnings, c, assessment);
    }

    /** @return a copy with the quality analysis */
    public ReportDocument withAssessment(Assessment a) {
        return new ReportDocument(id, source, sha256, bytes, extraction, metadata, docType, docTypeDecision, text,
                cleaning, flags, sections, paragraphs, failure, warnings, comparison, a);
    }

    /** @return the paragraphs of section {@code s} and of its subsections */
    public List<Paragraph> paragraphsOf(Section s) {
        return paragraphs.stream().filter(p -> s.span().contains(p.span())).toList();
    }
}
