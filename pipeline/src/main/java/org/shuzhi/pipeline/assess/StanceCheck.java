package org.shuzhi.pipeline.assess;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * R7 (把自己摆进去; S1's 以班子述职代替书记述职, S2's 以下面问题替代个人问题):
 * <ul>
 *   <li>{@code stance.first-person}: first-person markers / (first-person + collective markers) over the report's
 *       content paragraphs ({@code stance-markers});</li>
 *   <li>{@code stance.deflected-problems}: problem and cause sentences with a deflecting marker (下面、有的支部、个别党员
 *       …) and no first-person marker — the problem is put on others.</li>
 * </ul>
 */
final class StanceCheck implements Check {
    @Override
    public List<Finding> check(ReportView r, Profile p) {
        Profile.Stance rule = p.checks().stance();
        if (rule == null) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        int first = 0;
        int coll = 0;
        List<Span> me = new ArrayList<>();
        for (Paragraph para : r.content()) {
            first += para.counts().firstPerson();
            coll += para.counts().collective();
            para.sentences().forEach(s -> s.features().stance().stream()
                    .filter(m -> "first-person".equals(m.group())).forEach(m -> me.add(m.span())));
        }
        var a = new Rules.About(RuleId.STANCE_FIRST_PERSON, Dimension.STANCE, MeasureUnit.RATIO, me.stream().limit(40).toList(),
                List.of("第一人称（我、本人、作为书记……）" + first + " 处，集体口吻（我们、班子、党委……）" + coll + " 处"),
                rule.source());
        if (first + coll == 0) {
            out.add(Rules.notApplicable(a, "全文没有人称表述，无法判断个人站位"));
        } else {
            double v = (double) first / (first + coll);
            out.add(Rules.atLeast(a, v, rule.minFirstPersonShare(), String.format(Locale.ROOT,
                    "第一人称表述占人称表述的 %.0f%%（%d / %d），要求不少于 %.0f%%", v * 100, first, first + coll,
                    rule.minFirstPersonShare() * 100)));
        }
        List<Span> deflected = new ArrayList<>();
        List<String> ev = new ArrayList<>();
        for (Sentence s : r.sentences(Category.PROBLEM, Category.CAUSE)) {
            List<TermMatch> st = s.features().stance();
            boolean self = st.stream().anyMatch(m -> "first-person".equals(m.group()));
            List<TermMatch> defl = st.stream().filter(m -> "deflecting".equals(m.group())).toList();
            if (!defl.isEmpty() && !self) {
                deflected.add(s.span());
                if (ev.size() < 5) {
                    ev.add(defl.get(0).span().of(r.doc.text()) + "：“" + r.excerpt(s.span(), 30) + "”");
                }
            }
        }
        var b = new Rules.About(RuleId.STANCE_DEFLECTED_PROBLEMS, Dimension.STANCE, MeasureUnit.COUNT, deflected,
                ev.isEmpty() ? List.of("未发现") : ev, rule.source());
        if (r.body(Category.PROBLEM, Category.CAUSE).isEmpty()) {
            out.add(Rules.notApplicable(b, "没有问题和原因部分"));
        } else {
            out.add(Rules.atMost(b, deflected.size(), rule.maxDeflectedProblems(), "把问题推给下面或他人的句子 "
                    + deflected.size() + " 句，允许 " + rule.maxDeflectedProblems() + " 句"));
        }
        return out;
    }
}
