package org.shuzhi.pipeline.assess;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.shuzhi.pipeline.dict.TermList;
import org.shuzhi.pipeline.model.CommentSentence;
import org.shuzhi.pipeline.model.CommentSentence.Part;
import org.shuzhi.pipeline.model.Dimension;
import org.shuzhi.pipeline.model.Finding;
import org.shuzhi.pipeline.model.RuleFamily;
import org.shuzhi.pipeline.model.RuleId;
import org.shuzhi.pipeline.model.Verdict;

/**
 * The draft 点评 (DOMAIN.md §7: 肯定成绩 / 指出问题 / 提出要求). Every sentence comes from one finding and a template
 * of {@value AssessmentLists#PHRASES} (key {@code <rule>/<part>}, the most specific rule prefix wins):
 * <ul>
 *   <li>肯定成绩: up to {@value #MAX_AFFIRM} passed findings that have an affirm template, in the order of
 *       {@link #AFFIRM_ORDER}; the structure findings together give one sentence; without any, the
 *       {@code general/affirm} sentence, linked to the structure findings;</li>
 *   <li>指出问题: copied or recycled text first (W10, W11: the case organization departments call out), then the
 *       failed findings, then the WARN ones, most costly first (dimension weight × (1 − credit)), at most
 *       {@value #MAX_PROBLEMS};</li>
 *   <li>提出要求: the require template of each finding named under 指出问题, without repeats; with no problem, the
 *       {@code general/require} sentence.</li>
 * </ul>
 */
final class CommentDrafter {
    static final int MAX_AFFIRM = 4;
    static final int MAX_PROBLEMS = 6;
    /** Which strengths are worth saying first (every 必答题 at the place of {@code required-topic}). */
    static final List<RuleId> AFFIRM_ORDER = List.of(RuleId.DATA_ACHIEVEMENT_DENSITY, RuleId.STANCE_FIRST_PERSON,
            RuleId.PLAN_CONCRETENESS, RuleId.PLAN_ANSWERS_PROBLEMS, RuleId.CAUSE_SUBJECTIVE,
            RuleId.any(RuleFamily.REQUIRED_TOPIC), RuleId.VAGUE_FORBIDDEN_IN_PROBLEMS,
            RuleId.STANCE_DEFLECTED_PROBLEMS, RuleId.parse("share.problem-cause-min"),
            RuleId.parse("share.achievement-max"), RuleId.FOCUS_PARTY_BUILDING, RuleId.BOILERPLATE_DENSITY,
            RuleId.PROBLEM_DEPTH, RuleId.ORIGINALITY_COPIED, RuleId.LENGTH_TOTAL_MAX);

    private final TermList phrases;

    CommentDrafter(AssessmentLists lists) {
        this.phrases = lists.phrases();
    }

    List<CommentSentence> draft(List<Finding> findings, java.util.function.Function<Finding, String> label,
                                org.shuzhi.pipeline.model.Originality originality) {
        List<CommentSentence> out = new ArrayList<>();
        List<Finding> structure = findings.stream().filter(f -> f.rule().family() == RuleFamily.STRUCTURE).toList();
        List<Finding> present = structure.stream().filter(f -> f.verdict() == Verdict.PASS).toList();
        if (!present.isEmpty() && present.size() == structure.stream().filter(f -> f.verdict() != Verdict.WARN).count()) {
            String parts = String.join("、", present.stream().map(label).toList());
            out.add(sentence(Part.AFFIRM, template("structure", "affirm"), present.get(0), parts, parts,
                    present.stream().map(Finding::rule).toList()));
        }
        int affirmed = 0;
        for (RuleId key : AFFIRM_ORDER) {
            for (Finding f : findings) {
                if (affirmed < MAX_AFFIRM && f.verdict() == Verdict.PASS && f.rule().within(key)) {
                    String t = template(f.rule(), "affirm");
                    String text = t == null || !affirmable(f, originality) ? null
                            : fill(t, f, label.apply(f), evidence(f));
                    if (text != null) {
                        out.add(new CommentSentence(Part.AFFIRM, text, List.of(f.rule())));
                        affirmed++;
                    }
                }
            }
        }
        if (out.isEmpty()) {
            List<RuleId> rules = structure.isEmpty() ? findings.stream().limit(1).map(Finding::rule).toList()
                    : structure.stream().map(Finding::rule).toList();
            if (!rules.isEmpty()) {
                out.add(new CommentSentence(Part.AFFIRM, template("general", "affirm"), rules));
            }
        }
        List<Finding> flagged = findings.stream().filter(Finding::flagged)
                .sorted(Comparator.comparing((Finding f) -> f.dimension() == Dimension.ORIGINALITY ? 0 : 1)
                        .thenComparing(f -> f.verdict() == Verdict.FAIL ? 0 : 1)
                        .thenComparingDouble(f -> -QualityScorer.WEIGHTS.get(f.dimension()) * (1 - f.credit())))
                .limit(MAX_PROBLEMS).toList();
        Set<String> said = new LinkedHashSet<>();
        List<CommentSentence> requirements = new ArrayList<>();
        for (Finding f : flagged) {
            String t = template(f.rule(), "problem");
            String text0 = t == null ? null : fill(t, f, label.apply(f), evidence(f));
            out.add(new CommentSentence(Part.PROBLEM, text0 == null ? f.message() + "。" : text0,
                    List.of(f.rule())));
            String req = template(f.rule(), "require");
            if (req != null) {
                String text = fill(req, f, label.apply(f), evidence(f));
                if (text != null && said.add(text)) {
                    requirements.add(new CommentSentence(Part.REQUIRE, text, List.of(f.rule())));
                }
            }
        }
        if (requirements.isEmpty() && !findings.isEmpty()) {
            requirements.add(new CommentSentence(Part.REQUIRE, template("general", "require"),
                    findings.stream().filter(f -> f.verdict() == Verdict.PASS).limit(3).map(Finding::rule).toList()
                            .isEmpty() ? List.of(findings.get(0).rule())
                            : findings.stream().filter(f -> f.verdict() == Verdict.PASS).limit(3).map(Finding::rule)
                            .toList()));
        }
        out.addAll(requirements);
        return out;
    }

