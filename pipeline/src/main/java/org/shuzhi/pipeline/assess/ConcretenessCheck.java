package org.shuzhi.pipeline.assess;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.shuzhi.pipeline.dict.TermList;
import org.shuzhi.pipeline.model.MeasureUnit;
import org.shuzhi.pipeline.model.Category;
import org.shuzhi.pipeline.model.Dimension;
import org.shuzhi.pipeline.model.Finding;
import org.shuzhi.pipeline.model.Paragraph;
import org.shuzhi.pipeline.model.Sentence;
import org.shuzhi.pipeline.model.Span;
import org.shuzhi.pipeline.model.TermMatch;
import org.shuzhi.pipeline.model.RuleId;
import org.shuzhi.pipeline.profile.Profile;

/**
 * R6, R12, R16 and 套话:
 * <ul>
 *   <li>{@code data.achievement-density}: numbers + named entities per 1000 字 of the achievement paragraphs
 *       (features of the {@code features} stage);</li>
 *   <li>{@code vague.forbidden-in-problems}: hits of 部分、一些、少数、有的 (group {@code forbidden} of
 *       {@code vague-terms}) in the problem and cause paragraphs;</li>
 *   <li>{@code vague.problem-density}: all vague-term hits per 1000 字 of the problem and cause paragraphs;</li>
 *   <li>{@code boilerplate.density}: 套话 hits per 1000 字 of the report's content (title and name lines left out);</li>
 *   <li>{@code focus.party-building}: of the achievement sentences that name a Party-building or a business word
 *       ({@value AssessmentLists#PARTY_FOCUS}), the share that name a Party-building word.</li>
 * </ul>
 */
final class ConcretenessCheck implements Check {
    private final TermList partyFocus;

    ConcretenessCheck(AssessmentLists lists) {
        this.partyFocus = lists.partyFocus();
    }

    @Override
    public List<Finding> check(ReportView r, Profile p) {
        List<Finding> out = new ArrayList<>();
        Profile.Checks c = p.checks();
        if (c.data() != null) {
            out.add(data(r, c.data()));
        }
        if (c.vagueTerms() != null) {
            out.addAll(vague(r, c.vagueTerms()));
        }
        if (c.boilerplate() != null) {
            out.add(boilerplate(r, c.boilerplate()));
        }
        if (c.partyFocus() != null) {
            out.add(focus(r, c.partyFocus()));
        }
        return out;
    }

    private static Finding data(ReportView r, Profile.Data rule) {
        List<Paragraph> ps = r.body(Category.ACHIEVEMENT);
        int chars = ps.stream().mapToInt(r::chars).sum();
        List<TermMatch> hits = new ArrayList<>();
        for (Paragraph p : ps) {
            for (Sentence s : p.sentences()) {
                hits.addAll(s.features().numbers());
                hits.addAll(s.features().entities());
            }
        }
        var a = new Rules.About(RuleId.DATA_ACHIEVEMENT_DENSITY, Dimension.CONCRETENESS, MeasureUnit.PER_1000_CHARS,
                hits.stream().map(TermMatch::span).limit(40).toList(), List.of(String.format(Locale.ROOT,
                "成绩部分 %,d 字中有具体数据或具名事例 %d 处%s", chars, hits.size(), sample(r, hits, 6))), rule.source());
        if (chars == 0) {
            return Rules.notApplicable(a, "没有成绩部分，无法统计数据和事例");
        }
        double v = 1000.0 * hits.size() / chars;
        return Rules.atLeast(a, v, rule.minPer1000Chars(), String.format(Locale.ROOT,
                "成绩部分每千字有 %.1f 处具体数据或具名事例，要求不少于 %.0f 处", v, rule.minPer1000Chars()));
    }

