package org.shuzhi.app.render;

import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.TreeMap;
import org.shuzhi.pipeline.model.Comparison;
import org.shuzhi.pipeline.model.Comparison.Anachronism;
import org.shuzhi.pipeline.model.Comparison.CopiedPassage;
import org.shuzhi.pipeline.model.Comparison.YearOverYearMatch;
import org.shuzhi.pipeline.model.DocType;
import org.shuzhi.pipeline.model.Paragraph;
import org.shuzhi.pipeline.model.ParagraphFlag;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.model.SourceKind;
import org.shuzhi.pipeline.model.Span;

/**
 * The pages of the pre-meeting comparison (issue 6 item 4), rendered with Pebble (autoescaping, inline CSS, no
 * script, no CDN):
 *
 * <ul>
 *   <li>{@code yoy/<unit>.html}: the unit's reports side by side by year. Problems that recur are chained across the
 *       years and each chain has its own colour and number, in a table at the top (年年在 when a chain spans three
 *       years or more) and in the texts; repeated plans, plans kept, copied passages (with their source) and
 *       anachronisms are marked as well;</li>
 *   <li>{@code yoy/index.html}: the units, with their chains and copy ratios;</li>
 *   <li>{@code copies/<reportId>__<sourceId>.html}: a report and one source side by side (全文对照), the shared
 *       passages numbered on both sides.</li>
 * </ul>
 * Thread-safe.
 */
public final class YearOverYearPages {
    private static final int COLOURS = 8;

    private final PebbleTemplate unitTemplate;
    private final PebbleTemplate indexTemplate;
    private final PebbleTemplate pairTemplate;

    public YearOverYearPages() {
        unitTemplate = Templates.load("templates/yoy-unit.peb");
        indexTemplate = Templates.load("templates/yoy-index.peb");
        pairTemplate = Templates.load("templates/copy-pair.peb");
    }

    /** A paragraph with its marks. */
    public record ParaView(int index, String category, String label, boolean heading,
                           List<Highlighter.Run> runs, List<String> flags) {
    }

    /** One report of a unit page. */
    public record Column(int year, String title, String href, String secretary, List<ParaView> paragraphs) {
    }

    /** A cell of a chain table: the item of one year, or empty. */
    public record Cell(String text, String similarity, String note) {
    }

    /** A chain of items repeated across the years. */
    public record ChainRow(int number, String css, String status, int years, List<Cell> cells) {
    }

    /** An earlier plan and this year's achievement that reports it done. */
    public record KeptRow(int previousYear, String plan, int year, String done, String similarity) {
    }

    /** Copy ratios of one report. */
    public record CopyRow(int year, String href, String copyRatio, String recycledRatio, String largest,
                          String largestHref, List<SourceLink> sources) {
    }

    /** A source with its side-by-side page. */
    public record SourceLink(String label, String kind, String href, String ratio) {
    }

    /** An anachronism of one report. */
    public record AnachronismRow(int year, String text, String detail) {
    }

    /** A row of the unit index. */
    public record UnitRow(String unit, String href, String years, String secretaries, int chains, int everyYear,
                          String maxCopy, String maxRecycled, int anachronisms, String scores, String repeated) {
    }

    /** A passage of a side-by-side page. */
    public record PairRow(int number, String text, String sourceText, int chars, String similarity) {
    }

    /**
     * @param reports   all documents of the run (with their comparison)
     * @param templates the template texts
     * @return page path relative to the output folder ({@code yoy/…}, {@code copies/…}) → HTML
     */
    public Map<String, String> render(List<ReportDocument> reports, List<ReportDocument> templates) {
        Map<String, ReportDocument> byId = new HashMap<>();
        reports.forEach(d -> byId.put(d.id(), d));
        templates.forEach(t -> byId.put(t.id(), t));
        Map<String, List<ReportDocument>> units = new TreeMap<>();
        for (ReportDocument d : reports) {
            String u = unitOf(d);
            if (u != null) {
                units.computeIfAbsent(u, k -> new ArrayList<>()).add(d);
            }
        }
        Map<String, String> pages = new LinkedHashMap<>();
        List<UnitRow> rows = new ArrayList<>();
        for (Map.Entry<String, List<ReportDocument>> u : units.entrySet()) {
            UnitPage page = unitPage(u.getKey(), u.getValue());
            pages.put(page.path(), page.html());
            rows.add(page.row());
        }
        pages.put(INDEX, indexPage(rows));
        for (ReportDocument d : reports) {
            pages.putAll(copyPages(d, byId::get));
        }
        return pages;
    }

