package org.shuzhi.app.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.shuzhi.pipeline.assess.Format;
import org.shuzhi.pipeline.model.Assessment;
import org.shuzhi.pipeline.model.CommentSentence;
import org.shuzhi.pipeline.model.DimensionScore;
import org.shuzhi.pipeline.model.Finding;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.model.RuleFamily;
import org.shuzhi.pipeline.model.RuleId;
import org.shuzhi.pipeline.model.Span;
import org.shuzhi.pipeline.model.Verdict;

/**
 * The quality analysis of one report as the HTML page and the Word document show it: findings with formatted value
 * and threshold, scores, level and reasons, the draft 点评 by part, and the chart data. Built from
 * {@link ReportDocument#assessment()} only, so the page, the .docx and the summary cannot disagree.
 *
 * @param assessed   false when the report was not assessed (then only {@code notAssessed} is meaningful)
 * @param notAssessed why not assessed, or empty
 * @param profile    profile id and name, e.g. s0 · 衡阳科院 …
 * @param origin     why this profile, Chinese
 * @param counting   the counting rule's Chinese description (e.g. 汉字、字母和数字（不计标点、空白）)
 * @param totalChars the report's 字数 by that rule
 * @param overall    the overall score formatted (e.g. 72.5), or —
 * @param level      the level's label
 * @param levelId    the level's id (CSS class)
 * @param reasons    the level's reasons
 * @param findings   all findings
 * @param flagged    FAIL and WARN findings only
 * @param scores     dimension scores
 * @param comment    the draft 点评, by part label
 * @param commentText the draft 点评 as plain text (three titled paragraphs), for copy/download
 * @param chartJson  data of the two charts, JSON (safe inside a script element)
 * @param disclaimer {@link Assessment#DISCLAIMER}
 */
