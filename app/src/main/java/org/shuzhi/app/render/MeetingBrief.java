package org.shuzhi.app.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.shuzhi.pipeline.model.Comparison;
import org.shuzhi.pipeline.model.Comparison.CopiedPassage;
import org.shuzhi.pipeline.model.Comparison.Direction;
import org.shuzhi.pipeline.model.Comparison.ProblemCoverage;
import org.shuzhi.pipeline.model.Comparison.YearOverYearMatch;
import org.shuzhi.pipeline.model.Paragraph;
import org.shuzhi.pipeline.model.QualityLevel;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.model.SourceKind;
import org.shuzhi.pipeline.model.Span;

/**
 * The brief for a 述职评议会 (issue 14 item 5): for the meeting's reports — the latest year of each unit in the run —
 * the findings that matter at the meeting and two or three questions (提问) per unit, each built from a template
 * filled with one finding and pointing to its evidence. Only facts the per-report JSON holds are used (comparison and
 * assessment; nothing is analysed again). A copied passage is called 抄用 only when its {@code direction} is
 * {@link Direction#TAKEN}; text shared with no known direction is stated as 相同文字，方向不明; text others took
 * from the report is not held against it. Units are ranked by a priority (weights in {@link Fact.Kind}), highest
 * first, so the units that most need questions come first.
 *
 * @param meeting the meeting's name (a value of the manifest column {@code analyze --meeting-column} names), or null
 *                when the meeting is the whole run
 * @param year    the meeting's year (latest year among its reports), or null when there is none
 * @param units   the units, ranked
 * @param skipped reports of the run not in the brief (no unit or year, or an earlier year of a unit), count
 */
public record MeetingBrief(String meeting, Integer year, List<UnitBrief> units, int skipped) {

    /** Defensive copy. */
    public MeetingBrief {
        units = List.copyOf(units);
    }

    /** Where a fact stands: a paragraph of a report. */
    public record Evidence(String reportId, int year, int paragraph, String text) {
        /** @return the link to the paragraph in the report's analysis page, relative to the output folder */
        public String href() {
            return "html/" + reportId + ".html" + (paragraph >= 0 ? "#p" + paragraph : "");
        }

        /** @return e.g. {@code 2024年报告第12段} */
        public String label() {
            return year + "年报告" + (paragraph >= 0 ? "第" + (paragraph + 1) + "段" : "");
        }
    }

    /**
     * A finding of one report, with the data that makes it true.
     *
     * @param kind      what it is
     * @param reportId  the report the finding is about
     * @param index     index of the backing entry: into {@code comparison.yearOverYear} (repeated problem, repeated
     *                  plan), {@code comparison.coverage} (coverage kinds), {@code comparison.passages} (copy kinds:
     *                  the first passage of that source), {@code comparison.sharedTemplates} (shared template), {@code comparison.openPromises}
     *                  (open promise), or -1 (level)
     * @param sourceId  the source report or template (copy kinds), or null
     * @param chars     字数 of the passages (copy kinds), else 0
     * @param ratio     the share of the report's 字数 the statement names (copy kinds), 0–1, else 0
     * @param years     the years the finding spans (repeated problem: all years of the chain, ascending)
     * @param statement the sentence shown, Chinese
     * @param evidence  where it stands
     */
    public record Fact(Kind kind, String reportId, int index, String sourceId, int chars, double ratio,
                       List<Integer> years, String statement, List<Evidence> evidence) {
        /** Defensive copies. */
        public Fact {
            years = List.copyOf(years);
            evidence = List.copyOf(evidence);
        }

        /** Kinds of finding, with their weight in the unit's priority. */
        public enum Kind {
            /** A problem present in three or more years. */
            EVERY_YEAR_PROBLEM("年年在", 5),
            /** The rectification statement says last year's problem was dealt with, yet it is listed again. */
            RECTIFIED_BUT_REPEATED("称已整改仍出现", 4),
            /** A problem already reported in an earlier year. */
            REPEATED_PROBLEM("问题重复出现", 3),
            /** Text taken from another unit's report or a template (direction known). */
            COPIED("抄用他人文字", 3),
            /** Text taken from the unit's own earlier report. */
            RECYCLED("照搬往年", 2),
            /** A passage in three or more units' reports that no template of the library holds. */
            SHARED_TEMPLATE("疑似共同范文", 2),
            /** A plan already promised in an earlier year. */
            REPEATED_PLAN("打算重复许诺", 2),
            /** A concrete plan of the previous report that this report does not mention at all. */
            OPEN_PROMISE("上年承诺未见下文", 2),
            /** Last year's problem not mentioned in this year's rectification statement. */
            NOT_MENTIONED("上年问题未交代整改", 1),
            /** Text also in another report, direction unknown. */
            SHARED_TEXT("相同文字（方向不明）", 1),
            /** The text-quality level. */
            LEVEL("文本质量档次", 0);

            private final String label;
            private final int weight;

            Kind(String label, int weight) {
                this.label = label;
                this.weight = weight;
            }

            /** @return the Chinese label */
            public String label() {
                return label;
            }

            /** @return the weight in the priority */
            public int weight() {
                return weight;
            }
        }
    }

