package org.shuzhi.app.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.shuzhi.pipeline.model.Comparison;
import org.shuzhi.pipeline.model.Comparison.Anachronism;
import org.shuzhi.pipeline.model.Comparison.CopiedPassage;
import org.shuzhi.pipeline.model.Comparison.ProblemCoverage;
import org.shuzhi.pipeline.model.Comparison.YearOverYearMatch;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.model.SourceKind;
import org.shuzhi.pipeline.run.InputFiles;

/**
 * What the per-report page shows of the corpus comparison ({@code templates/comparison.peb}): links to the unit's
 * year-over-year page and the side-by-side pages, the copy ratios, repeated problems and plans, plans kept, coverage
 * of last year's problems and anachronisms. All text is escaped by the template. Paths are relative to
 * {@code <out>/html/}.
 *
 * @param compared      true when the comparison ran on this report
 * @param unitPage      link to the unit's year-over-year page, or null
 * @param links         the same unit's or secretary's reports of other years
 * @param copyRatio     copied from others, e.g. 12%
 * @param recycledRatio from own earlier years, e.g. 35%
 * @param largest       the largest single source (单篇最大复制比), or null
 * @param sections      copy ratios per paragraph category
 * @param matches       repeated problems, repeated plans and plans kept
 * @param coverage      last year's problems and whether the rectification statement names them
 * @param anachronisms  anachronisms
 * @param passages      copied passages
 * @param sharedRatio   same text as another report with no evidence of direction (方向不明), e.g. 9%; empty when 0
 * @param givenRatio    text other reports took from this one, e.g. 22%; empty when 0
 * @param openPromises  last report's concrete plans this report does not mention (上年承诺未见下文)
 * @param shared        this report's passages in a 疑似共同范文 group
 */
