package org.shuzhi.app.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.shuzhi.pipeline.model.Category;
import org.shuzhi.pipeline.model.Comparison.YearOverYearMatch;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.run.Stages;

/**
 * A unit's figures across its years (issue 14 item 4), one point per report, read from what the per-report JSON holds
 * (never re-analysed): the overall quality score ({@code assessment.overall}), the shares of 字数 of the four main
 * categories (paragraph {@code counts.chars} over the cleaned text's 字数, as in {@code summary.csv}), the number of
 * repeated-problem matches ({@code comparison.yearOverYear}, kind {@code repeated-problem}), and the copied and
 * recycled shares ({@code comparison.copyStats}).
 *
 * @param points one per report, by year then id
 */
public record UnitTrend(List<Point> points) {

    /**
     * @param reportId          the report
     * @param year              its year
     * @param label             the x-axis label: the year, or year and file when a year has several reports
     * @param score             overall score 0–100, or null when not assessed
     * @param achievementShare  share of 字数, 0–1
     * @param problemShare      share of 字数, 0–1
     * @param causeShare        share of 字数, 0–1
     * @param planShare         share of 字数, 0–1
     * @param repeatedProblems  problem items matched to an earlier year's problem
     * @param copyRatio         0–1, {@code copyStats.copyRatio}
     * @param recycledRatio     0–1, {@code copyStats.recycledRatio}
     */
    public record Point(String reportId, int year, String label, Double score, double achievementShare,
                        double problemShare, double causeShare, double planShare, int repeatedProblems,
                        double copyRatio, double recycledRatio) {

        /** @return a percentage with one decimal for the chart, e.g. 12.3 */
        static double pct(double v) {
            return Math.round(v * 1000) / 10.0;
        }
    }

    /** Defensive copy. */
    public UnitTrend {
        points = List.copyOf(points);
    }

    /** @return the trend of one unit's reports (any order; each with its comparison and assessment) */
    public static UnitTrend of(List<ReportDocument> docs) {
        List<ReportDocument> ds = new ArrayList<>(docs);
        ds.sort(Comparator.comparing(ReportDocument::year).thenComparing(ReportDocument::id));
        List<Point> points = new ArrayList<>();
        for (ReportDocument d : ds) {
            long sameYear = ds.stream().filter(x -> x.year().equals(d.year())).count();
            int total = Stages.charCount(d.text());
            points.add(new Point(d.id(), d.year(), sameYear > 1 ? d.year() + "（" + d.source() + "）"
                    : String.valueOf(d.year()), d.assessment().overall(), share(d, Category.ACHIEVEMENT, total),
                    share(d, Category.PROBLEM, total), share(d, Category.CAUSE, total), share(d, Category.PLAN, total),
                    d.comparison().yearOverYear(YearOverYearMatch.Kind.REPEATED_PROBLEM).size(),
                    d.comparison().copyStats().copyRatio(), d.comparison().copyStats().recycledRatio()));
        }
        return new UnitTrend(points);
    }

    /** @return share of 字数 of the paragraphs of one category, 0–1 */
    public static double share(ReportDocument d, Category c, int total) {
        if (total == 0) {
            return 0;
        }
        return (double) d.paragraphs().stream().filter(p -> p.category() == c).mapToInt(p -> p.counts().chars())
                .sum() / total;
    }

    /** @return true when there are at least two distinct years to compare */
    public boolean comparable() {
        return points.stream().map(Point::year).distinct().count() > 1;
    }

    /** @return the series as ECharts wants them (labels and numbers only; inserted as JSON in the page) */
    public String chartJson() {
        StringBuilder b = new StringBuilder("{\"labels\":[");
        join(b, points.stream().map(p -> "\"" + p.label().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .toList());
        b.append("],\"score\":[");
        join(b, points.stream().map(p -> p.score() == null ? "null" : num(p.score())).toList());
        b.append("],\"repeated\":[");
        join(b, points.stream().map(p -> String.valueOf(p.repeatedProblems())).toList());
        series(b, "achievement", points.stream().map(Point::achievementShare).toList());
        series(b, "problem", points.stream().map(Point::problemShare).toList());
        series(b, "cause", points.stream().map(Point::causeShare).toList());
        series(b, "plan", points.stream().map(Point::planShare).toList());
        series(b, "copy", points.stream().map(Point::copyRatio).toList());
        series(b, "recycled", points.stream().map(Point::recycledRatio).toList());
        return b.append("]}").toString();
    }

    /** @return one line per year for the unit index: {@code 2023：44.1 → 2024：45.5} */
    public String scoreLine() {
        return String.join(" → ", points.stream().map(p -> p.label() + "：" + (p.score() == null ? "—"
                : num(p.score()))).toList());
    }

    /** @return the repeated-problem counts per year, e.g. {@code 2023：0 → 2024：3} */
    public String repeatedLine() {
        return String.join(" → ", points.stream().map(p -> p.label() + "：" + p.repeatedProblems()).toList());
    }

    private static void series(StringBuilder b, String name, List<Double> values) {
        b.append("],\"").append(name).append("\":[");
        join(b, values.stream().map(v -> num(Point.pct(v))).toList());
    }

    private static void join(StringBuilder b, List<String> xs) {
        b.append(String.join(",", xs));
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