    /** The unit index page, relative to the output folder. */
    public static final String INDEX = "yoy/index.html";

    /**
     * @param path relative to the output folder ({@code yoy/<unit>.html})
     * @param html the page
     * @param row  the unit's row in the index page
     */
    public record UnitPage(String path, String html, UnitRow row) {
    }

    /**
     * @return the unit whose year-over-year page shows {@code d} (stripped), or null when it is on none: it failed, is
     *         not a report, has no unit or year, or was not compared
     */
    public static String unitOf(ReportDocument d) {
        return d.ok() && d.docType() == DocType.REPORT && d.unit() != null && d.year() != null
                && d.comparison().compared() ? d.unit().strip() : null;
    }

    /**
     * @param unit a unit ({@link #unitOf})
     * @param docs its reports (any order)
     * @return its page and index row
     */
    public UnitPage unitPage(String unit, List<ReportDocument> docs) {
        List<ReportDocument> ds = new ArrayList<>(docs);
        ds.sort(Comparator.comparing(ReportDocument::year).thenComparing(ReportDocument::id));
        List<UnitRow> rows = new ArrayList<>(1);
        String html = unitPage(unit, ds, rows);
        return new UnitPage("yoy/" + ComparisonView.unitFile(unit), html, rows.get(0));
    }

    /** @return the unit index page ({@link #INDEX}) of these rows (any order) */
    public String indexPage(List<UnitRow> units) {
        List<UnitRow> rows = new ArrayList<>(units);
        rows.sort(Comparator.comparingInt(UnitRow::everyYear).reversed().thenComparing(
                Comparator.comparingInt(UnitRow::chains).reversed()).thenComparing(UnitRow::unit));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("units", rows);
        return Templates.render(indexTemplate, m);
    }

    /**
     * @param d       a compared document
     * @param sources finds a source document (report or template) by id; null when unknown (no page)
     * @return the side-by-side pages of {@code d} with each source it shares passages with: path ({@code copies/…})
     *         → HTML; empty when it was not compared
     */
    public Map<String, String> copyPages(ReportDocument d, Function<String, ReportDocument> sources) {
        Map<String, String> pages = new LinkedHashMap<>();
        if (!d.ok() || !d.comparison().compared()) {
            return pages;
        }
        Set<String> ids = new LinkedHashSet<>();
        d.comparison().passages().forEach(p -> ids.add(p.sourceId()));
        for (String s : ids) {
            ReportDocument src = sources.apply(s);
            if (src != null) {
                pages.put("copies/" + ComparisonView.copyFile(d.id(), s), pairPage(d, src));
            }
        }
        return pages;
    }

    // ---- unit page --------------------------------------------------------------------------------------------

    private record Node(int column, Span span, String text, String previousSimilarity) {
    }

