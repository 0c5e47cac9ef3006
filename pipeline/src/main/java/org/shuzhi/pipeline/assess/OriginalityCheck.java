package org.shuzhi.pipeline.assess;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.shuzhi.pipeline.model.Dimension;
import org.shuzhi.pipeline.model.Finding;
import org.shuzhi.pipeline.model.Originality;
import org.shuzhi.pipeline.profile.Profile;

/**
 * R11, R17: {@code originality.copied} (share copied from other reports or templates) and
 * {@code originality.recycled} (share taken over from the same unit's earlier reports), from the corpus comparison's
 * {@link Originality}. Without it (null) both are NOT_APPLICABLE and the dimension is not assessed.
 */
final class OriginalityCheck {
    List<Finding> check(Profile p, Originality o) {
        Profile.OriginalityRule rule = p.checks().originality();
        if (rule == null) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        String src = o == null || o.largestSource() == null ? "—" : o.largestSource();
        var a = new Rules.About("originality.copied", Dimension.ORIGINALITY, "share", List.of(),
                o == null ? List.of("未做比对") : List.of(String.format(Locale.ROOT, "%s（%.0f%%）", src,
                        o.largestRatio() * 100)), rule.source());
        var b = new Rules.About("originality.recycled", Dimension.ORIGINALITY, "share", List.of(),
                o == null ? List.of("未做比对") : List.of(String.format(Locale.ROOT, "沿用往年报告 %.0f%%",
                        o.recycledRatio() * 100)), rule.source());
        if (o == null) {
            out.add(Rules.notApplicable(a, "未与其他报告比对，原创性未评估"));
            out.add(Rules.notApplicable(b, "未与往年报告比对，原创性未评估"));
            return out;
        }
        out.add(Rules.atMost(a, o.copiedRatio(), rule.maxCopiedShare(), String.format(Locale.ROOT,
                "%.0f%% 的文字与他人报告或范文雷同，上限 %.0f%%", o.copiedRatio() * 100, rule.maxCopiedShare() * 100)));
        out.add(Rules.atMost(b, o.recycledRatio(), rule.maxRecycledShare(), String.format(Locale.ROOT,
                "%.0f%% 的文字沿用往年报告，上限 %.0f%%", o.recycledRatio() * 100, rule.maxRecycledShare() * 100)));
        return out;
    }
}
