package org.shuzhi.pipeline.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.shuzhi.pipeline.dict.TextFold;
import org.shuzhi.pipeline.structure.Numbering;

/**
 * Finds the reports of a compiled booklet (述职材料汇编): a file holding a title page, perhaps a contents page, then
 * one report after another, each opening with its title line and its author line, as districts and colleges bind
 * them for the 述职评议 meeting.
 *
 * <p>A report starts at a <em>title line</em> followed by an <em>author line</em>:
 * <ul>
 *   <li>title: a paragraph (or two, when a centred title wraps and its second line, at most {@value #MAX_WRAPPED}
 *       characters, reads as a paragraph of its own) of {@value #MIN_TITLE}–{@value #MAX_TITLE} characters containing 述职报告 (or ending in
 *       述职), not opening with a heading number (一、 （一） 1.), not ending in sentence punctuation, not naming the
 *       booklet itself (汇编, 目录) and not a contents entry (dot leaders or a trailing page number);</li>
 *   <li>author: the next paragraph, at most {@value #MAX_AUTHOR} characters, without sentence punctuation, not itself a
 *       title and not a heading, and followed by body text.</li>
 * </ul>
 * The file is split only when at least two such starts are found and every report so delimited has at least
 * {@value #MIN_REPORT_CHARS} meaningful characters; a single report (one title) is never split. Whatever stands
 * before the first report (title page, contents) is left out. Rules from the booklets of the units in
 * corpus-samples (title line, then 「unit + 书记 + name」).
 */
public final class BookletSplitter {
    static final int MIN_TITLE = 6;
    static final int MAX_TITLE = 60;
    static final int MAX_AUTHOR = 40;
    /** Longest second line of a title wrapped over two lines. */
    static final int MAX_WRAPPED = 30;
    /** Shortest first line of a title wrapped over two lines. */
    static final int MIN_WRAPPING = 15;
    /** Smallest report kept as a part, in letters, digits and CJK characters. */
    static final int MIN_REPORT_CHARS = 300;

    private static final Pattern CONTENTS_ENTRY = Pattern.compile(".*(\\.{3,}|…{1,}|·{3,}|-{3,}|\\s)\\s*\\d{1,4}\\s*$"
            + "|.*\\D\\d{1,4}$");
    private static final String SENTENCE_END = "。；;！!？?，,：:";

    private BookletSplitter() {
    }

    /**
     * One report of a booklet.
     *
     * @param start     offset of its title line in the booklet's text
     * @param end       offset where it ends (the next report's title, or the end of the text)
     * @param firstPage 1-based page its title stands on, 0 when the text has no pages
     * @param lastPage  1-based page its last character stands on, 0 when the text has no pages
     * @param title     its title line
     */
    public record Part(int start, int end, int firstPage, int lastPage, String title) {
    }

    /**
     * @param text       the extracted text, paragraphs separated by {@code \n}
     * @param pageStarts offsets where each page begins, or empty
     * @return the booklet's reports in order, or an empty list when the text is one report (or not a booklet)
     */
    public static List<Part> split(String text, List<Integer> pageStarts) {
        List<int[]> paras = new ArrayList<>(); // start, end
        int at = 0;
        for (String p : text.split("\n", -1)) {
            if (!p.isBlank()) {
                paras.add(new int[] {at, at + p.length()});
            }
            at += p.length() + 1;
        }
        List<Integer> starts = new ArrayList<>();
        List<Integer> titleEnds = new ArrayList<>();
        for (int i = 0; i + 2 < paras.size(); i++) {
            String title = text.substring(paras.get(i)[0], paras.get(i)[1]).strip();
            String next = text.substring(paras.get(i + 1)[0], paras.get(i + 1)[1]).strip();
            if (isTitle(title) && isAuthor(next)) {
                starts.add(i);
                titleEnds.add(paras.get(i)[1]);
                i++;
            } else if (i + 3 < paras.size() && next.length() <= MAX_WRAPPED && !isTitle(title) && wrapsOn(title)
                    && isTitle(title + next)
                    && isAuthor(text.substring(paras.get(i + 2)[0], paras.get(i + 2)[1]).strip())) {
                // a centred title wrapped onto a second line (PDF, OFD): the second line reads as its own paragraph
                starts.add(i);
                titleEnds.add(paras.get(i + 1)[1]);
                i += 2;
            }
        }
        if (starts.size() < 2) {
            return List.of();
        }
        List<Part> parts = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            int s = paras.get(starts.get(k))[0];
            int e = k + 1 < starts.size() ? paras.get(starts.get(k + 1))[0] : text.length();
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
            if (Extractor.meaningfulChars(text.substring(s, e)) < MIN_REPORT_CHARS) {
                return List.of();
            }
            String title = text.substring(s, titleEnds.get(k)).replaceAll("\\s*\n\\s*", "").strip();
            parts.add(new Part(s, e, page(pageStarts, s), page(pageStarts, Math.max(s, e - 1)), title));
        }
        return parts;
    }

    static boolean isTitle(String p) {
        String f = TextFold.fold(p).replaceAll("\\s+", "");
        if (f.length() < MIN_TITLE || f.length() > MAX_TITLE) {
            return false;
        }
        if (!(f.contains("述职报告") || f.endsWith("述职"))) {
            return false;
        }
        if (f.contains("汇编") || f.contains("目录") || f.startsWith("附")) {
            return false;
        }
        if (Numbering.leading(f) != null || SENTENCE_END.indexOf(f.charAt(f.length() - 1)) >= 0) {
            return false;
        }
        return !CONTENTS_ENTRY.matcher(TextFold.fold(p).strip()).matches();
    }

    /**
     * @return true if {@code line} can be the first line of a title wrapped onto a second line: a full line (at least
     *         {@value #MIN_WRAPPING} characters) without inner spaces (a cover's 「unit　date」 line has them) and not a
     *         contents entry
     */
    static boolean wrapsOn(String line) {
        String f = TextFold.fold(line).strip();
        return f.length() >= MIN_WRAPPING && !f.matches(".*\\s.*") && !CONTENTS_ENTRY.matcher(f).matches();
    }

    static boolean isAuthor(String p) {
        String f = TextFold.fold(p).strip();
        if (f.isEmpty() || f.length() > MAX_AUTHOR || isTitle(f) || Numbering.leading(f) != null) {
            return false;
        }
        for (char c : f.toCharArray()) {
            if ("。；;！!？?，,".indexOf(c) >= 0) {
                return false;
            }
        }
        return !CONTENTS_ENTRY.matcher(f).matches();
    }

    /** @return the 1-based page of {@code offset}, or 0 without pages */
    static int page(List<Integer> pageStarts, int offset) {
        int page = 0;
        for (int i = 0; i < pageStarts.size(); i++) {
            if (pageStarts.get(i) <= offset) {
                page = i + 1;
            }
        }
        return page;
    }
}