    private String unitPage(String unit, List<ReportDocument> ds, List<UnitRow> rows) {
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < ds.size(); i++) {
            column.put(ds.get(i).id(), i);
        }
        List<List<Node>> problemChains = chains(ds, column, YearOverYearMatch.Kind.REPEATED_PROBLEM);
        List<List<Node>> planChains = chains(ds, column, YearOverYearMatch.Kind.REPEATED_PLAN);
        List<List<Highlighter.Mark>> marks = new ArrayList<>();
        ds.forEach(d -> marks.add(new ArrayList<>()));
        List<ChainRow> problems = chainRows(problemChains, ds, marks, "ch", "问题链");
        List<ChainRow> plans = chainRows(planChains, ds, marks, "pc", "打算链");
        List<KeptRow> kept = new ArrayList<>();
        List<CopyRow> copies = new ArrayList<>();
        List<AnachronismRow> anachronisms = new ArrayList<>();
        Set<String> secretaries = new LinkedHashSet<>();
        List<String> notes = new ArrayList<>();
        double maxCopy = 0;
        double maxRecycled = 0;
        for (int i = 0; i < ds.size(); i++) {
            ReportDocument d = ds.get(i);
            Comparison c = d.comparison();
            if (d.secretary() != null) {
                secretaries.add(d.secretary());
            }
            for (YearOverYearMatch m : c.yearOverYear(YearOverYearMatch.Kind.PLAN_KEPT)) {
                kept.add(new KeptRow(m.previousYear(), m.previousText(), d.year(), m.text(),
                        ComparisonView.fmt(m.similarity())));
                marks.get(i).add(new Highlighter.Mark(m.span(), "kept", "兑现 " + m.previousYear() + " 年的打算：“"
                        + abbreviate(m.previousText(), 60) + "”（相似度 " + ComparisonView.fmt(m.similarity()) + "）"));
            }
            for (CopiedPassage p : c.passages()) {
                boolean own = p.sourceKind() == SourceKind.OWN_EARLIER_YEAR;
                marks.get(i).add(new Highlighter.Mark(p.span(), own ? "cpr" : "cpo", (own ? "照搬往年：" : "抄自")
                        + ComparisonView.sourceLabel(p) + "（" + p.chars() + " 字，相似度 "
                        + ComparisonView.fmt(p.similarity()) + "）"));
            }
            for (Anachronism a : c.anachronisms()) {
                anachronisms.add(new AnachronismRow(d.year(), a.span().of(d.text()), a.detail()));
                marks.get(i).add(new Highlighter.Mark(a.span(), "anach", "时代错位：" + a.detail()));
            }
            Map<String, Comparison.SourceShare> shares = new LinkedHashMap<>();
            c.copyStats().sources().forEach(s -> shares.putIfAbsent(s.sourceId(), s));
            List<SourceLink> links = new ArrayList<>();
            for (Comparison.SourceShare s : shares.values()) {
                links.add(new SourceLink((s.sourceKind() == SourceKind.TEMPLATE ? "范文：" : "")
                        + (s.sourceUnit() == null ? s.sourceId() : s.sourceUnit())
                        + (s.sourceYear() == null ? "" : " " + s.sourceYear() + " 年"), s.sourceKind().label(),
                        "../copies/" + ComparisonView.copyFile(d.id(), s.sourceId()), ComparisonView.pct(s.ratio())));
            }
            String largest = c.copyStats().largestSourceId() == null ? "—"
                    : shares.get(c.copyStats().largestSourceId()) == null ? c.copyStats().largestSourceId()
                    : links.get(new ArrayList<>(shares.keySet()).indexOf(c.copyStats().largestSourceId())).label()
                    + "（" + ComparisonView.pct(c.copyStats().largestSourceRatio()) + "）";
            copies.add(new CopyRow(d.year(), "../html/" + d.id() + ".html",
                    ComparisonView.pct(c.copyStats().copyRatio()), ComparisonView.pct(c.copyStats().recycledRatio()),
                    largest, c.copyStats().largestSourceId() == null ? null
                    : "../copies/" + ComparisonView.copyFile(d.id(), c.copyStats().largestSourceId()), links));
            maxCopy = Math.max(maxCopy, c.copyStats().copyRatio());
            maxRecycled = Math.max(maxRecycled, c.copyStats().recycledRatio());
            for (Comparison.Link l : c.links()) {
                if (!l.sameUnit()) {
                    notes.add(d.year() + " 年述职人 " + d.secretary() + " 另有 " + l.year() + " 年在“" + l.unit()
                            + "”的述职报告：" + l.reportId());
                }
            }
        }
        if (secretaries.size() > 1) {
            notes.add(0, "本单位述职人有变动：" + String.join(" → ", secretaries) + "；换人后的报告仍与往年对比。");
        }
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < ds.size(); i++) {
            ReportDocument d = ds.get(i);
            List<ParaView> ps = new ArrayList<>();
            for (Paragraph p : d.paragraphs()) {
                if (p.text().isBlank()) {
                    continue;
                }
                List<String> flags = d.comparison().flags(p.index()).stream().map(ParagraphFlag::label).toList();
                ps.add(new ParaView(p.index(), p.category().id(), p.category().label(), p.heading(),
                        Highlighter.runs(d.text(), p.start(), p.end(), marks.get(i)), flags));
            }
            columns.add(new Column(d.year(), HtmlReport.title(d), "../html/" + d.id() + ".html",
                    d.secretary() == null ? "—" : d.secretary(), ps));
        }
        int everyYear = (int) problems.stream().filter(r -> r.years() >= 3).count();
        UnitTrend trend = UnitTrend.of(ds);
        rows.add(new UnitRow(unit, ComparisonView.unitFile(unit), String.join("、", ds.stream()
                .map(d -> String.valueOf(d.year())).distinct().toList()), String.join(" → ", secretaries),
                problems.size(), everyYear, ComparisonView.pct(maxCopy), ComparisonView.pct(maxRecycled),
                anachronisms.size(), trend.scoreLine(), trend.repeatedLine()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unit", unit);
        m.put("columns", columns);
        m.put("problems", problems);
        m.put("plans", plans);
        m.put("kept", kept);
        m.put("copies", copies);
        m.put("anachronisms", anachronisms);
        m.put("notes", notes);
        m.put("everyYear", everyYear);
        m.put("colours", COLOURS);
        m.put("trend", trend.points());
        m.put("comparable", trend.comparable());
        m.put("chart", trend.chartJson());
        return Templates.render(unitTemplate, m);
    }

    /** @return the chains (connected items) of matches of one kind among the unit's reports, by first column */
    private static List<List<Node>> chains(List<ReportDocument> ds, Map<String, Integer> column,
                                           YearOverYearMatch.Kind kind) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        org.shuzhi.pipeline.compare.UnionFind<String> sets = new org.shuzhi.pipeline.compare.UnionFind<>();
        for (int i = 0; i < ds.size(); i++) {
            ReportDocument d = ds.get(i);
            for (YearOverYearMatch m : d.comparison().yearOverYear(kind)) {
                Integer j = column.get(m.previousReportId());
                if (j == null) {
                    continue;
                }
                String a = i + "@" + m.span().start();
                String b = j + "@" + m.previousSpan().start();
                nodes.put(a, new Node(i, m.span(), m.text(), ComparisonView.fmt(m.similarity())
                        + (m.verbatim() ? "（原文照抄）" : "")));
                nodes.putIfAbsent(b, new Node(j, m.previousSpan(), m.previousText(), null));
                sets.union(a, b);
            }
        }
        Map<String, List<Node>> groups = new LinkedHashMap<>();
        nodes.forEach((k, n) -> groups.computeIfAbsent(sets.find(k), x -> new ArrayList<>()).add(n));
        List<List<Node>> out = new ArrayList<>(groups.values());
        out.forEach(g -> g.sort(Comparator.comparingInt(Node::column).thenComparing(Node::span)));
        out.sort(Comparator.comparingInt((List<Node> g) -> -(int) g.stream().map(Node::column).distinct().count())
                .thenComparingInt(g -> g.get(0).column()).thenComparing(g -> g.get(0).span()));
        return out;
    }

    private static List<ChainRow> chainRows(List<List<Node>> chains, List<ReportDocument> ds,
                                            List<List<Highlighter.Mark>> marks, String css, String name) {
        List<ChainRow> rows = new ArrayList<>();
        for (int c = 0; c < chains.size(); c++) {
            List<Node> chain = chains.get(c);
            List<Integer> ys = chain.stream().map(n -> ds.get(n.column()).year()).distinct().sorted().toList();
            int years = ys.size();
            String status = (years >= 3 ? "年年在：" : "重复出现：")
                    + String.join("、", ys.stream().map(String::valueOf).toList()) + " 年（共 " + years + " 个年度）";
            String cls = css + (c % COLOURS);
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i < ds.size(); i++) {
                StringBuilder text = new StringBuilder();
                String sim = null;
                for (Node n : chain) {
                    if (n.column() == i) {
                        text.append(text.length() == 0 ? "" : " / ").append(n.text());
                        sim = sim == null ? n.previousSimilarity() : sim;
                        marks.get(i).add(new Highlighter.Mark(n.span(), cls, name + " " + (c + 1) + "：" + status));
                    }
                }
                cells.add(new Cell(text.toString(), sim, coverageNote(ds.get(i), chain, ds)));
            }
            rows.add(new ChainRow(c + 1, cls, status, years, cells));
        }
        return rows;
    }

    /** @return a note when the report says last year's item of the chain was rectified although it recurs */
    private static String coverageNote(ReportDocument d, List<Node> chain, List<ReportDocument> ds) {
        for (Comparison.ProblemCoverage pc : d.comparison().coverage()) {
            for (Node n : chain) {
                if (pc.previousReportId().equals(ds.get(n.column()).id()) && pc.previousSpan().equals(n.span())
                        && pc.status() == Comparison.ProblemCoverage.Status.ADDRESSED && pc.repeated()) {
                    return "整改说明“" + pc.text() + "”提到此问题（共同词语：" + String.join("、", pc.sharedTerms())
                            + "），但今年仍作为问题提出（年年改、年年在）";
                }
            }
        }
        return null;
    }

    // ---- side-by-side page --------------------------------------------------------------------------------------

    private String pairPage(ReportDocument d, ReportDocument src) {
        List<Highlighter.Mark> a = new ArrayList<>();
        List<Highlighter.Mark> b = new ArrayList<>();
        List<PairRow> rows = new ArrayList<>();
        CopiedPassage first = null;
        int n = 0;
        for (CopiedPassage p : d.comparison().passages()) {
            if (!p.sourceId().equals(src.id())) {
                continue;
            }
            n++;
            first = first == null ? p : first;
            String why = "第 " + n + " 处（" + p.chars() + " 字，相似度 " + ComparisonView.fmt(p.similarity()) + "）";
            a.add(new Highlighter.Mark(p.span(), "cp" + ((n - 1) % COLOURS), why));
            b.add(new Highlighter.Mark(p.sourceSpan(), "cp" + ((n - 1) % COLOURS), why));
            rows.add(new PairRow(n, abbreviate(p.text(), 120), abbreviate(p.sourceText(), 120), p.chars(),
                    ComparisonView.fmt(p.similarity())));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", HtmlReport.title(d));
        m.put("href", "../html/" + d.id() + ".html");
        m.put("sourceTitle", HtmlReport.title(src));
        // a report source has a page of its own (every report is published in the run), a template has none; decided by
        // the kind, not by whether the source happens to be published already when this page is rendered
        boolean sourcePage = first != null ? first.sourceKind() != org.shuzhi.pipeline.model.SourceKind.TEMPLATE
                : src.comparison().compared();
        m.put("sourceHref", sourcePage ? "../html/" + src.id() + ".html" : null);
        m.put("kind", first == null ? "" : first.sourceKind().label() + "，" + ComparisonView.direction(first)
                + (first.directionEvidence().isEmpty() ? "" : "；依据：" + String.join("；", first.directionEvidence())));
        m.put("rows", rows);
        m.put("left", paragraphs(d, a));
        m.put("right", paragraphs(src, b));
        m.put("docId", d.id());
        m.put("sourceId", src.id());
        m.put("docName", ReportName.of(d));
        m.put("sourceName", ReportName.of(src));
        return Templates.render(pairTemplate, m);
    }

    private static List<ParaView> paragraphs(ReportDocument d, List<Highlighter.Mark> marks) {
        List<ParaView> ps = new ArrayList<>();
        for (Paragraph p : d.paragraphs()) {
            if (!p.text().isBlank()) {
                ps.add(new ParaView(p.index(), p.category().id(), p.category().label(), p.heading(),
                        Highlighter.runs(d.text(), p.start(), p.end(), marks), List.of()));
            }
        }
        return ps;
    }

    private static String abbreviate(String s, int n) {
        String t = s.replace('\n', ' ');
        return t.length() <= n ? t : t.substring(0, n) + "…";
    }

}
