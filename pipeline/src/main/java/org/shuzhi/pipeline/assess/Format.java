package org.shuzhi.pipeline.assess;

import java.util.Locale;
import org.shuzhi.pipeline.model.MeasureUnit;

/** Chinese display of a finding's values by unit (see {@link org.shuzhi.pipeline.model.Finding#unit()}). */
public final class Format {
    private Format() {
    }

    /**
     * @param v    the value, or null
     * @param unit the unit of {@code v}
     * @return e.g. 45%, 30.3% (one decimal unless whole), 1,200 字, 3 处, 4.2 处/千字, 有/无; “—” for null
     */
    public static String value(Double v, MeasureUnit unit) {
        if (v == null) {
            return "—";
        }
        return switch (unit) {
            case SHARE, RATIO -> Math.abs(v * 100 - Math.round(v * 100)) < 0.05
                    ? String.format(Locale.ROOT, "%.0f%%", v * 100) : String.format(Locale.ROOT, "%.1f%%", v * 100);
            case CHARS -> String.format(Locale.ROOT, "%,d 字", Math.round(v));
            case COUNT -> String.format(Locale.ROOT, "%d 处", Math.round(v));
            case PER_1000_CHARS -> String.format(Locale.ROOT, "%.1f 处/千字", v);
            case PRESENCE -> v >= 1 ? "有" : "无";
        };
    }

    /** @return the threshold with its comparison, e.g. ≤ 30%, ≥ 1,000 字, 约 3,000 字（±10%） */
    public static String threshold(Double t, MeasureUnit unit, String comparison, Double tolerance) {
        if (t == null) {
            return "—";
        }
        String v = value(t, unit);
        return switch (comparison) {
            case "<=" -> "≤ " + v;
            case ">=" -> "≥ " + v;
            case "~" -> "约 " + v + (tolerance == null ? "" : String.format(Locale.ROOT, "（±%.0f%%）", tolerance * 100));
            default -> v;
        };
    }
}
