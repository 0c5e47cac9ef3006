package org.shuzhi.pipeline.model;

/**
 * A metadata value and where it came from.
 *
 * @param value  the value, or null when unknown
 * @param origin {@code manifest}, {@code filename}, {@code title} or {@code none}
 */
public record MetaValue(String value, String origin) {
    /** The unknown value. */
    public static final MetaValue NONE = new MetaValue(null, "none");

    /** @return true when a value is known */
    public boolean known() {
        return value != null && !value.isBlank();
    }
}
