package org.shuzhi.pipeline.assess;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.shuzhi.pipeline.model.Dimension;
import org.shuzhi.pipeline.model.DimensionScore;
import org.shuzhi.pipeline.model.Finding;
import org.shuzhi.pipeline.model.QualityLevel;
import org.shuzhi.pipeline.model.RuleFamily;
import org.shuzhi.pipeline.model.RuleId;
import org.shuzhi.pipeline.model.Verdict;

/**
 * Dimension scores, the overall score and the text-quality level (formulas also in the README, "Scores"):
 * <ul>
 *   <li>dimension score = 100 × the mean {@link Finding#credit()} of the dimension's findings, NOT_APPLICABLE ones
 *       left out; not assessed (null) when none is left;</li>
 *   <li>overall = the weighted mean of the assessed dimension scores, weights {@link #WEIGHTS} renormalised over the
 *       assessed dimensions (plans weigh most: S0, S2 and W9 stress that plans must answer the problems);</li>
 *   <li>level: the score gives a level (overall ≥ 80 → {@link QualityLevel#MEETS}, ≥ 65 → MOSTLY, ≥ 50 → REVISE,
 *       else REWRITE); then the findings cap it (issue 13: the level never contradicts the checks):
 *       <table>
 *         <caption>Level caps</caption>
 *         <tr><th>不符合 (FAIL) findings</th><th>highest level</th></tr>
 *         <tr><td>none</td><td>as the score gives</td></tr>
 *         <tr><td>only soft rules (concreteness, stance, causes, plans, originality, 必答题)</td>
 *             <td>{@link QualityLevel#MOSTLY}: a text with a 不符合 does not "符合要求"</td></tr>
 *         <tr><td>one hard rule (length {@code length.*}, a required part {@code structure.*}, a required share
 *             or budget {@code share.*}, {@code budget.*})</td><td>{@link QualityLevel#MOSTLY}</td></tr>
 *         <tr><td>two or more hard rules (the two readings {@code share.x} / {@code budget.x} of one requirement
 *             count once)</td><td>{@link QualityLevel#REVISE}</td></tr>
 *       </table>
 *       The reasons name the findings that capped the level ({@link Result#cappedBy()}).</li>
 * </ul>
 * The weights and cut-offs are the project's choice (no notice gives any), not a rule of a notice.
 */
public final class QualityScorer {
    /** Weight of each dimension in the overall score, summing to 1. */
    public static final Map<Dimension, Double> WEIGHTS = weights();

    private static Map<Dimension, Double> weights() {
        Map<Dimension, Double> w = new EnumMap<>(Dimension.class);
        w.put(Dimension.STRUCTURE, 0.15);
        w.put(Dimension.PROPORTIONS, 0.15);
        w.put(Dimension.CONCRETENESS, 0.15);
        w.put(Dimension.STANCE, 0.15);
        w.put(Dimension.CAUSES, 0.10);
        w.put(Dimension.PLANS, 0.20);
        w.put(Dimension.ORIGINALITY, 0.10);
        return java.util.Collections.unmodifiableMap(w);
    }

    /** Scores, overall and level with reasons; {@code scoreLevel} before the cap, {@code cappedBy} the capping rules. */
    record Result(List<DimensionScore> scores, Double overall, QualityLevel level, List<String> reasons,
                  QualityLevel scoreLevel, List<RuleId> cappedBy) {
    }

    /** The families of the hard rules: length, required parts, required shares and budgets. */
    static final Set<RuleFamily> HARD = EnumSet.of(RuleFamily.LENGTH, RuleFamily.STRUCTURE, RuleFamily.SHARE,
            RuleFamily.BUDGET);

    /** @return true when {@code f} is a 不符合 on a hard rule */
    static boolean hardFail(Finding f) {
        return f.verdict() == Verdict.FAIL && HARD.contains(f.rule().family());
    }

