package org.shuzhi.pipeline.model;

import java.util.List;

/**
 * One checked rule of the quality analysis, with its evidence (STYLE.md: every verdict carries its evidence).
 *
 * @param rule       stable dotted rule id, e.g. {@code share.achievement-max}, {@code plan.answers-problems},
 *                   {@code required-topic.lide-shuren}
 * @param title      short Chinese name of the rule for tables and charts (e.g. 成绩篇幅上限), from
 *                   {@code dictionaries/terms/assessment-phrases.txt}; the rule id when none is given there
 * @param dimension  the dimension the rule counts towards
 * @param verdict    the outcome
 * @param value      what was measured, in {@code unit}; null when the rule is a presence check with nothing to measure
 * @param threshold  the profile's threshold, in {@code unit}; null when the rule has none
 * @param unit       unit of {@code value} and {@code threshold} ({@link MeasureUnit}; JSON {@code share},
 *                   {@code ratio}, {@code chars}, {@code count}, {@code per-1000-chars} or {@code presence})
 * @param comparison how value is held against threshold: {@code <=}, {@code >=}, {@code ~} (within the profile's
 *                   tolerance) or {@code =}; empty when there is no threshold
 * @param credit     0–1 contribution to the dimension score: 1 when met; for a missed share, ratio or density rule
 *                   the fraction of the way to the threshold (see {@code org.shuzhi.pipeline.assess.Credit}); 0 for a
 *                   missing part; {@link Double#NaN} never (NOT_APPLICABLE findings carry 0 and are not counted)
 * @param spans      evidence in the cleaned text (half-open UTF-16 offsets), e.g. the vague terms or the unanswered
 *                   problem items; may be empty
 * @param evidence   short texts behind the verdict (matched terms, the heading found, the counts), Chinese
 * @param source     where the rule comes from: seed notice and wording, or DOMAIN.md section for defaults
 * @param note       a further remark shown with the finding (e.g. that the notice contradicts itself and which other
 *                   rule id holds the other reading), or empty
 * @param message    the finding in one Chinese sentence, as shown to the organization department
 */
public record Finding(RuleId rule, String title, Dimension dimension, Verdict verdict, Double value, Double threshold, MeasureUnit unit,
                      String comparison, double credit, List<Span> spans, List<String> evidence, String source,
                      String note, String message) {

    public Finding {
        spans = List.copyOf(spans);
        evidence = List.copyOf(evidence);
        if (credit < 0 || credit > 1 || Double.isNaN(credit)) {
            throw new IllegalArgumentException("credit must be within 0–1: " + credit);
        }
    }

    /** @return a copy with another title */
    public Finding withTitle(String t) {
        return new Finding(rule, t, dimension, verdict, value, threshold, unit, comparison, credit, spans, evidence,
                source, note, message);
    }

    /** @return true when the verdict is FAIL or WARN */
    public boolean flagged() {
        return verdict == Verdict.FAIL || verdict == Verdict.WARN;
    }
}
