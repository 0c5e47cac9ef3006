package org.shuzhi.pipeline.assess;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.shuzhi.pipeline.dict.TermList;
import org.shuzhi.pipeline.dict.TextFold;
import org.shuzhi.pipeline.model.MeasureUnit;
import org.shuzhi.pipeline.model.Category;
import org.shuzhi.pipeline.model.Dimension;
import org.shuzhi.pipeline.model.Finding;
import org.shuzhi.pipeline.model.Span;
import org.shuzhi.pipeline.model.TermMatch;
import org.shuzhi.pipeline.model.Token;
import org.shuzhi.pipeline.model.RuleId;
import org.shuzhi.pipeline.profile.Profile;

/**
 * R9 (紧扣存在的问题提具体整改措施; 具体化、可操作、好检查、能监督):
 * <ul>
 *   <li>{@code plan.answers-problems}: the share of problem items that some plan item answers. Items are the
 *       problem (plan) paragraphs, or their 一是…二是… items ({@link ReportView#units}). An item's content words are its
 *       tokens of two or more characters tagged noun, verb, verbal noun, adjective or domain term, minus
 *       {@value AssessmentLists#ALIGNMENT_STOPWORDS}. A problem is answered when a plan item shares at least
 *       {@value #MIN_SHARED} content words with it, or at least a quarter of the problem's content words. A document
 *       read back from JSON has no tokens; then the content "words" are the CJK character bigrams of the item, minus
 *       the bigrams of the stopwords, and a problem is answered with {@value #MIN_SHARED_BIGRAMS} shared bigrams or a
 *       quarter of its bigrams. Evidence: the unanswered problem items.</li>
 *   <li>{@code plan.concreteness}: the share of plan items with a deadline, a quantity or an owner
 *       ({@code plan-signals}); evidence: the plan items with only vague-plan phrases or no signal.</li>
 * </ul>
 */
final class PlanCheck implements Check {
    /** Shared content words that make a plan item an answer to a problem item (project choice, README "Scores"). */
    static final int MIN_SHARED = 2;
    /** The same when items are compared by character bigrams (no tokens). */
    static final int MIN_SHARED_BIGRAMS = 4;

    private final TermList signals;
    private final Set<String> stopwords = new HashSet<>();
    private final Set<String> stopBigrams = new HashSet<>();

    PlanCheck(AssessmentLists lists) {
        this.signals = lists.planSignals();
        lists.stopwords().entries().forEach(e -> stopwords.add(e.term()));
        stopwords.forEach(w -> stopBigrams.addAll(bigrams(w)));
    }

    @Override
    public List<Finding> check(ReportView r, Profile p) {
        Profile.Plans rule = p.checks().plans();
        if (rule == null) {
            return List.of();
        }
        List<ReportView.Unit> problems = r.units(Category.PROBLEM);
        List<ReportView.Unit> plans = r.units(Category.PLAN);
        return List.of(answers(r, rule, problems, plans), concreteness(r, rule, plans));
    }

    private Finding answers(ReportView r, Profile.Plans rule, List<ReportView.Unit> problems,
                            List<ReportView.Unit> plans) {
        boolean byTokens = problems.stream().anyMatch(u -> !u.tokens().isEmpty());
        int minShared = byTokens ? MIN_SHARED : MIN_SHARED_BIGRAMS;
        List<Set<String>> planWords = plans.stream().map(u -> words(r, u, byTokens)).toList();
        int answered = 0;
        List<Span> open = new ArrayList<>();
        List<String> ev = new ArrayList<>();
        for (ReportView.Unit u : problems) {
            Set<String> w = words(r, u, byTokens);
            String best = null;
            for (int i = 0; i < plans.size(); i++) {
                Set<String> shared = new LinkedHashSet<>(w);
                shared.retainAll(planWords.get(i));
                if (!w.isEmpty() && (shared.size() >= minShared || shared.size() >= Math.max(1, w.size() / 4.0))) {
                    best = String.join("、", shared.stream().limit(4).toList());
                    break;
                }
            }
            if (best != null) {
                answered++;
            } else {
                open.add(u.span());
                if (ev.size() < 4) {
                    ev.add("未回应：“" + r.excerpt(u.span(), 36) + "”");
                }
            }
        }
        List<String> evidence = new ArrayList<>();
        evidence.add("问题 " + problems.size() + " 条，有对应措施的 " + answered + " 条，措施 " + plans.size() + " 条");
        evidence.addAll(ev);
        var a = new Rules.About(RuleId.PLAN_ANSWERS_PROBLEMS, Dimension.PLANS, MeasureUnit.RATIO, open, evidence, rule.source());
        if (problems.isEmpty() || plans.isEmpty()) {
            return Rules.make(a, org.shuzhi.pipeline.model.Verdict.FAIL, problems.isEmpty() ? null : 0.0,
                    rule.minAnsweredShare(), ">=", 0, problems.isEmpty() ? "没有查摆问题，措施无从对应"
                            : "有问题而没有整改措施");
        }
        double v = (double) answered / problems.size();
        return Rules.atLeast(a, v, rule.minAnsweredShare(), String.format(Locale.ROOT,
                "%d 条问题中 %d 条有对应的整改措施（%.0f%%），要求不少于 %.0f%%", problems.size(), answered, v * 100,
                rule.minAnsweredShare() * 100));
    }

