package org.shuzhi.app.render;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Locale;
import org.shuzhi.pipeline.model.Category;
import org.shuzhi.pipeline.model.Counts;
import org.shuzhi.pipeline.model.DocType;
import org.shuzhi.pipeline.model.FailureKind;
import org.shuzhi.pipeline.model.Paragraph;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.model.StableId;
import org.shuzhi.pipeline.run.Stages;

/**
 * One row of {@code summary.csv} and of the index page: one input file. Shares are of 字数 (default counting rule),
 * formatted as percentages with no decimals; counts are whole numbers; empty cells for unknown values.
 */
@JsonPropertyOrder({"id", "source", "status", "failureKind", "failureMessage", "docType", "unit", "secretary", "year",
        "chars", "paragraphs", "sections", "achievementShare", "problemShare", "causeShare", "planShare",
        "selfAssessmentShare", "rectificationShare", "numbers", "entities", "vagueTerms", "forbiddenVague",
        "emptyPhrases", "firstPerson", "collective", "deflecting", "watermarks", "placeholders", "spunSynonyms"})
public record SummaryRow(String id, String source, String status, String failureKind, String failureMessage,
                         String docType, String unit, String secretary, String year, int chars, int paragraphs,
                         int sections, String achievementShare, String problemShare, String causeShare,
                         String planShare, String selfAssessmentShare, String rectificationShare, int numbers,
                         int entities, int vagueTerms, int forbiddenVague, int emptyPhrases, int firstPerson,
                         int collective, int deflecting, int watermarks, int placeholders, int spunSynonyms) {

    /** @return the row of a finished document */
    public static SummaryRow of(ReportDocument d) {
        int chars = Stages.charCount(d.text());
        Counts c = Counts.sum(d.paragraphs().stream().map(Paragraph::counts).toList());
        return new SummaryRow(d.id(), d.source(), d.ok() ? "ok" : "failed",
                d.ok() ? "" : d.failure().kind().id(), d.ok() ? "" : d.failure().message(),
                d.docType().id(), nz(d.unit()), nz(d.secretary()),
                d.year() == null ? "" : d.year().toString(), chars, d.paragraphs().size(),
                Math.max(0, d.sections().size() - 1), share(d, Category.ACHIEVEMENT, chars),
                share(d, Category.PROBLEM, chars), share(d, Category.CAUSE, chars), share(d, Category.PLAN, chars),
                share(d, Category.SELF_ASSESSMENT, chars), share(d, Category.RECTIFICATION, chars), c.numbers(),
                c.entities(), c.vagueTerms(), c.forbiddenVague(), c.emptyPhrases(), c.firstPerson(), c.collective(),
                c.deflecting(), count(d, "watermark"), (int) d.flags().stream()
                        .filter(f -> f.list().equals("placeholders")).count(), count(d, "spun-synonym"));
    }

    /** @return the report's name for links: unit and year, else the file name ({@link ReportName}) */
    @JsonIgnore
    public String name() {
        return ReportName.of(unit, year.isEmpty() ? null : Integer.valueOf(year), source);
    }

    /** @return 成功 or 失败 */
    @JsonIgnore
    public String statusLabel() {
        return "ok".equals(status) ? "成功" : "失败";
    }

    /** @return the document type's Chinese label (述职报告, 通知方案…) */
    @JsonIgnore
    public String docTypeLabel() {
        try {
            return StableId.fromId(DocType.class, docType).label();
        } catch (IllegalArgumentException | NullPointerException e) {
            return docType == null ? "" : docType;
        }
    }

    /** @return the failure kind's Chinese description (文件为空或没有可读文字…), empty for a readable file */
    @JsonIgnore
    public String failureLabel() {
        try {
            return failureKind == null || failureKind.isEmpty() ? "" : FailureKind.fromId(failureKind).message();
        } catch (IllegalArgumentException e) {
            return failureKind;
        }
    }

    private static int count(ReportDocument d, String kind) {
        return (int) d.cleaning().stream().filter(e -> e.kind().equals(kind)).count();
    }

    private static String share(ReportDocument d, Category c, int total) {
        if (!d.ok() || total == 0) {
            return "";
        }
        int n = d.paragraphs().stream().filter(p -> p.category() == c).mapToInt(p -> p.counts().chars()).sum();
        return String.format(Locale.ROOT, "%.0f%%", 100.0 * n / total);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
