package org.shuzhi.app.quality;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.shuzhi.pipeline.model.Assessment;
import org.shuzhi.pipeline.model.Dimension;
import org.shuzhi.pipeline.model.DimensionScore;
import org.shuzhi.pipeline.model.Finding;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.model.Verdict;

/**
 * One assessed report in the batch summary, taken from {@link ReportDocument#assessment()} only (so the summary equals
 * the per-report JSON).
 *
 * @param id         report id (the JSON and HTML file name)
 * @param source     path relative to the input folder
 * @param unit       unit, or empty
 * @param secretary  secretary, or empty
 * @param year       year, or null
 * @param profile    profile id
 * @param profileName the profile's name: the notice's title (衡阳科院 2025 年度党总支书记述职（…〔2026〕4号）), or null
 * @param level      the text-quality level's Chinese label
 * @param overall    overall score 0–100
 * @param scores     dimension id → score 0–100, null when not assessed
 * @param failed     number of FAIL findings
 * @param warned     number of WARN findings
 * @param failedRules the titles of the FAIL findings (e.g. 成绩部分占比), in finding order
 */
public record QualityRow(String id, String source, String unit, String secretary, Integer year, String profile,
                         String profileName, String level, double overall, Map<String, Double> scores, int failed, int warned,
                         List<String> failedRules) {

    /** @return what users read for the profile: the notice's title, or the id when the title is unknown */
    public String profileTitle() {
        return profileName == null || profileName.isBlank() ? profile : profileName;
    }

    /** @return the report's name: unit and year, else the file name */
    public String name() {
        return org.shuzhi.app.render.ReportName.of(unit, year, source);
    }

    /** @return the row of an assessed document, or null when it was not assessed */
    public static QualityRow of(ReportDocument d) {
        Assessment a = d.assessment();
        if (!a.assessed() || a.overall() == null) {
            return null;
        }
        Map<String, Double> scores = new TreeMap<>();
        for (Dimension dim : Dimension.values()) {
            DimensionScore s = a.score(dim);
            scores.put(dim.id(), s == null ? null : s.score());
        }
        return new QualityRow(d.id(), d.source(), d.unit() == null ? "" : d.unit(),
                d.secretary() == null ? "" : d.secretary(), d.year(), a.profile(), a.profileName(), a.level().label(), a.overall(),
                scores, (int) a.findings().stream().filter(f -> f.verdict() == Verdict.FAIL).count(),
                (int) a.findings().stream().filter(f -> f.verdict() == Verdict.WARN).count(),
                a.findings().stream().filter(f -> f.verdict() == Verdict.FAIL).map(Finding::title).toList());
    }
}