    private Finding concreteness(ReportView r, Profile.Plans rule, List<ReportView.Unit> plans) {
        int concrete = 0;
        int deadline = 0;
        int quantity = 0;
        int owner = 0;
        List<Span> vague = new ArrayList<>();
        List<String> vagueWords = new ArrayList<>();
        for (ReportView.Unit u : plans) {
            List<TermMatch> hits = signals.find(r.folded, u.span().start(), u.span().end());
            boolean d = has(hits, "deadline");
            boolean q = has(hits, "quantity");
            boolean o = has(hits, "owner");
            deadline += d ? 1 : 0;
            quantity += q ? 1 : 0;
            owner += o ? 1 : 0;
            if (d || q || o) {
                concrete++;
            } else {
                vague.add(u.span());
                hits.stream().filter(m -> "vague-plan".equals(m.group())).limit(1)
                        .forEach(m -> vagueWords.add(m.span().of(r.doc.text())));
            }
        }
        List<String> ev = new ArrayList<>();
        ev.add("措施 " + plans.size() + " 条：有时限 " + deadline + " 条，有数量 " + quantity + " 条，有责任人 " + owner + " 条");
        if (!vagueWords.isEmpty()) {
            ev.add("空泛表述：" + String.join("、", vagueWords.stream().distinct().limit(6).toList()));
        }
        var a = new Rules.About(RuleId.PLAN_CONCRETENESS, Dimension.PLANS, MeasureUnit.RATIO, vague, ev, rule.source());
        if (plans.isEmpty()) {
            return Rules.make(a, org.shuzhi.pipeline.model.Verdict.FAIL, null, rule.minConcreteShare(), ">=", 0,
                    "没有下一步打算或整改措施");
        }
        double v = (double) concrete / plans.size();
        return Rules.atLeast(a, v, rule.minConcreteShare(), String.format(Locale.ROOT,
                "%d 条措施中 %d 条有时限、数量或责任人（%.0f%%），要求不少于 %.0f%%", plans.size(), concrete, v * 100,
                rule.minConcreteShare() * 100));
    }

    /** @return the bigrams of consecutive CJK ideographs in {@code s} */
    static Set<String> bigrams(String s) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i + 1 < s.length(); i++) {
            if (Character.isIdeographic(s.charAt(i)) && Character.isIdeographic(s.charAt(i + 1))) {
                out.add(s.substring(i, i + 2));
            }
        }
        return out;
    }

    private static boolean has(List<TermMatch> hits, String signal) {
        return hits.stream().anyMatch(m -> signal.equals(m.group()));
    }

    private Set<String> words(ReportView r, ReportView.Unit u, boolean byTokens) {
        if (!byTokens) {
            Set<String> out = new LinkedHashSet<>(bigrams(u.span().of(r.folded)));
            out.removeAll(stopBigrams);
            return out;
        }
        Set<String> out = new LinkedHashSet<>();
        for (Token t : u.tokens()) {
            String w = TextFold.fold(t.word());
            String pos = t.pos();
            if (w.length() >= 2 && !stopwords.contains(w) && (pos.startsWith("n") || pos.startsWith("v")
                    || pos.startsWith("a") || pos.startsWith("g"))) {
                out.add(w);
            }
        }
        return out;
    }
}