    private static List<Finding> vague(ReportView r, Profile.VagueTerms rule) {
        List<Paragraph> ps = r.body(Category.PROBLEM, Category.CAUSE);
        int chars = ps.stream().mapToInt(r::chars).sum();
        List<TermMatch> all = new ArrayList<>();
        for (Paragraph p : ps) {
            p.sentences().forEach(s -> all.addAll(s.features().vagueTerms()));
        }
        List<TermMatch> forbidden = all.stream().filter(m -> "forbidden".equals(m.group())).toList();
        List<Finding> out = new ArrayList<>();
        var a = new Rules.About(RuleId.VAGUE_FORBIDDEN_IN_PROBLEMS, Dimension.CONCRETENESS, MeasureUnit.COUNT,
                forbidden.stream().map(TermMatch::span).toList(), forbidden.isEmpty() ? List.of("未出现")
                : distinct(r, forbidden, 8), rule.source());
        var b = new Rules.About(RuleId.VAGUE_PROBLEM_DENSITY, Dimension.CONCRETENESS, MeasureUnit.PER_1000_CHARS,
                all.stream().map(TermMatch::span).toList(), all.isEmpty() ? List.of("未出现") : distinct(r, all, 10),
                rule.source());
        if (ps.isEmpty()) {
            out.add(Rules.notApplicable(a, "没有问题和原因部分，无法检查模糊表述"));
            out.add(Rules.notApplicable(b, "没有问题和原因部分，无法检查模糊表述"));
            return out;
        }
        out.add(Rules.atMost(a, forbidden.size(), rule.maxForbiddenInProblems(), "问题和原因部分出现“部分、一些、少数、有的”类模糊量词 "
                + forbidden.size() + " 处，允许 " + rule.maxForbiddenInProblems() + " 处"));
        double d = chars == 0 ? 0 : 1000.0 * all.size() / chars;
        out.add(Rules.atMost(b, d, rule.maxVaguePer1000Chars(), String.format(Locale.ROOT,
                "问题和原因部分每千字有 %.1f 处模糊表述，上限 %.0f 处", d, rule.maxVaguePer1000Chars())));
        return out;
    }

    private static Finding boilerplate(ReportView r, Profile.Boilerplate rule) {
        List<Paragraph> ps = r.content();
        int chars = ps.stream().mapToInt(r::chars).sum();
        List<TermMatch> hits = new ArrayList<>();
        ps.forEach(p -> p.sentences().forEach(s -> hits.addAll(s.features().emptyPhrases())));
        double v = chars == 0 ? 0 : 1000.0 * hits.size() / chars;
        var a = new Rules.About(RuleId.BOILERPLATE_DENSITY, Dimension.CONCRETENESS, MeasureUnit.PER_1000_CHARS,
                hits.stream().map(TermMatch::span).toList(), hits.isEmpty() ? List.of("未出现") : distinct(r, hits, 8),
                rule.source());
        return Rules.atMost(a, v, rule.maxPer1000Chars(), String.format(Locale.ROOT,
                "全文每千字有 %.1f 处套话（共 %d 处），上限 %.0f 处", v, hits.size(), rule.maxPer1000Chars()));
    }

    private Finding focus(ReportView r, Profile.PartyFocus rule) {
        int party = 0;
        int business = 0;
        List<Span> businessSpans = new ArrayList<>();
        Set<String> businessWords = new LinkedHashSet<>();
        for (Sentence s : r.sentences(Category.ACHIEVEMENT)) {
            List<TermMatch> hits = partyFocus.find(r.folded, s.span().start(), s.span().end());
            boolean isParty = hits.stream().anyMatch(m -> "party".equals(m.group()));
            boolean isBusiness = hits.stream().anyMatch(m -> "business".equals(m.group()));
            if (isParty) {
                party++;
            } else if (isBusiness) {
                business++;
                businessSpans.add(s.span());
                hits.forEach(m -> businessWords.add(m.span().of(r.doc.text())));
            }
        }
        var a = new Rules.About(RuleId.FOCUS_PARTY_BUILDING, Dimension.CONCRETENESS, MeasureUnit.RATIO, businessSpans,
                List.of("成绩部分讲党建的句子 " + party + " 句，只讲业务的句子 " + business + " 句"
                        + (businessWords.isEmpty() ? "" : "（" + String.join("、", businessWords.stream().limit(8).toList()) + "）")),
                rule.source());
        if (party + business == 0) {
            return Rules.notApplicable(a, "成绩部分没有可判断党建或业务的句子");
        }
        double v = (double) party / (party + business);
        return Rules.atLeast(a, v, rule.minPartyShare(), String.format(Locale.ROOT,
                "成绩部分 %.0f%% 的句子讲党建工作，要求不少于 %.0f%%", v * 100, rule.minPartyShare() * 100));
    }

    /** @return one line: up to {@code max} distinct matched texts joined with 、, each with its count when above 1 */
    static List<String> distinct(ReportView r, List<TermMatch> hits, int max) {
        java.util.Map<String, Integer> n = new java.util.LinkedHashMap<>();
        hits.forEach(m -> n.merge(m.span().of(r.doc.text()), 1, Integer::sum));
        return List.of(String.join("、", n.entrySet().stream().limit(max)
                .map(e -> e.getKey() + (e.getValue() > 1 ? "×" + e.getValue() : "")).toList()));
    }

    private static String sample(ReportView r, List<TermMatch> hits, int max) {
        if (hits.isEmpty()) {
            return "";
        }
        return "，如 " + String.join("、", hits.stream().limit(max).map(m -> m.span().of(r.doc.text())).toList());
    }
}