    Result score(List<Finding> findings) {
        List<DimensionScore> scores = new ArrayList<>();
        double sum = 0;
        double weight = 0;
        for (Dimension d : Dimension.values()) {
            List<Finding> fs = findings.stream().filter(f -> f.dimension() == d
                    && f.verdict() != Verdict.NOT_APPLICABLE).toList();
            List<RuleId> rules = fs.stream().map(Finding::rule).toList();
            if (fs.isEmpty()) {
                scores.add(new DimensionScore(d, null, d == Dimension.ORIGINALITY
                        ? "未与其他报告比对，暂不评估" : "没有可检查的规则，暂不评估", rules));
                continue;
            }
            double mean = fs.stream().mapToDouble(Finding::credit).average().orElse(0);
            double s = Math.round(mean * 1000) / 10.0;
            String formula = String.format(Locale.ROOT, "100 × 各项得分的平均值：%s = %.1f",
                    String.join(" + ", fs.stream().map(f -> String.format(Locale.ROOT, "%.2f", f.credit())).toList())
                            .replaceFirst("^", "(") + ") / " + fs.size(), s);
            scores.add(new DimensionScore(d, s, formula, rules));
            sum += WEIGHTS.get(d) * s;
            weight += WEIGHTS.get(d);
        }
        if (weight == 0) {
            return new Result(scores, null, QualityLevel.NONE, List.of("没有可检查的规则"), QualityLevel.NONE, List.of());
        }
        double overall = Math.round(sum / weight * 10) / 10.0;
        QualityLevel byScore = overall >= 80 ? QualityLevel.MEETS : overall >= 65 ? QualityLevel.MOSTLY
                : overall >= 50 ? QualityLevel.REVISE : QualityLevel.REWRITE;
        List<Finding> hard = findings.stream().filter(QualityScorer::hardFail).toList();
        // a notice read two ways (share.x and budget.x hold the two readings of one requirement) is one requirement
        long hardRules = hard.stream().map(f -> f.rule().name()).distinct().count();
        List<Finding> failed = findings.stream().filter(f -> f.verdict() == Verdict.FAIL).toList();
        QualityLevel cap = hardRules >= 2 ? QualityLevel.REVISE : !failed.isEmpty() ? QualityLevel.MOSTLY
                : QualityLevel.MEETS;
        QualityLevel level = byScore.ordinal() >= cap.ordinal() ? byScore : cap;
        List<Finding> capping = level == byScore ? List.of() : hard.isEmpty() ? failed : hard;
        List<String> reasons = new ArrayList<>();
        reasons.add(String.format(Locale.ROOT, "综合得分 %.1f（%s）", overall, String.join("，", scores.stream()
                .filter(DimensionScore::assessed).map(s -> String.format(Locale.ROOT, "%s %.0f × %.0f%%",
                        s.dimension().label(), s.score(), WEIGHTS.get(s.dimension()) * 100)).toList())));
        reasons.add(switch (byScore) {
            case MEETS -> "得分不低于 80 分";
            case MOSTLY -> "得分在 65–80 分之间";
            case REVISE -> "得分在 50–65 分之间";
            case REWRITE -> "得分低于 50 分";
            case NONE -> "未评估";
        });
        if (!capping.isEmpty()) {
            reasons.add("按得分应为“" + byScore.label() + "”，但" + String.join("；", capping.stream().limit(3)
                    .map(f -> "“" + f.title() + "”不符合（" + f.message() + "）").toList())
                    + (capping.size() > 3 ? "；另有" + String.join("、", capping.stream().skip(3)
                    .map(f -> "“" + f.title() + "”").toList()) + "不符合" : "")
                    + (hardRules >= 2 ? "：两项以上硬性要求（字数、必备部分、篇幅占比）不符合，最高评为“"
                    : !hard.isEmpty() ? "：硬性要求（字数、必备部分、篇幅占比）不符合，最高评为“"
                    : "：有检查项不符合，最高评为“") + level.label() + "”");
        }
        findings.stream().filter(f -> f.verdict() == Verdict.FAIL)
                .sorted(Comparator.comparingDouble((Finding f) -> -WEIGHTS.get(f.dimension()) * (1 - f.credit())))
                .limit(4).forEach(f -> reasons.add(f.dimension().label() + "：" + f.message() + "（" + f.rule().id() + "）"));
        if (findings.stream().noneMatch(f -> f.dimension() == Dimension.ORIGINALITY
                && f.verdict() != Verdict.NOT_APPLICABLE)) {
            reasons.add("原创性未评估（未与其他报告比对），不计入综合得分");
        }
        return new Result(scores, overall, level, reasons, byScore, capping.stream().map(Finding::rule).toList());
    }
}
