package org.shuzhi.pipeline.assess;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.shuzhi.pipeline.dict.TextFold;
import org.shuzhi.pipeline.model.MeasureUnit;
import org.shuzhi.pipeline.model.Category;
import org.shuzhi.pipeline.model.Dimension;
import org.shuzhi.pipeline.model.Finding;
import org.shuzhi.pipeline.model.Paragraph;
import org.shuzhi.pipeline.model.Section;
import org.shuzhi.pipeline.model.Span;
import org.shuzhi.pipeline.model.RuleId;
import org.shuzhi.pipeline.profile.Profile;

/**
 * R5, R10, R13, R14: each part the profile lists ({@code structure.<kind>}: found when at least one non-heading
 * paragraph has that category, or a heading names that part — 三、下一步打算 — in which case the paragraphs of its
 * section are the part; "缺少…部分" is said only when neither holds), the self-assessment budget ({@code budget.self-assessment}) and each 必答题
 * ({@code required-topic.<id>}: answered when at least {@code minKeywords} different keywords occur in the
 * achievement paragraphs and headings).
 */
final class StructureCheck implements Check {
    @Override
    public List<Finding> check(ReportView r, Profile p) {
        List<Finding> out = new ArrayList<>();
        for (Profile.SectionRule s : p.sections()) {
            List<Paragraph> ps = r.body(s.kind());
            Section named = r.doc.sections().stream().filter(x -> x.kindOrigin() == Section.KindOrigin.HEADING
                    && x.kinds().contains(s.kind())).findFirst().orElse(null);
            if (ps.isEmpty() && named != null) {
                // the heading names the part (三、下一步打算) though no paragraph under it was classified so: the part
                // exists, and saying it is missing would be false
                ps = r.doc.paragraphs().stream().filter(x -> named.span().contains(x.span())).toList();
            }
            boolean found = !ps.isEmpty();
            List<String> ev = found ? List.of("“" + r.excerpt(ps.get(0).span(), 24) + "”等 " + ps.size() + " 段")
                    : List.of("未找到" + s.kind().label() + "段落，也没有以它为名的标题");
            var a = new Rules.About(RuleId.structure(s.kind()), Dimension.STRUCTURE, MeasureUnit.PRESENCE,
                    ps.stream().limit(1).map(Paragraph::span).toList(), ev, s.source(),
                    s.required() ? "" : "本通知未要求，缺少时只作提示");
            out.add(Rules.presence(a, found, s.required(), found ? "有" + s.kind().label() + "部分（" + ps.size()
                    + " 段）" : "缺少" + s.kind().label() + "部分" + (s.required() ? "" : "（本通知未作要求，仅提示）")));
            if (s.targetChars() != null && found) {
                int n = ps.stream().mapToInt(r::chars).sum();
                var b = new Rules.About(RuleId.BUDGET_SELF_ASSESSMENT, Dimension.STRUCTURE, MeasureUnit.CHARS,
                        ps.stream().map(Paragraph::span).toList(), List.of(n + " 字"), s.source());
                out.add(Rules.about(b, n, s.targetChars(), s.tolerance(), String.format(Locale.ROOT,
                        "%s %,d 字，要求 %d 字左右", s.kind().label(), n, s.targetChars())));
            }
        }
        for (Profile.Topic t : p.requiredTopics()) {
            out.add(topic(r, t));
        }
        return out;
    }

    private static Finding topic(ReportView r, Profile.Topic t) {
        Set<String> found = new LinkedHashSet<>();
        List<Span> spans = new ArrayList<>();
        for (Paragraph p : r.doc.paragraphs()) {
            if (p.category() != Category.ACHIEVEMENT) {
                continue;
            }
            for (String k : t.keywords()) {
                String fk = TextFold.fold(k);
                int at = r.folded.indexOf(fk, p.start());
                if (at >= 0 && at + fk.length() <= p.end() && found.add(k)) {
                    spans.add(new Span(at, at + fk.length()));
                }
            }
        }
        Paragraph heading = null;
        for (Paragraph p : r.doc.paragraphs()) {
            if (p.heading() && (p.text().contains("必答题") || t.keywords().stream()
                    .filter(k -> p.text().contains(k)).count() >= t.minKeywords())) {
                heading = p;
                break;
            }
        }
        List<String> ev = new ArrayList<>();
        ev.add(found.isEmpty() ? "成绩部分未出现关键词：" + String.join("、", t.keywords())
                : "出现关键词：" + String.join("、", found));
        if (heading != null) {
            ev.add("专门标题：" + heading.text().strip());
            spans.add(0, heading.span());
        }
        var a = new Rules.About(RuleId.requiredTopic(t.id()), Dimension.STRUCTURE, MeasureUnit.COUNT, spans, ev, t.source(),
                "必答题：" + t.title());
        boolean keywords = found.size() >= t.minKeywords();
        org.shuzhi.pipeline.model.Verdict v;
        String msg;
        if (heading != null || (keywords && !t.requireHeading())) {
            v = org.shuzhi.pipeline.model.Verdict.PASS;
            msg = "回答了必答题“" + t.title() + "”" + (heading != null ? "（有专门标题）" : "（出现 " + found.size() + " 个关键词）");
        } else if (keywords) {
            v = org.shuzhi.pipeline.model.Verdict.WARN;
            msg = "提到必答题“" + t.title() + "”的内容，但没有分题作答";
        } else {
            v = org.shuzhi.pipeline.model.Verdict.FAIL;
            msg = "未回答必答题“" + t.title() + "”（关键词 " + found.size() + " 个，至少需 " + t.minKeywords() + " 个）";
        }
        return Rules.make(a, v, (double) found.size(), (double) t.minKeywords(), ">=",
                v == org.shuzhi.pipeline.model.Verdict.PASS ? 1 : v == org.shuzhi.pipeline.model.Verdict.WARN ? 0.5 : 0,
                msg);
    }
}
