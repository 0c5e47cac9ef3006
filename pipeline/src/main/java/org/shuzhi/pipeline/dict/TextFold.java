package org.shuzhi.pipeline.dict;

/**
 * Full-width → half-width folding for matching. Length-preserving (one char in, one char out), so offsets into the
 * folded text are offsets into the original. Folds U+FF01–U+FF5E (full-width ASCII: letters, digits, （）、：；，！？)
 * to ASCII and the ideographic space U+3000 to a space; leaves 。、“”《》 and all CJK characters alone.
 */
public final class TextFold {
    private TextFold() {
    }

    /** @return the half-width form of {@code c}, or {@code c} */
    public static char fold(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return (char) (c - 0xFEE0);
        }
        return c == '\u3000' ? ' ' : c;
    }

    /** @return {@code s} with every char folded; same length as {@code s} */
    public static String fold(String s) {
        char[] a = s.toCharArray();
        for (int i = 0; i < a.length; i++) {
            a[i] = fold(a[i]);
        }
        return new String(a);
    }

    /**
     * Folds a regular expression so that it matches folded text: a full-width character whose half-width form is a
     * regex metacharacter becomes an escaped literal (（ → {@code \(}), so that {@code [，,]} and {@code （一）} keep
     * meaning what the author wrote.
     */
    public static String foldRegex(String regex) {
        StringBuilder b = new StringBuilder(regex.length() + 8);
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            char f = fold(c);
            if (f != c && "()[]{}.*+?^$|\\".indexOf(f) >= 0) {
                b.append('\\');
            }
            b.append(f);
        }
        return b.toString();
    }
}