    private CommentSentence sentence(Part part, String template, Finding f, String label, String evidence,
                                     List<RuleId> rules) {
        String text = fill(template, f, label, evidence);
        return new CommentSentence(part, text == null ? f.message() + "。" : text, rules);
    }

    /**
     * @return whether a passed finding may be praised: "未发现雷同" only when nothing at all was shared with another
     *         document (issue 13), not when the shared text is merely below the limit or of unknown direction
     */
    private static boolean affirmable(Finding f, org.shuzhi.pipeline.model.Originality o) {
        if (f.rule().equals(RuleId.ORIGINALITY_COPIED)) {
            return o != null && o.passages() == 0;
        }
        return !f.rule().equals(RuleId.ORIGINALITY_SHARED);
    }

    /** @return the template for {@code rule}/{@code part}, trying the rule, then shorter dotted prefixes; or null */
    String template(RuleId rule, String part) {
        return template(rule.id(), part);
    }

    /** @return the template for {@code key}/{@code part} ({@code key} a rule id, a prefix or {@code general}); or null */
    String template(String key, String part) {
        String r = key;
        while (true) {
            TermList.Entry e = phrases.entry(r + "/" + part);
            if (e != null) {
                return e.column(0);
            }
            int dot = r.lastIndexOf('.');
            if (dot < 0) {
                return null;
            }
            r = r.substring(0, dot);
        }
    }

    /**
     * @return the template with its placeholders filled, or null when a placeholder it uses has nothing to say (no
     *         value, no threshold, no evidence): the caller then says the finding's own message, never "“”" or "—"
     */
    static String fill(String t, Finding f, String label, String evidence) {
        if ((t.contains("{value}") && f.value() == null) || (t.contains("{threshold}") && f.threshold() == null)
                || (t.contains("{evidence}") && (evidence == null || evidence.isBlank()))
                || (t.contains("{label}") && (label == null || label.isBlank()))) {
            return null;
        }
        return t.replace("{value}", Format.value(f.value(), f.unit()))
                .replace("{threshold}", Format.value(f.threshold(), f.unit()).replace("—", ""))
                .replace("{label}", label).replace("{evidence}", evidence);
    }

    private static String evidence(Finding f) {
        List<String> ev = f.evidence().stream().map(e -> e.replaceFirst("^(出现关键词：|空泛表述：|相同文字涉及：|未回应：)",
                        "").replaceFirst("^([^“”：]{1,12})：“.*”$", "$1")) // 有的支部：“…” → 有的支部 (the term)
                .filter(e -> !e.startsWith("问题 ") && !e.startsWith("措施 ")).limit(3).toList();
        // whole items only, so that no quotation is cut open (“…” stays balanced)
        StringBuilder s = new StringBuilder();
        for (String e : ev) {
            if (s.length() > 0 && s.length() + 1 + e.length() > 60) {
                break;
            }
            s.append(s.length() > 0 ? "、" : "").append(e);
        }
        return s.toString();
    }
}