    /** A question a reviewer can put to the secretary, built from one fact (its premise). */
    public record Question(String text, Fact premise) {
    }

    /**
     * One unit of the meeting.
     *
     * @param rank      1-based
     * @param priority  sum of the weights of its facts plus the level's (需重写 3, 需修改 1), capped per kind
     * @param reasons   what the priority is made of, Chinese
     */
    public record UnitBrief(int rank, String unit, String secretary, int year, String reportId, String title,
                            String level, String score, int priority, List<String> reasons, List<Integer> years,
                            List<Fact> facts, List<Question> questions) {
        /** Defensive copies. */
        public UnitBrief {
            reasons = List.copyOf(reasons);
            years = List.copyOf(years);
            facts = List.copyOf(facts);
            questions = List.copyOf(questions);
        }

        /** @return the file of the unit's year-over-year page in {@code yoy/} */
        public String yoyFile() {
            return ComparisonView.unitFile(unit);
        }
    }

    /** @return the title of the brief, e.g. 述职评议会提问参考：第一组（2025年度） */
    public String title() {
        return "述职评议会提问参考" + (meeting == null ? "" : "：" + meeting) + (year == null ? "" : "（" + year + "年度）");
    }

    /** Questions per unit at most. */
    public static final int QUESTIONS = 3;
    /** Shared text (direction unknown) below this 字数 is not a finding for the meeting. */
    public static final int MIN_SHARED_CHARS = 50;

    /**
     * @param meeting the meeting's name, or null for the whole run
     * @param units   unit → its reports (each compared and assessed, any order); the latest year's is the one the
     *                meeting reviews, the earlier ones give the problem chains and years
     * @param others  reports of the meeting on no unit page
     * @return the brief, units ranked
     */
    public static MeetingBrief of(String meeting, Map<String, List<ReportDocument>> units, int others) {
        Map<String, ReportDocument> byId = new LinkedHashMap<>();
        units.values().forEach(ds -> ds.forEach(d -> byId.put(d.id(), d)));
        List<UnitBrief> briefs = new ArrayList<>();
        int skipped = others;
        for (Map.Entry<String, List<ReportDocument>> u : units.entrySet()) {
            briefs.add(unit(u.getKey(), u.getValue(), byId::get));
            skipped += u.getValue().size() - 1;
        }
        return ranked(meeting, briefs, skipped);
    }