public record ComparisonView(boolean compared, String unitPage, List<LinkRow> links, String copyRatio,
                             String recycledRatio, SourceRow largest, List<SectionRow> sections,
                             List<MatchRow> matches, List<CoverageRow> coverage, List<AnachronismRow> anachronisms,
                             List<PassageRow> passages, String sharedRatio, String givenRatio,
                             List<OpenPromiseRow> openPromises, List<SharedRow> shared) {

    /** A linked report. */
    public record LinkRow(String href, int year, String label) {
    }

    /** A source with its share. */
    public record SourceRow(String href, String label, String kind, String ratio) {
    }

    /** Copy ratios of one paragraph category. */
    public record SectionRow(String category, String label, int chars, String copyRatio, String recycledRatio) {
    }

    /** A year-over-year match. */
    public record MatchRow(String kind, String label, String text, int previousYear, String previousHref,
                          String previousText, String similarity, boolean verbatim, String terms) {
    }

    /** A previous-year problem and its coverage. */
    public record CoverageRow(String problem, int previousYear, String status, String statusLabel, String text,
                              String similarity, boolean repeated, String terms) {
    }

    /** An anachronism. */
    public record AnachronismRow(String term, String text, String detail) {
    }

    /** A shared passage; {@code direction} who took it from whom, {@code evidence} why (empty when unknown). */
    public record PassageRow(String text, String kind, String kindLabel, String source, String href, String similarity,
                             int chars, String direction, String evidence) {
    }

    /** A promise of the previous report that this report does not mention, with its key words (none in this report). */
    public record OpenPromiseRow(int previousYear, String previousHref, String text, String keyWords) {
    }

    /** A passage of a 疑似共同范文 group: its group page anchor and the units that share it. */
    public record SharedRow(String group, String href, int paragraph, String text, String units) {
    }

    /** The view of a document that was not compared. */
    static final ComparisonView NONE = new ComparisonView(false, null, List.of(), "", "", null, List.of(), List.of(),
            List.of(), List.of(), List.of(), "", "", List.of(), List.of());

    /** @return the view of {@code doc}'s comparison */
    public static ComparisonView of(ReportDocument doc) {
        Comparison c = doc.comparison();
        if (c == null || !c.compared()) {
            return NONE;
        }
        String unitPage = doc.unit() == null ? null : "../yoy/" + unitFile(doc.unit());
        List<LinkRow> links = c.links().stream().map(l -> new LinkRow(l.reportId() + ".html", l.year(),
                l.year() + " 年" + (l.sameUnit() ? "" : "（" + l.unit() + "）")
                        + (l.sameSecretary() ? "" : "（述职人：" + l.secretary() + "）"))).toList();
        SourceRow largest = c.copyStats().largestSourceId() == null ? null
                : new SourceRow(copyPage(doc.id(), c.copyStats().largestSourceId()),
                c.copyStats().largestSourceId(), c.copyStats().largestSourceKind().label(),
                pct(c.copyStats().largestSourceRatio()));
        List<SectionRow> sections = c.copyStats().sections().stream().map(s -> new SectionRow(s.category().id(),
                s.category().label(), s.chars(), pct(s.copyRatio()), pct(s.recycledRatio()))).toList();
        List<MatchRow> matches = new ArrayList<>();
        for (YearOverYearMatch m : c.yearOverYear()) {
            matches.add(new MatchRow(m.kind().id(), m.kind().label(), m.text(), m.previousYear(),
                    m.previousReportId() + ".html", m.previousText(), fmt(m.similarity()), m.verbatim(),
                    String.join("、", m.sharedTerms().subList(0, Math.min(8, m.sharedTerms().size())))));
        }
        List<CoverageRow> coverage = new ArrayList<>();
        for (ProblemCoverage p : c.coverage()) {
            coverage.add(new CoverageRow(p.problem(), p.previousYear(), p.status().id(), p.status().label(),
                    p.text(), fmt(p.similarity()), p.repeated(), String.join("、", p.sharedTerms())));
        }
        List<AnachronismRow> an = c.anachronisms().stream().map(a -> new AnachronismRow(a.term(),
                a.span().of(doc.text()), a.detail())).toList();
        List<PassageRow> passages = new ArrayList<>();
        for (CopiedPassage p : c.passages()) {
            passages.add(new PassageRow(cut(p.text(), 150), p.sourceKind().id(), p.sourceKind().label(), sourceLabel(p),
                    copyPage(doc.id(), p.sourceId()), fmt(p.similarity()), p.chars(), direction(p),
                    String.join("；", p.directionEvidence())));
        }
        List<OpenPromiseRow> open = c.openPromises().stream().map(o -> new OpenPromiseRow(o.previousYear(),
                o.previousReportId() + ".html#p" + o.previousParagraph(), o.previousText(),
                String.join("、", o.keyWords()))).toList();
        List<SharedRow> shared = c.sharedTemplates().stream().map(t -> new SharedRow(t.group(),
                "../" + BriefPages.SHARED + "#" + t.group(), t.paragraph(), cut(t.text(), 150),
                String.join("、", t.units()))).toList();
        return new ComparisonView(true, unitPage, links, pct(c.copyStats().copyRatio()),
                pct(c.copyStats().recycledRatio()), largest, sections, matches, coverage, an, passages,
                c.copyStats().sharedRatio() > 0 ? pct(c.copyStats().sharedRatio()) : "",
                c.copyStats().givenRatio() > 0 ? pct(c.copyStats().givenRatio()) : "", open, shared);
    }

    private static String cut(String s, int n) {
        String t = s.replace('\n', ' ');
        return t.length() <= n ? t : t.substring(0, n) + "…";
    }

    /** @return who took the passage from whom, as the pages say it */
    static String direction(CopiedPassage p) {
        return switch (p.direction()) {
            case TAKEN -> "本报告取自" + sourceLabel(p);
            case GIVEN -> "相同文字：" + sourceLabel(p) + "取自本报告";
            case UNKNOWN -> "相同文字，方向不明（与" + sourceLabel(p) + "）";
        };
    }

    static String sourceLabel(CopiedPassage p) {
        if (p.sourceKind() == SourceKind.TEMPLATE) {
            return "范文：" + (p.sourceUnit() == null ? p.sourceId() : p.sourceUnit());
        }
        return (p.sourceUnit() == null ? p.sourceId() : p.sourceUnit())
                + (p.sourceYear() == null ? "" : " " + p.sourceYear() + " 年");
    }

    /** @return the file name of a unit's year-over-year page (in {@code <out>/yoy/}) */
    public static String unitFile(String unit) {
        return InputFiles.reportId(unit.strip()) + ".html";
    }

    /** @return the side-by-side page of a report and a source, relative to {@code <out>/html/} */
    static String copyPage(String reportId, String sourceId) {
        return "../copies/" + copyFile(reportId, sourceId);
    }

    /** @return the file name of a side-by-side page (in {@code <out>/copies/}) */
    public static String copyFile(String reportId, String sourceId) {
        return reportId + "__" + sourceId + ".html";
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.0f%%", v * 100);
    }

    /** @return a percentage with one decimal, e.g. {@code 4.2%} */
    static String pct1(double v) {
        return String.format(Locale.ROOT, "%.1f%%", v * 100);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
