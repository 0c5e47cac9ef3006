package org.shuzhi.pipeline.assess;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.shuzhi.pipeline.model.MeasureUnit;
import org.shuzhi.pipeline.model.Dimension;
import org.shuzhi.pipeline.model.Finding;
import org.shuzhi.pipeline.model.Originality;
import org.shuzhi.pipeline.model.Verdict;
import org.shuzhi.pipeline.model.RuleId;
import org.shuzhi.pipeline.profile.Profile;

/**
 * R11, R17: {@code originality.copied} (share taken from other reports or templates, with evidence of direction),
 * {@code originality.recycled} (share taken over from the same unit's earlier reports) and {@code originality.shared}
 * (share identical with another report of the same year with no evidence of who wrote it first), from the corpus
 * comparison's {@link Originality}. Without it (null) all are NOT_APPLICABLE and the dimension is not assessed.
 *
 * <p>Effect of 方向不明 on scores (issue 13): shared text of unknown direction counts in neither report's
 * {@code originality.copied}; both reports get the same {@code originality.shared} finding: PASS up to the profile's
 * copied-share limit, WARN (credit 0.5, "核实") above it, never FAIL — nobody is accused without evidence, and both
 * sides are treated alike. Text others took from this report ({@link Originality#givenRatio()}) is never held
 * against it.
 */
final class OriginalityCheck {
    /** Note on every originality finding of a report whose text came from OCR. */
    static final String OCR_NOTE = "本报告文字由扫描件识别（OCR）得到，可能有识别错误：雷同结论只作提示，须与原件核对，不据此认定抄袭";

    List<Finding> check(Profile p, Originality o) {
        return check(p, o, false);
    }

    /**
     * @param ocr true when the report's text came from OCR: then no finding FAILs on copied or recycled text (OCR
     *            noise alone must never make an accusation): a share over the limit is a WARN "核对原件" instead, and
     *            every originality finding carries {@link #OCR_NOTE}
     */
    List<Finding> check(Profile p, Originality o, boolean ocr) {
        List<Finding> out = checkText(p, o);
        if (!ocr) {
            return out;
        }
        List<Finding> gated = new ArrayList<>();
        for (Finding f : out) {
            Finding g = f.verdict() == Verdict.FAIL
                    ? new Finding(f.rule(), f.title(), f.dimension(), Verdict.WARN, f.value(), f.threshold(), f.unit(),
                    f.comparison(), Math.max(f.credit(), 0.5), f.spans(), f.evidence(), f.source(), OCR_NOTE,
                    f.message() + "（OCR 识别文本，请与原件核对）")
                    : new Finding(f.rule(), f.title(), f.dimension(), f.verdict(), f.value(), f.threshold(), f.unit(),
                    f.comparison(), f.credit(), f.spans(), f.evidence(), f.source(), OCR_NOTE, f.message());
            gated.add(g);
        }
        return gated;
    }

    private List<Finding> checkText(Profile p, Originality o) {
        Profile.OriginalityRule rule = p.checks().originality();
        if (rule == null) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        List<String> copiedEv = new ArrayList<>();
        if (o == null) {
            copiedEv.add("未做比对");
        } else if (o.largestSource() != null && o.copiedRatio() > 0) {
            copiedEv.add(String.format(Locale.ROOT, "%s（%.0f%%）", o.largestSource(), o.largestRatio() * 100));
        } else {
            copiedEv.add(o.passages() == 0 ? "未发现与其他文本相同的文字" : "没有有证据表明取自他人的文字");
        }
        if (o != null && o.givenRatio() > 0) {
            copiedEv.add(String.format(Locale.ROOT, "另有 %.1f%% 的文字被其他报告取用（不计入本报告）", o.givenRatio() * 100));
        }
        var a = new Rules.About(RuleId.ORIGINALITY_COPIED, Dimension.ORIGINALITY, MeasureUnit.SHARE, List.of(), copiedEv,
                rule.source());
        var b = new Rules.About(RuleId.ORIGINALITY_RECYCLED, Dimension.ORIGINALITY, MeasureUnit.SHARE, List.of(),
                o == null ? List.of("未做比对") : List.of(String.format(Locale.ROOT, "沿用往年报告 %.0f%%",
                        o.recycledRatio() * 100)), rule.source());
        if (o == null) {
            out.add(Rules.notApplicable(a, "未与其他报告比对，原创性未评估"));
            out.add(Rules.notApplicable(b, "未与往年报告比对，原创性未评估"));
            return out;
        }
        out.add(Rules.atMost(a, o.copiedRatio(), rule.maxCopiedShare(), o.copiedRatio() > 0
                ? String.format(Locale.ROOT, "%s 的文字取自他人报告或范文，上限 %.0f%%",
                Format.value(o.copiedRatio(), MeasureUnit.SHARE), rule.maxCopiedShare() * 100)
                : String.format(Locale.ROOT, "没有有证据表明取自他人报告或范文的文字，上限 %.0f%%",
                rule.maxCopiedShare() * 100)));
        out.add(Rules.atMost(b, o.recycledRatio(), rule.maxRecycledShare(), String.format(Locale.ROOT,
                "%s 的文字沿用往年报告，上限 %.0f%%", Format.value(o.recycledRatio(), MeasureUnit.SHARE),
                rule.maxRecycledShare() * 100)));
        if (o.sharedRatio() > 0) {
            String with = String.join("、", o.sharedWith());
            var c = new Rules.About(RuleId.ORIGINALITY_SHARED, Dimension.ORIGINALITY, MeasureUnit.SHARE, List.of(),
                    List.of("相同文字涉及：" + (with.isEmpty() ? "其他报告" : with)), rule.source(),
                    "方向不明：没有证据表明哪一方先写，双方按同一规则处理，不计入“雷同文字”");
            boolean over = o.sharedRatio() > rule.maxCopiedShare() + 1e-9;
            out.add(Rules.make(c, over ? Verdict.WARN : Verdict.PASS, o.sharedRatio(), rule.maxCopiedShare(), "<=",
                    over ? 0.5 : 1, String.format(Locale.ROOT, "%s 的文字与%s的报告相同，方向不明%s",
                            Format.value(o.sharedRatio(), MeasureUnit.SHARE), with.isEmpty() ? "其他" : with,
                            over ? "，超过 " + Format.value(rule.maxCopiedShare(), MeasureUnit.SHARE) + "，请核实" : "")));
        }
        return out;
    }
}
