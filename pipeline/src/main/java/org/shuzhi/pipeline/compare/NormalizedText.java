package org.shuzhi.pipeline.compare;

import java.util.Arrays;
import java.util.BitSet;
import org.shuzhi.pipeline.dict.TermList;
import org.shuzhi.pipeline.dict.TextFold;
import org.shuzhi.pipeline.model.TermMatch;

/**
 * The character sequence copy detection works on, with a map back to the cleaned text. Built from a text by
 * full-width folding ({@link TextFold}) and ASCII lower-casing, and by dropping everything that is not a letter or
 * digit (punctuation, whitespace, quotation marks: an edit of punctuation is not an edit of content). A paragraph
 * boundary and a part that is not compared (headings, title lines) become a {@link #BREAK}; a hit of the
 * official-phrase list becomes a {@link #MASK} (a phrase every report must quote is not copied text, and the words
 * around it do not join into an exact match across it). No exact match crosses either; a passage may grow across a
 * mask but not across a break (see {@link PassageAligner}).
 *
 * <p>Normalised position {@code i} stands for the cleaned-text range {@code [start(i), end(i))} (UTF-16 code units,
 * half-open; for a letter or digit one unit, for a break the whole masked range). Immutable.
 */
public final class NormalizedText {
    /** The character that stands for a paragraph boundary or a part not compared; it never matches. */
    public static final char BREAK = '\u0000';
    /** The character that stands for an official phrase; it never matches. */
    public static final char MASK = '\u0001';

    private final char[] chars;
    private final int[] start;
    private final int[] end;

    private NormalizedText(char[] chars, int[] start, int[] end) {
        this.chars = chars;
        this.start = start;
        this.end = end;
    }

    /**
     * @param text     the cleaned text (paragraphs separated by line breaks)
     * @param compared per UTF-16 unit of {@code text}, true where the text takes part in the comparison (false inside
     *                 headings and title lines); null for all
     * @param official the official phrases to mask ({@code official-phrases.txt}), or null for none
     * @return the normalised sequence
     */
    public static NormalizedText of(String text, boolean[] compared, TermList official) {
        String folded = TextFold.fold(text);
        boolean[] masked = new boolean[text.length()];
        if (official != null) {
            for (TermMatch m : official.find(folded)) {
                Arrays.fill(masked, m.span().start(), m.span().end(), true);
            }
        }
        char[] out = new char[text.length() + 1];
        int[] s = new int[out.length];
        int[] e = new int[out.length];
        int n = 0;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            char gap = (compared != null && !compared[i]) || c == '\n' || c == '\r' ? BREAK : masked[i] ? MASK : 'x';
            if (gap != 'x') {
                if (n > 0 && (out[n - 1] == gap || out[n - 1] == BREAK)) {
                    e[n - 1] = i + 1;
                } else if (n > 0 && out[n - 1] == MASK && gap == BREAK) {
                    out[n - 1] = BREAK;
                    e[n - 1] = i + 1;
                } else {
                    out[n] = gap;
                    s[n] = i;
                    e[n] = i + 1;
                    n++;
                }
            } else if (Character.isLetterOrDigit(c)) {
                out[n] = c < 128 ? Character.toLowerCase(c) : c;
                s[n] = i;
                e[n] = i + 1;
                n++;
            }
        }
        return new NormalizedText(Arrays.copyOf(out, n), Arrays.copyOf(s, n), Arrays.copyOf(e, n));
    }

    /**
     * @param text     a document's text; its non-compared paragraphs become breaks
     * @param official the official phrases to mask, or null for none
     * @return the normalised sequence copy detection compares
     */
    static NormalizedText of(ReportText text, TermList official) {
        return of(text.text(), text.comparedMask(), official);
    }

    /** @return the number of normalised characters, breaks included */
    public int length() {
        return chars.length;
    }

    /** @return normalised character {@code i} */
    public char charAt(int i) {
        return chars[i];
    }

    /** @return the normalised characters (not a copy: do not modify) */
    char[] chars() {
        return chars;
    }

    /** @return where normalised character {@code i} starts in the cleaned text */
    public int start(int i) {
        return start[i];
    }

    /** @return where normalised character {@code i} ends in the cleaned text (exclusive) */
    public int end(int i) {
        return end[i];
    }

    /**
     * @return the offsets (UTF-16, into the original text) of the characters that count in a comparison: compared,
     *         not masked as official phrases, not punctuation or spacing ({@link #gap})
     */
    public BitSet countable() {
        BitSet b = new BitSet();
        for (int i = 0; i < length(); i++) {
            if (!gap(charAt(i))) {
                b.set(start(i));
            }
        }
        return b;
    }

    /** @return true for {@link #BREAK} and {@link #MASK} */
    public static boolean gap(char c) {
        return c == BREAK || c == MASK;
    }

    /** @return the normalised characters {@code [from, to)} as a string (breaks as U+0000, masks as U+0001) */
    public String substring(int from, int to) {
        return new String(chars, from, to - from);
    }
}