    /**
     * The brief of one unit, not yet ranked ({@link UnitBrief#rank()} 0): its latest year's report is the one the
     * meeting reviews (same-year duplicates, one text in two formats: the first by id), the earlier ones give the
     * problem chains and years.
     *
     * @param reports the unit's reports, compared and assessed, any order, at least one
     * @param byId    a report by id (earlier reports a problem chain leads to), or null when it is not in the
     *                meeting
     */
    public static UnitBrief unit(String unit, List<ReportDocument> reports, Function<String, ReportDocument> byId) {
        List<ReportDocument> ds = new ArrayList<>(reports);
        ds.sort(Comparator.comparing(ReportDocument::year).thenComparing(ReportDocument::id));
        int latest = ds.get(ds.size() - 1).year();
        ReportDocument d = ds.stream().filter(x -> x.year() == latest).findFirst().orElseThrow();
        return unit(unit, d, ds, byId);
    }

    /**
     * Ranks the units' briefs (priority, then unit name) into a meeting's brief.
     *
     * @param meeting the meeting's name, or null for the whole run
     * @param units   the units' briefs from {@link #unit(String, List, Function)}
     * @param skipped reports of the meeting not reviewed (earlier years, duplicates, reports on no unit page)
     */
    public static MeetingBrief ranked(String meeting, List<UnitBrief> units, int skipped) {
        List<UnitBrief> out = new ArrayList<>(units);
        out.sort(Comparator.comparingInt(UnitBrief::priority).reversed().thenComparing(UnitBrief::unit));
        Integer meetingYear = out.stream().map(UnitBrief::year).max(Integer::compare).orElse(null);
        List<UnitBrief> ranked = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            UnitBrief b = out.get(i);
            ranked.add(new UnitBrief(i + 1, b.unit(), b.secretary(), b.year(), b.reportId(), b.title(), b.level(),
                    b.score(), b.priority(), b.reasons(), b.years(), b.facts(), b.questions()));
        }
        return new MeetingBrief(meeting, meetingYear, ranked, skipped);
    }

    private static UnitBrief unit(String unit, ReportDocument d, List<ReportDocument> ds,
                                  Function<String, ReportDocument> byId) {
        Comparison c = d.comparison();
        List<Fact> facts = new ArrayList<>();
        Set<String> chained = new HashSet<>();
        for (int i = 0; i < c.yearOverYear().size(); i++) {
            YearOverYearMatch m = c.yearOverYear().get(i);
            if (m.kind() == YearOverYearMatch.Kind.REPEATED_PROBLEM) {
                if (!chained.add(m.span().toString())) {
                    continue; // one item matched to two earlier items: one finding
                }
                List<Evidence> ev = new ArrayList<>();
                ev.add(new Evidence(d.id(), d.year(), m.paragraph(), m.text()));
                List<Integer> years = chainYears(d, m, byId, ev);
                boolean every = years.size() >= 3;
                facts.add(new Fact(every ? Fact.Kind.EVERY_YEAR_PROBLEM : Fact.Kind.REPEATED_PROBLEM, d.id(), i,
                        null, 0, 0, years, "问题“" + cut(m.text(), 60) + "”在" + yearList(years) + "年述职中均作为问题提出"
                        + (m.verbatim() ? "（与" + m.previousYear() + "年原文相同）" : "（与" + m.previousYear()
                        + "年相似度 " + ComparisonView.fmt(m.similarity()) + "）") + (every ? "，年年在" : ""), ev));
            } else if (m.kind() == YearOverYearMatch.Kind.REPEATED_PLAN) {
                facts.add(new Fact(Fact.Kind.REPEATED_PLAN, d.id(), i, null, 0, 0, List.of(m.previousYear(), d.year()),
                        "打算“" + cut(m.text(), 60) + "”在" + m.previousYear() + "年述职中已作为打算提出，今年再次列入",
                        List.of(new Evidence(d.id(), d.year(), m.paragraph(), m.text()),
                                new Evidence(m.previousReportId(), m.previousYear(), m.previousParagraph(),
                                        m.previousText()))));
            }
        }
        for (int i = 0; i < c.coverage().size(); i++) {
            ProblemCoverage pc = c.coverage().get(i);
            Evidence prev = new Evidence(pc.previousReportId(), pc.previousYear(), pc.previousParagraph(),
                    pc.problem());
            if (pc.status() == ProblemCoverage.Status.ADDRESSED && pc.repeated()) {
                facts.add(new Fact(Fact.Kind.RECTIFIED_BUT_REPEATED, d.id(), i, null, 0, 0,
                        List.of(pc.previousYear(), d.year()), "整改说明写道“" + cut(pc.text(), 50) + "”，但" + pc.previousYear()
                        + "年查摆的问题“" + cut(pc.problem(), 40) + "”今年仍作为问题提出",
                        List.of(new Evidence(d.id(), d.year(), pc.paragraph(), pc.text()), prev)));
            } else if (pc.status() == ProblemCoverage.Status.NOT_MENTIONED && !pc.repeated()) {
                facts.add(new Fact(Fact.Kind.NOT_MENTIONED, d.id(), i, null, 0, 0,
                        List.of(pc.previousYear(), d.year()), pc.previousYear() + "年查摆的问题“" + cut(pc.problem(), 50)
                        + "”在今年的整改说明中未提及", List.of(prev)));
            }
        }
        copyFacts(d, facts);
        for (int i = 0; i < c.sharedTemplates().size(); i++) {
            Comparison.SharedTemplate t = c.sharedTemplates().get(i);
            List<String> others = t.units().stream().filter(x -> !x.equals(unit)).toList();
            facts.add(new Fact(Fact.Kind.SHARED_TEMPLATE, d.id(), i, null, 0, 0, List.of(d.year()),
                    "“" + cut(t.text(), 50) + "”一段与" + String.join("、", others) + "的报告文字相同，范文库中没有"
                    + "（疑似共同范文）",
                    List.of(new Evidence(d.id(), d.year(), t.paragraph(), t.text()))));
        }
        for (int i = 0; i < c.openPromises().size(); i++) {
            Comparison.OpenPromise o = c.openPromises().get(i);
            facts.add(new Fact(Fact.Kind.OPEN_PROMISE, d.id(), i, null, 0, 0, List.of(o.previousYear(), d.year()),
                    o.previousYear() + "年报告中的打算“" + cut(o.previousText(), 60) + "”在今年的报告中未见下文（其关键词"
                    + String.join("、", o.keyWords()) + "在今年的报告中均未出现）",
                    List.of(new Evidence(o.previousReportId(), o.previousYear(), o.previousParagraph(),
                            o.previousText()))));
        }
        QualityLevel level = d.assessment().level();
        String score = d.assessment().overall() == null ? "—" : String.format(Locale.ROOT, "%.1f",
                d.assessment().overall());
        List<String> reasons = new ArrayList<>();
        int priority = 0;
        Map<Fact.Kind, Integer> perKind = new TreeMap<>();
        facts.forEach(f -> perKind.merge(f.kind(), 1, Integer::sum));
        for (Map.Entry<Fact.Kind, Integer> e : perKind.entrySet()) {
            int n = Math.min(e.getValue(), 3);
            if (e.getKey().weight() > 0) {
                priority += n * e.getKey().weight();
                reasons.add(e.getKey().label() + " " + e.getValue() + " 项");
            }
        }
        int lw = level == QualityLevel.REWRITE ? 3 : level == QualityLevel.REVISE ? 1 : 0;
        priority += lw;
        if (lw > 0) {
            reasons.add("文本质量：" + level.label());
        }
        if (level != QualityLevel.NONE) {
            List<String> why = d.assessment().levelReasons();
            facts.add(new Fact(Fact.Kind.LEVEL, d.id(), -1, null, 0, 0, List.of(d.year()), "文本质量档次：" + level.label()
                    + "（综合得分 " + score + "）" + (why.size() > 2 ? "；" + why.get(2) : ""),
                    List.of(new Evidence(d.id(), d.year(), -1, ""))));
        }
        facts.sort(Comparator.comparingInt((Fact f) -> -f.kind().weight()));
        List<Question> questions = new ArrayList<>();
        for (Fact f : facts) {
            String q = question(f, level, d);
            if (q != null && questions.size() < QUESTIONS
                    && questions.stream().noneMatch(x -> x.premise().kind() == f.kind())) {
                questions.add(new Question(q, f));
            }
        }
        for (Fact f : facts) { // a second question of a kind only when the other kinds did not fill the list
            String q = question(f, level, d);
            if (q != null && questions.size() < Math.min(2, QUESTIONS)
                    && questions.stream().noneMatch(x -> x.premise() == f)) {
                questions.add(new Question(q, f));
            }
        }
        return new UnitBrief(0, unit, d.secretary() == null ? "—" : d.secretary(), d.year(), d.id(),
                HtmlReport.title(d), level.label(), score, priority, reasons,
                ds.stream().map(ReportDocument::year).distinct().toList(), facts, questions);
    }

    /** Per source: passages taken from others, taken from own earlier years, or shared with no known direction. */
    private static void copyFacts(ReportDocument d, List<Fact> facts) {
        Comparison c = d.comparison();
        Map<String, int[]> taken = new LinkedHashMap<>(); // source → {first passage index, chars}
        Map<String, int[]> unknown = new LinkedHashMap<>();
        for (int i = 0; i < c.passages().size(); i++) {
            CopiedPassage p = c.passages().get(i);
            Map<String, int[]> m = p.direction() == Direction.TAKEN ? taken
                    : p.direction() == Direction.UNKNOWN ? unknown : null;
            if (m != null) {
                int at = i;
                m.computeIfAbsent(p.sourceId(), k -> new int[] {at, 0})[1] += p.chars();
            }
        }
        int total = c.copyStats().chars();
        for (Map.Entry<String, int[]> e : taken.entrySet()) {
            CopiedPassage first = c.passages().get(e.getValue()[0]);
            double ratio = total == 0 ? 0 : (double) e.getValue()[1] / total;
            boolean own = first.sourceKind() == SourceKind.OWN_EARLIER_YEAR;
            String src = ComparisonView.sourceLabel(first);
            facts.add(new Fact(own ? Fact.Kind.RECYCLED : Fact.Kind.COPIED, d.id(), e.getValue()[0], e.getKey(),
                    e.getValue()[1], ratio, first.sourceYear() == null ? List.of(d.year())
                    : List.of(first.sourceYear(), d.year()),
                    (own ? "照搬本单位往年报告：" : "抄用") + src + "的文字 " + e.getValue()[1] + " 字，占全文 "
                    + ComparisonView.pct1(ratio) + (first.directionEvidence().isEmpty() ? ""
                    : "（方向依据：" + first.directionEvidence().get(0) + "）"), passages(d, e.getKey())));
        }
        for (Map.Entry<String, int[]> e : unknown.entrySet()) {
            if (e.getValue()[1] < MIN_SHARED_CHARS) {
                continue;
            }
            CopiedPassage first = c.passages().get(e.getValue()[0]);
            double ratio = total == 0 ? 0 : (double) e.getValue()[1] / total;
            facts.add(new Fact(Fact.Kind.SHARED_TEXT, d.id(), e.getValue()[0], e.getKey(), e.getValue()[1], ratio,
                    List.of(d.year()), "与" + ComparisonView.sourceLabel(first) + "有相同文字 " + e.getValue()[1]
                    + " 字（占全文 " + ComparisonView.pct1(ratio) + "），方向不明", passages(d, e.getKey())));
        }
    }

    private static List<Evidence> passages(ReportDocument d, String source) {
        List<Evidence> ev = new ArrayList<>();
        for (CopiedPassage p : d.comparison().passages()) {
            if (p.sourceId().equals(source) && ev.size() < 3) {
                ev.add(new Evidence(d.id(), d.year(), paragraphOf(d, p.span()), p.text()));
            }
        }
        return ev;
    }

    /** @return the question of a fact, or null when the fact asks none */
    static String question(Fact f, QualityLevel level, ReportDocument d) {
        return switch (f.kind()) {
            case EVERY_YEAR_PROBLEM -> "该问题在" + yearList(f.years()) + "年述职中均作为问题提出，已出现 " + f.years().size()
                    + " 个年度，始终没有解决的根本原因是什么？今年的措施与往年有什么不同？";
            case REPEATED_PROBLEM -> "该问题在" + yearList(f.years().subList(0, f.years().size() - 1))
                    + "年述职中已经查摆，今年再次出现，上一年的整改为何没有见效？";
            case RECTIFIED_BUT_REPEATED -> "整改说明称已针对该问题整改，但今年仍把它列为问题：整改是否真正到位？请举出可检验的结果。";
            case NOT_MENTIONED -> f.years().get(0) + "年查摆的这一问题，今年的整改说明没有交代，整改情况如何？";
            case REPEATED_PLAN -> "这项打算在" + f.years().get(0) + "年已作出，今年再次承诺：去年落实到什么程度？这次如何确保兑现？";
            case OPEN_PROMISE -> f.years().get(0) + "年报告作出的这项承诺，今年的报告没有提到：落实了没有？请说明进展和可检验的结果。";
            case COPIED -> "报告中有 " + f.chars() + " 字抄用自" + source(f, d)
                    + "，这些内容哪些是本单位实际做的工作？请举出具体事例和数据。";
            case RECYCLED -> "报告中有 " + f.chars() + " 字与本单位" + f.years().get(0) + "年述职报告相同（占全文 "
                    + ComparisonView.pct1(f.ratio()) + "），今年的工作有哪些新的进展？";
            case SHARED_TEMPLATE -> "这段文字与其他单位的报告相同、来源不明，是否出自共同的范文？它是否反映本单位的实际情况？";
            case SHARED_TEXT -> "报告中有 " + f.chars() + " 字与" + source(f, d) + "相同（无法判断谁先写），这部分内容是否本人撰写、是否符合本单位实际？";
            case LEVEL -> level == QualityLevel.REWRITE || level == QualityLevel.REVISE
                    ? "述职报告文本质量为“" + level.label() + "”，未按通知要求撰写的原因是什么？" : null;
        };
    }

    private static String source(Fact f, ReportDocument d) {
        return ComparisonView.sourceLabel(d.comparison().passages().get(f.index()));
    }

    /** @return the years of the problem chain ending in {@code m}, ascending; adds the earlier items' evidence */
    private static List<Integer> chainYears(ReportDocument d, YearOverYearMatch m, Function<String, ReportDocument> byId,
                                            List<Evidence> ev) {
        TreeSet<Integer> years = new TreeSet<>();
        years.add(d.year());
        Set<String> seen = new HashSet<>();
        YearOverYearMatch cur = m;
        while (cur != null && seen.add(cur.previousReportId() + "@" + cur.previousSpan())) {
            years.add(cur.previousYear());
            ev.add(new Evidence(cur.previousReportId(), cur.previousYear(), cur.previousParagraph(),
                    cur.previousText()));
            ReportDocument prev = byId.apply(cur.previousReportId());
            YearOverYearMatch next = null;
            if (prev != null) {
                for (YearOverYearMatch x : prev.comparison().yearOverYear(YearOverYearMatch.Kind.REPEATED_PROBLEM)) {
                    if (overlaps(x.span(), cur.previousSpan())) {
                        next = x;
                        break;
                    }
                }
            }
            cur = next;
        }
        return List.copyOf(years);
    }

    private static boolean overlaps(Span a, Span b) {
        return a.start() < b.end() && b.start() < a.end();
    }

    static int paragraphOf(ReportDocument d, Span s) {
        for (Paragraph p : d.paragraphs()) {
            if (p.start() <= s.start() && s.start() < p.end()) {
                return p.index();
            }
        }
        return -1;
    }

    static String yearList(List<Integer> years) {
        return String.join("、", years.stream().map(String::valueOf).toList());
    }

    private static String cut(String s, int n) {
        String t = s.replace('\n', ' ').strip();
        return t.length() <= n ? t : t.substring(0, n) + "…";
    }
}
