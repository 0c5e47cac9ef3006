package org.shuzhi.pipeline.structure;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbering styles of 述职报告 headings and items (DOMAIN.md §3(e)): level 1 {@code 一、}, level 2 {@code （一）},
 * level 3 {@code 1.} / {@code 1、} / {@code 1．}, level 4 {@code （1）} / {@code ①}; inline {@code 一是…二是…},
 * {@code 一要…}, {@code 第一，…}, {@code 首先/其次/再次/最后}. All patterns run on full-width-folded text.
 */
public final class Numbering {
    private Numbering() {
    }

    private static final String CN = "[一二三四五六七八九十]{1,3}";

    /** A line-leading marker and its level. */
    public record Marker(int level, String text, int ordinal) {
    }

    private static final Pattern[] LEVELS = {
        Pattern.compile("^\\s*(" + CN + "\\s*[、.]|第" + CN + "(部分|章|节)[、:.\\s]?)"),
        Pattern.compile("^\\s*(\\(\\s*" + CN + "\\s*\\)[、.]?)"),
        Pattern.compile("^\\s*(\\d{1,2}\\s*[、.](?!\\d))"),
        Pattern.compile("^\\s*(\\(\\s*\\d{1,2}\\s*\\)[、.]?|[\\u2460-\\u2473]|\\d{1,2}\\)(?!\\d))"),
    };

    /** Inline enumerations inside a paragraph; group 1 is the marker. */
    public static final Pattern INLINE = Pattern.compile(
            "(?:^|(?<=[。;:,\\s、!?]))(" + CN + "是|" + CN + "要|第" + CN + "(?=[,:、])|首先|其次|再次|最后(?=[,:、])|"
                    + "[\\u2460-\\u2473])");

    /**
     * @param folded a folded line
     * @return the line-leading numbering marker with its level (1–4), or null
     */
    public static Marker leading(String folded) {
        for (int i = 0; i < LEVELS.length; i++) {
            Matcher m = LEVELS[i].matcher(folded);
            if (m.find()) {
                String t = m.group(1);
                return new Marker(i + 1, t, ordinal(t));
            }
        }
        return null;
    }

    /** @return the number in a marker (一 → 1, （12） → 12, ③ → 3, 十二 → 12, 首先 → 1), or 0 when it has none */
    public static int ordinal(String marker) {
        if (marker.startsWith("首先")) {
            return 1;
        }
        if (marker.startsWith("其次")) {
            return 2;
        }
        if (marker.startsWith("再次")) {
            return 3;
        }
        for (char c : marker.toCharArray()) {
            if (c >= '\u2460' && c <= '\u2473') {
                return c - '\u2460' + 1;
            }
        }
        String digits = marker.replaceAll("\\D", "");
        if (!digits.isEmpty()) {
            return Integer.parseInt(digits);
        }
        return chineseNumber(marker.replaceAll("[^一二三四五六七八九十]", ""));
    }

    /** @return the value of a Chinese numeral up to 99 (一, 十, 十二, 二十三), 0 for an empty or invalid one */
    public static int chineseNumber(String s) {
        String digits = "一二三四五六七八九";
        if (s.isEmpty()) {
            return 0;
        }
        int ten = s.indexOf('十');
        if (ten < 0) {
            return s.length() == 1 ? digits.indexOf(s.charAt(0)) + 1 : 0;
        }
        int tens = ten == 0 ? 1 : digits.indexOf(s.charAt(0)) + 1;
        int ones = ten == s.length() - 1 ? 0 : digits.indexOf(s.charAt(ten + 1)) + 1;
        return tens * 10 + ones;
    }
}
