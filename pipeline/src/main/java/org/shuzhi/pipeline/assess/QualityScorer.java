package org.shuzhi.pipeline.assess;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.shuzhi.pipeline.model.Dimension;
import org.shuzhi.pipeline.model.DimensionScore;
import org.shuzhi.pipeline.model.Finding;
import org.shuzhi.pipeline.model.QualityLevel;
import org.shuzhi.pipeline.model.Verdict;

/**
 * Dimension scores, the overall score and the text-quality level (formulas also in the README, "Scores"):
 * <ul>
 *   <li>dimension score = 100 × the mean {@link Finding#credit()} of the dimension's findings, NOT_APPLICABLE ones
 *       left out; not assessed (null) when none is left;</li>
 *   <li>overall = the weighted mean of the assessed dimension scores, weights {@link #WEIGHTS} renormalised over the
 *       assessed dimensions (plans weigh most: S0, S2 and W9 stress that plans must answer the problems);</li>
 *   <li>level: overall ≥ 80 → {@link QualityLevel#MEETS} unless a required part is missing (then at most
 *       {@link QualityLevel#MOSTLY}); ≥ 65 → MOSTLY; ≥ 50 → REVISE; else REWRITE.</li>
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

    /** Scores, overall and level with reasons. */
    record Result(List<DimensionScore> scores, Double overall, QualityLevel level, List<String> reasons) {
    }

    Result score(List<Finding> findings) {
        List<DimensionScore> scores = new ArrayList<>();
        double sum = 0;
        double weight = 0;
        for (Dimension d : Dimension.values()) {
            List<Finding> fs = findings.stream().filter(f -> f.dimension() == d
                    && f.verdict() != Verdict.NOT_APPLICABLE).toList();
            List<String> rules = fs.stream().map(Finding::rule).toList();
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
            return new Result(scores, null, QualityLevel.NONE, List.of("没有可检查的规则"));
        }
        double overall = Math.round(sum / weight * 10) / 10.0;
        boolean missingPart = findings.stream().anyMatch(f -> f.rule().startsWith("structure.")
                && f.verdict() == Verdict.FAIL);
        QualityLevel level = overall >= 80 ? (missingPart ? QualityLevel.MOSTLY : QualityLevel.MEETS)
                : overall >= 65 ? QualityLevel.MOSTLY : overall >= 50 ? QualityLevel.REVISE : QualityLevel.REWRITE;
        List<String> reasons = new ArrayList<>();
        reasons.add(String.format(Locale.ROOT, "综合得分 %.1f（%s）", overall, String.join("，", scores.stream()
                .filter(DimensionScore::assessed).map(s -> String.format(Locale.ROOT, "%s %.0f × %.0f%%",
                        s.dimension().label(), s.score(), WEIGHTS.get(s.dimension()) * 100)).toList())));
        reasons.add(switch (level) {
            case MEETS -> "得分不低于 80 分，且通知要求的各部分齐全";
            case MOSTLY -> overall >= 80 ? "得分不低于 80 分，但缺少通知要求的部分，最高只能评为“基本符合”" : "得分在 65–80 分之间";
            case REVISE -> "得分在 50–65 分之间";
            case REWRITE -> "得分低于 50 分";
            case NONE -> "未评估";
        });
        if (missingPart && overall < 80) {
            reasons.add("缺少通知要求的部分");
        }
        findings.stream().filter(f -> f.verdict() == Verdict.FAIL)
                .sorted(Comparator.comparingDouble((Finding f) -> -WEIGHTS.get(f.dimension()) * (1 - f.credit())))
                .limit(4).forEach(f -> reasons.add(f.dimension().label() + "：" + f.message() + "（" + f.rule() + "）"));
        if (findings.stream().noneMatch(f -> f.dimension() == Dimension.ORIGINALITY
                && f.verdict() != Verdict.NOT_APPLICABLE)) {
            reasons.add("原创性未评估（未与其他报告比对），不计入综合得分");
        }
        return new Result(scores, overall, level, reasons);
    }
}
