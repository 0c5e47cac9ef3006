package org.shuzhi.pipeline.assess;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.shuzhi.pipeline.model.MeasureUnit;
import org.shuzhi.pipeline.model.Category;
import org.shuzhi.pipeline.model.Dimension;
import org.shuzhi.pipeline.model.Finding;
import org.shuzhi.pipeline.model.Paragraph;
import org.shuzhi.pipeline.model.Span;
import org.shuzhi.pipeline.model.RuleId;
import org.shuzhi.pipeline.profile.Profile;

/**
 * R1–R4: the total length ({@code length.total-max}, {@code length.total-target}) and every share or budget of the
 * profile ({@code share.*}, {@code budget.*}), each counted by the profile's counting rule over the paragraphs of the
 * rule's categories (headings included). A share is of the whole text's 字数 (title and name lines included).
 * Evidence spans: the paragraphs counted.
 */
final class ProportionCheck implements Check {
    @Override
    public List<Finding> check(ReportView r, Profile p) {
        List<Finding> out = new ArrayList<>();
        Profile.Length len = p.length();
        String total = r.totalChars + " 字（" + p.charCounting().label() + "）";
        if (len.totalMaxChars() != null) {
            var a = new Rules.About(RuleId.LENGTH_TOTAL_MAX, Dimension.PROPORTIONS, MeasureUnit.CHARS, List.of(), List.of(total),
                    len.source());
            out.add(Rules.atMost(a, r.totalChars, len.totalMaxChars(), String.format(Locale.ROOT,
                    "全文 %,d 字，要求不超过 %,d 字", r.totalChars, len.totalMaxChars())));
        }
        if (len.totalTargetChars() != null) {
            var a = new Rules.About(RuleId.LENGTH_TOTAL_TARGET, Dimension.PROPORTIONS, MeasureUnit.CHARS, List.of(), List.of(total),
                    len.source());
            out.add(Rules.about(a, r.totalChars, len.totalTargetChars(), len.targetTolerance(), String.format(
                    Locale.ROOT, "全文 %,d 字，要求 %,d 字左右（±%.0f%%）", r.totalChars, len.totalTargetChars(),
                    len.targetTolerance() * 100)));
        }
        for (Profile.Proportion q : p.proportions()) {
            EnumSet<Category> cats = EnumSet.copyOf(q.categories());
            int n = r.chars(cats);
            double share = r.totalChars == 0 ? 0 : (double) n / r.totalChars;
            String label = label(q.categories());
            List<Span> spans = r.doc.paragraphs().stream().filter(x -> cats.contains(x.category()))
                    .map(Paragraph::span).toList();
            List<String> ev = List.of(String.format(Locale.ROOT, "%s %,d 字，占全文 %,d 字的 %.1f%%", label, n,
                    r.totalChars, share * 100));
            boolean isShare = q.minShare() != null || q.maxShare() != null || q.targetShare() != null;
            var a = new Rules.About(q.rule(), Dimension.PROPORTIONS, isShare ? MeasureUnit.SHARE : MeasureUnit.CHARS, spans, ev,
                    q.source(), note(q));
            double v = isShare ? share : n;
            String shown = isShare ? Format.value(share, MeasureUnit.SHARE)
                    : String.format(Locale.ROOT, "%,d 字", n);
            if (q.maxShare() != null) {
                out.add(Rules.atMost(a, share, q.maxShare(), label + "占 " + shown + "，要求不超过 " + pct(q.maxShare())));
            } else if (q.minShare() != null) {
                out.add(Rules.atLeast(a, share, q.minShare(), label + "占 " + shown + "，要求不少于 " + pct(q.minShare())));
            } else if (q.targetShare() != null) {
                out.add(Rules.about(a, share, q.targetShare(), q.tolerance(), label + "占 " + shown + "，要求 "
                        + pct(q.targetShare()) + " 左右"));
            } else if (q.maxChars() != null) {
                out.add(Rules.atMost(a, v, q.maxChars(), label + " " + shown + "，要求不超过 " + q.maxChars() + " 字"));
            } else if (q.minChars() != null) {
                out.add(Rules.atLeast(a, v, q.minChars(), label + " " + shown + "，要求不少于 " + q.minChars() + " 字"));
            } else {
                out.add(Rules.about(a, v, q.targetChars(), q.tolerance(), label + " " + shown + "，要求 "
                        + q.targetChars() + " 字左右"));
            }
        }
        return out;
    }

    private static String note(Profile.Proportion q) {
        String n = q.note() == null ? "" : q.note();
        if (q.conflictsWith() != null) {
            n = (n.isEmpty() ? "" : n + "；") + "另一种读法见规则 " + q.conflictsWith().id();
        }
        return n;
    }

    /** @return the Chinese name of a group of categories, e.g. 问题和原因部分 */
    static String label(List<Category> cats) {
        return String.join("和", cats.stream().map(c -> switch (c) {
            case ACHIEVEMENT -> "成绩";
            case PROBLEM -> "问题";
            case CAUSE -> "原因";
            case PLAN -> "打算";
            case SELF_ASSESSMENT -> "自我评价";
            case RECTIFICATION -> "整改情况";
            case OTHER -> "其他";
        }).toList()) + "部分";
    }

    private static String pct(double v) {
        return Format.value(v, MeasureUnit.SHARE);
    }
}
