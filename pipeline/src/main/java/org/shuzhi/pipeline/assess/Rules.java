package org.shuzhi.pipeline.assess;

import java.util.List;
import org.shuzhi.pipeline.model.Dimension;
import org.shuzhi.pipeline.model.MeasureUnit;
import org.shuzhi.pipeline.model.Finding;
import org.shuzhi.pipeline.model.RuleId;
import org.shuzhi.pipeline.model.Span;
import org.shuzhi.pipeline.model.Verdict;

/** Builds findings with their verdict and {@link Credit} from a measured value and a threshold. */
final class Rules {
    private Rules() {
    }

    /** What a finding is about, before the verdict: rule, dimension, unit, evidence, source, note. */
    record About(RuleId rule, Dimension dimension, MeasureUnit unit, List<Span> spans, List<String> evidence,
                 String source, String note) {
        About(RuleId rule, Dimension dimension, MeasureUnit unit, List<Span> spans, List<String> evidence, String source) {
            this(rule, dimension, unit, spans, evidence, source, "");
        }
    }

    static Finding atMost(About a, double v, double t, String message) {
        boolean ok = v <= t + 1e-9;
        double credit = a.unit() == MeasureUnit.COUNT ? Credit.countAtMost(v, t) : Credit.atMost(v, t);
        return make(a, ok ? Verdict.PASS : Verdict.FAIL, v, t, "<=", ok ? 1 : credit, message);
    }

    static Finding atLeast(About a, double v, double t, String message) {
        boolean ok = v >= t - 1e-9;
        return make(a, ok ? Verdict.PASS : Verdict.FAIL, v, t, ">=", ok ? 1 : Credit.atLeast(v, t), message);
    }

    /** About {@code t} ± {@code tol}: WARN beyond the tolerance, FAIL beyond twice the tolerance. */
    static Finding about(About a, double v, double t, double tol, String message) {
        double d = Math.abs(v - t) / t;
        Verdict verdict = d <= tol + 1e-9 ? Verdict.PASS : d <= 2 * tol ? Verdict.WARN : Verdict.FAIL;
        return make(a, verdict, v, t, "~", Credit.about(v, t, tol), message);
    }

    /** A part found (1) or missing (0); missing is FAIL when required, else WARN with credit 0.5. */
    static Finding presence(About a, boolean found, boolean required, String message) {
        Verdict v = found ? Verdict.PASS : required ? Verdict.FAIL : Verdict.WARN;
        return make(a, v, found ? 1.0 : 0.0, 1.0, "=", found ? 1 : required ? 0 : 0.5, message);
    }

    /** A rule that could not be checked. */
    static Finding notApplicable(About a, String message) {
        return new Finding(a.rule(), a.rule().id(), a.dimension(), Verdict.NOT_APPLICABLE, null, null, a.unit(), "", 0, a.spans(),
                a.evidence(), a.source(), a.note(), message);
    }

    static Finding make(About a, Verdict verdict, Double v, Double t, String cmp, double credit, String message) {
        return new Finding(a.rule(), a.rule().id(), a.dimension(), verdict, v, t, a.unit(), cmp, Credit.clamp(credit), a.spans(),
                a.evidence(), a.source(), a.note() == null ? "" : a.note(), message);
    }
}