public record AssessmentView(boolean assessed, String notAssessed, String profile, String origin, String counting,
                             int totalChars, String overall, String level, String levelId, List<String> reasons,
                             List<FindingRow> findings, List<FindingRow> flagged, List<ScoreRow> scores,
                             List<CommentPart> comment, String commentText, String chartJson, String disclaimer) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A finding as shown: {@code name} is the rule's Chinese name ({@link RuleNames}), {@code rule} the id (for
     * tooltips and anchors only), {@code source} the rule's source as a reviewer reads it.
     */
    public record FindingRow(String rule, String name, String dimension, String verdict, String verdictId, String value,
                             String threshold, String message, List<String> evidence, String source, String note,
                             List<Span> spans, int paragraph) {
    }

    /** A dimension score as shown. */
    public record ScoreRow(String dimension, String score, double width, String formula, boolean assessed) {
    }

    /** A part of the 点评 with its sentences. */
    public record CommentPart(String label, List<CommentLine> sentences) {
    }

    /** A 点评 sentence with the Chinese names and the ids of the rules it was built from. */
    public record CommentLine(String text, String rules, String ruleIds) {
    }

    /** @return the view of {@code doc}'s assessment */
    public static AssessmentView of(ReportDocument doc) {
        Assessment a = doc.assessment();
        if (!a.assessed()) {
            return new AssessmentView(false, a.notAssessed(), "", "", "", 0, "—", a.level().label(), a.level().id(),
                    List.of(), List.of(), List.of(), List.of(), List.of(), "", "{}", Assessment.DISCLAIMER);
        }
        List<FindingRow> rows = a.findings().stream().map(f -> row(doc, f)).toList();
        List<ScoreRow> scores = a.scores().stream().map(s -> new ScoreRow(s.dimension().label(),
                s.assessed() ? String.format(Locale.ROOT, "%.0f", s.score()) : "未评估",
                s.assessed() ? s.score() : 0, s.formula(), s.assessed())).toList();
        List<CommentPart> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (CommentSentence.Part part : CommentSentence.Part.values()) {
            List<CommentLine> lines = a.comment().stream().filter(c -> c.part() == part)
                    .map(c -> new CommentLine(c.text(), RuleNames.names(c.rules(), a), String.join("、", c.rules().stream().map(RuleId::id).toList())))
                    .toList();
            if (!lines.isEmpty()) {
                parts.add(new CommentPart(part.label(), lines));
                text.append(part.label()).append("：").append(String.join("", lines.stream().map(CommentLine::text)
                        .toList())).append("\n\n");
            }
        }
        String origin = switch (a.profileOrigin()) {
            case "run" -> "运行时指定（--profile）";
            case "manifest" -> "报告清单（manifest）中指定";
            default -> "默认配置（未指定）";
        };
        return new AssessmentView(true, "", a.profile() + " · " + a.profileName(), origin,
                RuleNames.counting(a.countingRule()),
                a.totalChars(), a.overall() == null ? "—" : String.format(Locale.ROOT, "%.1f", a.overall()),
                a.level().label(), a.level().id(),
                a.levelReasons().stream().map(r -> RuleNames.text(r, a)).toList(), rows,
                rows.stream().filter(r -> r.verdictId().equals("fail") || r.verdictId().equals("warn")).toList(),
                scores, parts, text.toString().strip(), chartJson(a), Assessment.DISCLAIMER);
    }

    private static FindingRow row(ReportDocument doc, Finding f) {
        int para = f.spans().isEmpty() ? -1 : doc.paragraphs().stream()
                .filter(p -> p.start() <= f.spans().get(0).start() && f.spans().get(0).start() < Math.max(p.end(), p.start() + 1))
                .mapToInt(org.shuzhi.pipeline.model.Paragraph::index).findFirst().orElse(-1);
        return new FindingRow(f.rule().id(), RuleNames.name(f), f.dimension().label(), f.verdict().label(), f.verdict().id(),
                Format.value(f.value(), f.unit()), Format.threshold(f.threshold(), f.unit(), f.comparison(), null),
                RuleNames.text(f.message(), doc.assessment()), f.evidence(), RuleNames.source(f.source()), RuleNames.text(f.note(), doc.assessment()), f.spans(), para);
    }

    /** Proportion rows: the report's share of each rule's parts against the rule's bound (budgets as shares). */
    private static String chartJson(Assessment a) {
        List<String> labels = new ArrayList<>();
        List<Double> actual = new ArrayList<>();
        List<Double> bound = new ArrayList<>();
        List<String> ok = new ArrayList<>();
        for (Finding f : a.findings()) {
            boolean share = f.rule().family() == RuleFamily.SHARE;
            boolean budget = f.rule().family() == RuleFamily.BUDGET;
            if ((!share && !budget) || f.value() == null || f.threshold() == null || a.totalChars() == 0) {
                continue;
            }
            double v = share ? f.value() : f.value() / a.totalChars();
            double t = share ? f.threshold() : f.threshold() / a.totalChars();
            String cmp = switch (f.comparison()) {
                case "<=" -> "≤";
                case ">=" -> "≥";
                default -> "约";
            };
            labels.add(f.title() + " " + cmp + Format.value(f.threshold(), f.unit()));
            actual.add(round(v * 100));
            bound.add(round(t * 100));
            ok.add(f.verdict().id());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shareLabels", labels);
        m.put("shareActual", actual);
        m.put("shareBound", bound);
        m.put("shareVerdict", ok);
        List<String> dims = new ArrayList<>();
        List<Object> vals = new ArrayList<>();
        for (DimensionScore s : a.scores()) {
            dims.add(s.dimension().label() + (s.assessed() ? "" : "（未评估）"));
            vals.add(s.assessed() ? s.score() : null);
        }
        m.put("dimensions", dims);
        m.put("scores", vals);
        try {
            return JSON.writeValueAsString(m).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** @return true for a FAIL or WARN verdict id */
    static boolean flagged(Verdict v) {
        return v == Verdict.FAIL || v == Verdict.WARN;
    }
}
