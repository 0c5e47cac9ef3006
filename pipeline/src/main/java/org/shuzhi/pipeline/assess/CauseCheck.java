package org.shuzhi.pipeline.assess;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.shuzhi.pipeline.dict.TermList;
import org.shuzhi.pipeline.model.MeasureUnit;
import org.shuzhi.pipeline.model.Category;
import org.shuzhi.pipeline.model.Dimension;
import org.shuzhi.pipeline.model.Finding;
import org.shuzhi.pipeline.model.Sentence;
import org.shuzhi.pipeline.model.Span;
import org.shuzhi.pipeline.model.TermMatch;
import org.shuzhi.pipeline.model.Verdict;
import org.shuzhi.pipeline.model.RuleId;
import org.shuzhi.pipeline.profile.Profile;

/**
 * R8 and R15:
 * <ul>
 *   <li>{@code cause.subjective}: of the cause sentences with a {@code cause-markers} hit, the share with a subjective
 *       hit (a sentence with both counts on both sides);</li>
 *   <li>{@code cause.objective-first}: WARN when the first cause sentence with a marker is objective only (W9:
 *       客观方面写得多、主观方面写得少);</li>
 *   <li>{@code problem.depth}: problem items with a self-level marker ({@value AssessmentLists#PROBLEM_DEPTH});
 *       fewer than the profile's minimum means the problems stay at the work level (S4).</li>
 * </ul>
 */
final class CauseCheck implements Check {
    private final TermList causes;
    private final TermList depth;

    CauseCheck(AssessmentLists lists) {
        this.causes = lists.causeMarkers();
        this.depth = lists.problemDepth();
    }

    @Override
    public List<Finding> check(ReportView r, Profile p) {
        List<Finding> out = new ArrayList<>();
        if (p.checks().causes() != null) {
            out.addAll(causes(r, p.checks().causes()));
        }
        if (p.checks().problemDepth() != null) {
            out.add(depth(r, p.checks().problemDepth()));
        }
        return out;
    }

    private List<Finding> causes(ReportView r, Profile.Causes rule) {
        int subj = 0;
        int obj = 0;
        List<Span> objSpans = new ArrayList<>();
        List<String> subjWords = new ArrayList<>();
        List<String> objWords = new ArrayList<>();
        Sentence firstMarked = null;
        boolean firstObjectiveOnly = false;
        for (Sentence s : r.sentences(Category.CAUSE)) {
            List<TermMatch> hits = causes.find(r.folded, s.span().start(), s.span().end());
            boolean sj = hits.stream().anyMatch(m -> "subjective".equals(m.group()));
            boolean oj = hits.stream().anyMatch(m -> "objective".equals(m.group()));
            if (sj) {
                subj++;
                hits.stream().filter(m -> "subjective".equals(m.group())).limit(1)
                        .forEach(m -> subjWords.add(m.span().of(r.doc.text())));
            }
            if (oj) {
                obj++;
                objSpans.add(s.span());
                hits.stream().filter(m -> "objective".equals(m.group())).limit(1)
                        .forEach(m -> objWords.add(m.span().of(r.doc.text())));
            }
            if (firstMarked == null && (sj || oj)) {
                firstMarked = s;
                firstObjectiveOnly = oj && !sj;
            }
        }
        List<Finding> out = new ArrayList<>();
        List<String> ev = List.of("主观原因句 " + subj + " 句" + words(subjWords), "客观原因句 " + obj + " 句" + words(objWords));
        var a = new Rules.About(RuleId.CAUSE_SUBJECTIVE, Dimension.CAUSES, MeasureUnit.RATIO, objSpans, ev, rule.source());
        if (r.body(Category.CAUSE).isEmpty()) {
            out.add(Rules.notApplicable(a, "没有原因剖析部分，无法判断主客观原因"));
            return out;
        }
        if (subj + obj == 0) {
            out.add(Rules.make(a, Verdict.WARN, null, rule.minSubjectiveShare(), ">=", 0.5,
                    "原因部分没有可识别的主观或客观原因表述，剖析可能浮在面上"));
            return out;
        }
        double v = (double) subj / (subj + obj);
        out.add(Rules.atLeast(a, v, rule.minSubjectiveShare(), String.format(Locale.ROOT,
                "有主观原因的句子占 %.0f%%（主观 %d 句，客观 %d 句），要求不少于 %.0f%%", v * 100, subj, obj,
                rule.minSubjectiveShare() * 100)));
        if (firstObjectiveOnly) {
            var b = new Rules.About(RuleId.CAUSE_OBJECTIVE_FIRST, Dimension.CAUSES, MeasureUnit.PRESENCE, List.of(firstMarked.span()),
                    List.of(r.excerpt(firstMarked.span(), 40)), rule.source());
            out.add(Rules.make(b, Verdict.WARN, 1.0, 0.0, "=", 0.5, "原因剖析先讲客观原因"));
        }
        return out;
    }

    private Finding depth(ReportView r, Profile.ProblemDepth rule) {
        List<ReportView.Unit> units = r.units(Category.PROBLEM);
        int self = 0;
        List<Span> workOnly = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (ReportView.Unit u : units) {
            List<TermMatch> hits = depth.find(r.folded, u.span().start(), u.span().end());
            if (hits.isEmpty()) {
                workOnly.add(u.span());
            } else {
                self++;
                words.add(hits.get(0).span().of(r.doc.text()));
            }
        }
        var a = new Rules.About(RuleId.PROBLEM_DEPTH, Dimension.CAUSES, MeasureUnit.COUNT, workOnly,
                List.of("问题 " + units.size() + " 条，触及思想认识或本人履职的 " + self + " 条" + words(words)),
                rule.source());
        if (units.isEmpty()) {
            return Rules.notApplicable(a, "没有问题部分");
        }
        return Rules.atLeast(a, self, rule.minSelfLevelProblems(), self + " 条问题触及思想认识或本人履职（共 "
                + units.size() + " 条），要求至少 " + rule.minSelfLevelProblems() + " 条");
    }

    private static String words(List<String> w) {
        return w.isEmpty() ? "" : "（" + String.join("、", w.stream().distinct().limit(6).toList()) + "）";
    }
}
