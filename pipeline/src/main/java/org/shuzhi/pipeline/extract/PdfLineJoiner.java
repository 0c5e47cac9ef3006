package org.shuzhi.pipeline.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.shuzhi.pipeline.dict.TermList;
import org.shuzhi.pipeline.dict.TextFold;
import org.shuzhi.pipeline.structure.Numbering;

/**
 * Turns the lines of a PDF's pages back into paragraphs: drops page numbers and running headers/footers, then
 * re-joins lines that a paragraph was wrapped into.
 *
 * <p>Header/footer rule: one of the first two or last two lines of a page is dropped when it matches a
 * {@code boilerplate-lines} pattern (page numbers such as {@code - 3 -}, {@code 第 3 页 共 5 页}), or when the same line,
 * with digits ignored, stands at the top or bottom of at least half of the pages (and at least two).
 *
 * <p>Join rule (geometry, so that headings in larger type are handled): a line ends its paragraph when the next line
 * starts with a numbering marker ({@link Numbering}) or 附, when the next line is indented (a first-line indent of
 * more than 1.5 characters), or when the line stops short of the right margin: by more than 1.2 characters after
 * sentence-final punctuation, by more than 4 characters otherwise, never after a comma-like mark. Wrapped lines are joined without a space
 * between CJK characters and with one between Latin words (never inside a number). PDF extraction's spaces between CJK characters and digits
 * are removed (淑吕 11户 → 淑吕11户).
 */
final class PdfLineJoiner {
    private PdfLineJoiner() {
    }

    /**
     * What was joined, and what was dropped.
     *
     * @param pageStarts for each page, the offset in {@code text} (UTF-16) where its first kept line begins; a page
     *                   with no kept line starts where the next one does
     */
    record Joined(String text, List<String> dropped, List<Integer> pageStarts) {
    }

    static Joined join(List<List<PdfLine>> pages, TermList boilerplate) {
        List<String> dropped = new ArrayList<>();
        List<List<PdfLine>> kept = dropFurniture(pages, boilerplate, dropped);
        List<PdfLine> lines = new ArrayList<>();
        List<Integer> firstLineOfPage = new ArrayList<>();
        for (List<PdfLine> page : kept) {
            firstLineOfPage.add(lines.size());
            lines.addAll(page);
        }
        Integer[] pageStarts = new Integer[kept.size()];
        float minLeft = (float) lines.stream().mapToDouble(PdfLine::left).min().orElse(0);
        float maxRight = margin(lines);
        StringBuilder out = new StringBuilder();
        int page = 0;
        for (int i = 0; i < lines.size(); i++) {
            while (page < pageStarts.length && firstLineOfPage.get(page) <= i) {
                pageStarts[page++] = out.length();
            }
            String line = lines.get(i).text();
            out.append(line);
            if (i == lines.size() - 1) {
                break;
            }
            String next = lines.get(i + 1).text();
            if (endsParagraph(lines.get(i), lines.get(i + 1), minLeft, maxRight)) {
                out.append('\n');
            } else if (isLatinLetter(line.charAt(line.length() - 1)) && isLatinLetter(next.charAt(0))) {
                out.append(' ');
            }
        }
        while (page < pageStarts.length) {
            pageStarts[page++] = out.length();
        }
        return new Joined(out.toString(), dropped, List.of(pageStarts));
    }

    private static boolean endsParagraph(PdfLine line, PdfLine next, float minLeft, float margin) {
        String fl = TextFold.fold(line.text());
        String fn = TextFold.fold(next.text());
        if (Numbering.leading(fn) != null || Numbering.INLINE.matcher(fn).lookingAt() || fn.startsWith("附")) {
            return true;
        }
        float em = Math.max(line.em(), 1f);
        if (next.left() > minLeft + 1.5f * Math.max(next.em(), 1f)) {
            return true;
        }
        char last = fl.charAt(fl.length() - 1);
        if (",、(《“".indexOf(last) >= 0) {
            return false;
        }
        boolean finalPunct = "。!?;:…\"”".indexOf(last) >= 0;
        return line.right() < margin - (finalPunct ? 1.2f : 4f) * em;
    }

    /**
     * The right margin: the median right edge of the lines that end within three characters of the largest right
     * edge (punctuation hanging into the margin makes the largest edge itself too far right).
     */
    private static float margin(List<PdfLine> lines) {
        float max = (float) lines.stream().mapToDouble(PdfLine::right).max().orElse(0);
        double[] near = lines.stream().filter(l -> l.right() > max - 3 * Math.max(l.em(), 1f))
                .mapToDouble(PdfLine::right).sorted().toArray();
        return near.length == 0 ? max : (float) near[near.length / 2];
    }

    private static List<List<PdfLine>> dropFurniture(List<List<PdfLine>> pages, TermList boilerplate,
                                                     List<String> dropped) {
        List<List<PdfLine>> clean = new ArrayList<>();
        java.util.Map<String, Integer> edgeCounts = new java.util.HashMap<>();
        for (List<PdfLine> p : pages) {
            for (PdfLine l : edges(p)) {
                edgeCounts.merge(key(l.text()), 1, Integer::sum);
            }
        }
        int repeatMin = Math.max(2, (pages.size() + 1) / 2);
        double[] ems = pages.stream().flatMap(List::stream).mapToDouble(PdfLine::em).sorted().toArray();
        double bodyEm = ems.length == 0 ? 0 : ems[ems.length / 2];
        for (List<PdfLine> p : pages) {
            List<PdfLine> keep = new ArrayList<>();
            java.util.Set<String> droppedHere = new java.util.HashSet<>();
            for (int i = 0; i < p.size(); i++) {
                PdfLine pl = p.get(i);
                String l = pl.text();
                boolean edge = i < 2 || i >= p.size() - 2;
                // a repeated line in larger type than the body is a title, not a running header
                boolean repeated = pages.size() >= 2 && edgeCounts.getOrDefault(key(l), 0) >= repeatMin
                        && pl.em() <= bodyEm * 1.1;
                // a running header identical to the title stands twice on page 1: drop one occurrence per page
                if (edge && (boilerplate.matchWhole(TextFold.fold(l)) != null
                        || (repeated && droppedHere.add(key(l))))) {
                    dropped.add(l);
                } else {
                    keep.add(new PdfLine(tidy(l), pl.left(), pl.right(), pl.em()));
                }
            }
            clean.add(keep);
        }
        return clean;
    }

    private static final java.util.regex.Pattern CJK_ASCII_GAP = java.util.regex.Pattern.compile(
            "(?<=[\\u4e00-\\u9fff，。、；：（）“”])\\s+(?=[0-9A-Za-z%])|(?<=[0-9A-Za-z%])\\s+(?=[\\u4e00-\\u9fff，。、；：（）“”])");

    /** Removes the spaces PDF text extraction puts between CJK characters and digits (淑吕 11户 → 淑吕11户). */
    private static String tidy(String line) {
        return CJK_ASCII_GAP.matcher(line).replaceAll("");
    }

    private static List<PdfLine> edges(List<PdfLine> p) {
        if (p.size() <= 4) {
            return p;
        }
        return Arrays.asList(p.get(0), p.get(1), p.get(p.size() - 2), p.get(p.size() - 1));
    }

    private static String key(String line) {
        return TextFold.fold(line).replaceAll("\\d+", "#").replaceAll("\\s+", "");
    }

    private static boolean isLatinLetter(char c) {
        return c < 0x80 && Character.isLetter(c);
    }
}
