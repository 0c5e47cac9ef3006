package org.shuzhi.pipeline.profile;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a notice's 字数 is counted. The notices never say (DOMAIN.md §2, §8), so each profile names its rule.
 */
public enum CountingRule {
    /** CJK characters, letters and digits; no punctuation, no whitespace (the project default, {@code Counts#chars}). */
    LETTERS_DIGITS("汉字、字母和数字（不计标点、空白）"),
    /** Every character but whitespace, punctuation included (Word's 字数 without spaces). */
    NON_WHITESPACE("除空白外的全部字符（含标点）");

    private final String label;

    CountingRule(String label) {
        this.label = label;
    }

    /** @return the id used in YAML and JSON: the name in lower case with hyphens, e.g. {@code letters-digits} */
    @JsonValue
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** @return the Chinese description */
    public String label() {
        return label;
    }

    /** @return the 字数 of {@code s} by this rule */
    public int count(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (this == LETTERS_DIGITS ? Character.isLetterOrDigit(c) : !Character.isWhitespace(c)
                    && c != '\u3000' && c != '\u00A0' && !Character.isLowSurrogate(c)) {
                n++;
            }
        }
        return n;
    }
}
