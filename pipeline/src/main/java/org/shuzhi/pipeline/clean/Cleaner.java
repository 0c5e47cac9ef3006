package org.shuzhi.pipeline.clean;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.dict.TermList;
import org.shuzhi.pipeline.dict.TextFold;
import org.shuzhi.pipeline.model.CleaningEdit;
import org.shuzhi.pipeline.model.Span;
import org.shuzhi.pipeline.model.TermMatch;
import org.shuzhi.pipeline.segment.ChineseScript;

/**
 * Turns extracted text into the cleaned text every later stage works on, and records every change
 * ({@link CleaningEdit}) so nothing is lost silently. In order:
 * <ol>
 *   <li>layout: line ends to {@code \n}, zero-width and control characters and lone surrogates removed, lines
 *       trimmed, empty lines removed (one paragraph a line);</li>
 *   <li>traditional → simplified, when more than 2% of the CJK characters (and at least 3) are traditional;</li>
 *   <li>whole lines matching {@code boilerplate-lines} dropped (page numbers, web page furniture);</li>
 *   <li>watermarks ({@code watermarks}) removed, e.g. 【更#多素#材搜索哒哒文库&amp;】, {@code ##paidbegin##}
 *       (DOMAIN.md §5); each removal also becomes a document flag, since it proves the text came from a 文库 site;</li>
 *   <li>spun synonyms ({@code spun-synonyms}, DOMAIN.md §5) restored: {@code strong} pairs always, {@code weak}
 *       pairs only in a document with at least {@value #SPUN_MIN_STRONG} strong hits, and never inside a
 *       {@code domain-terms} word (流动党员 stays);</li>
 *   <li>unfilled template placeholders ({@code placeholders}: XX, ×××, 202_, 20**) flagged, not changed.</li>
 * </ol>
 * Thread-safe.
 */
public final class Cleaner {
    /** Strong spun-synonym hits from which a document counts as spun and weak pairs are applied too. */
    public static final int SPUN_MIN_STRONG = 3;

    private final TermList watermarks;
    private final TermList boilerplate;
    private final TermList spun;
    private final TermList domainTerms;
    private final TermList placeholders;

    public Cleaner(Dictionaries dict) {
        this.watermarks = dict.list(Dictionaries.WATERMARKS);
        this.boilerplate = dict.list(Dictionaries.BOILERPLATE_LINES);
        this.spun = dict.list(Dictionaries.SPUN_SYNONYMS);
        this.domainTerms = dict.list(Dictionaries.DOMAIN_TERMS);
        this.placeholders = dict.list(Dictionaries.PLACEHOLDERS);
    }

    /**
     * @param text  cleaned text, one paragraph a line
     * @param edits every change, {@code at} in {@code text}
     * @param flags document flags: watermarks (where they stood) and placeholders
     */
    public record Result(String text, List<CleaningEdit> edits, List<TermMatch> flags) {
    }

    private record Replacement(int start, int end, String with, String kind, String note) {
    }

    /** @return the cleaned text of {@code raw} with its edits and flags */
    public Result clean(String raw) {
        List<CleaningEdit> edits = new ArrayList<>();
        String text = layout(raw, edits);
        text = simplify(text, edits);
        String folded = TextFold.fold(text);
        List<Replacement> reps = new ArrayList<>();
        dropBoilerplateLines(text, folded, reps);
        for (TermMatch m : watermarks.find(folded)) {
            int end = m.span().end();
            boolean wholeLine = (m.span().start() == 0 || text.charAt(m.span().start() - 1) == '\n')
                    && (end == text.length() || text.charAt(end) == '\n');
            reps.add(new Replacement(m.span().start(), wholeLine && end < text.length() ? end + 1 : end, "",
                    "watermark", m.group()));
        }
        spunSynonyms(folded, reps);
        String cleaned = apply(text, reps, edits);
        List<TermMatch> flags = new ArrayList<>();
        for (CleaningEdit e : edits) {
            if (e.kind().equals("watermark")) {
                int at = Math.min(e.at(), cleaned.length());
                flags.add(new TermMatch(Dictionaries.WATERMARKS, e.original().strip(), e.note(), new Span(at, at)));
            }
        }
        flags.addAll(placeholders.find(TextFold.fold(cleaned)));
        flags.sort(Comparator.comparing(TermMatch::span));
        return new Result(cleaned, edits, flags);
    }

    private static String layout(String raw, List<CleaningEdit> edits) {
        StringBuilder b = new StringBuilder(raw.length());
        int removed = 0;
        for (String line : raw.replace("\r\n", "\n").replace('\r', '\n').split("\n")) {
            StringBuilder l = new StringBuilder(line.length());
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\t' || c == '\u00A0' || c == '\u2002' || c == '\u2003' || c == '\u2009') {
                    l.append(' ');
                } else if (c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF'
                        || c == '\u00AD' || Character.getType(c) == Character.CONTROL
                        || Character.getType(c) == Character.PRIVATE_USE) {
                    removed++;
                } else if (Character.isHighSurrogate(c) && i + 1 < line.length()
                        && Character.isLowSurrogate(line.charAt(i + 1))) {
                    l.append(c).append(line.charAt(++i));
                } else if (Character.isSurrogate(c)) {
                    removed++; // a lone surrogate is not a character: the text could not be written as UTF-8
                } else {
                    l.append(c);
                }
            }
            String s = l.toString().strip();
            if (!s.isEmpty()) {
                if (b.length() > 0) {
                    b.append('\n');
                }
                b.append(s);
            }
        }
        if (removed > 0) {
            edits.add(new CleaningEdit("control-char", "", "", 0, "删除不可见字符 " + removed + " 个"));
        }
        return b.toString();
    }

    /**
     * Traditional → simplified when more than 2% (and at least 3) of the CJK characters that cleaning keeps are
     * traditional. Characters of watermarks and boilerplate lines do not count: they are removed below, and counting
     * them would let cleaning the cleaned text decide differently (found by {@code CleanerPropertyTest}).
     */
    private String simplify(String text, List<CleaningEdit> edits) {
        String s = ChineseScript.toSimplified(text);
        if (s.length() != text.length() || s.equals(text)) {
            return text;
        }
        boolean[] removed = new boolean[text.length()];
        String folded = TextFold.fold(s);
        List<Replacement> drops = new ArrayList<>();
        dropBoilerplateLines(s, folded, drops);
        watermarks.find(folded).forEach(m -> drops.add(new Replacement(m.span().start(), m.span().end(), "", "", "")));
        for (Replacement r : drops) {
            java.util.Arrays.fill(removed, r.start(), r.end(), true);
        }
        int cjk = 0;
        int changed = 0;
        StringBuilder sample = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x4E00 && c <= 0x9FFF && !removed[i]) {
                cjk++;
                if (c != s.charAt(i)) {
                    changed++;
                    if (sample.length() < 12) {
                        sample.append(c);
                    }
                }
            }
        }
        if (changed >= 3 && changed > cjk * 0.02) {
            edits.add(new CleaningEdit("traditional", sample.toString(), ChineseScript.toSimplified(sample.toString()),
                    0, "繁体转简体 " + changed + " 字"));
            return s;
        }
        return text;
    }

    private void dropBoilerplateLines(String text, String folded, List<Replacement> reps) {
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            TermList.Entry e = boilerplate.matchWhole(folded.substring(start, end));
            if (e != null) {
                reps.add(new Replacement(start, nl < 0 ? end : end + 1, "", "boilerplate-line", e.column(0)));
            }
            start = end + 1;
        }
    }

    private void spunSynonyms(String folded, List<Replacement> reps) {
        List<TermMatch> hits = spun.find(folded);
        if (hits.isEmpty()) {
            return;
        }
        long strong = hits.stream().filter(m -> "strong".equals(spun.entry(m.term()).column(1))).count();
        List<TermMatch> protectedTerms = domainTerms.find(folded);
        for (TermMatch m : hits) {
            TermList.Entry e = spun.entry(m.term());
            boolean isStrong = "strong".equals(e.column(1));
            if (!isStrong && strong < SPUN_MIN_STRONG) {
                continue;
            }
            if (!isStrong && protectedTerms.stream().anyMatch(d -> d.span().overlaps(m.span())
                    && d.span().length() > m.span().length())) {
                continue;
            }
            reps.add(new Replacement(m.span().start(), m.span().end(), e.column(0), "spun-synonym",
                    (isStrong ? "强" : "弱") + "同义替换，文中强替换 " + strong + " 处"));
        }
    }

    private static String apply(String text, List<Replacement> reps, List<CleaningEdit> edits) {
        reps.sort(Comparator.comparingInt(Replacement::start).thenComparing(r -> -r.end()));
        StringBuilder b = new StringBuilder(text.length());
        List<CleaningEdit> applied = new ArrayList<>();
        int pos = 0;
        for (Replacement r : reps) {
            if (r.start() < pos) {
                continue;
            }
            b.append(text, pos, r.start());
            applied.add(new CleaningEdit(r.kind(), text.substring(r.start(), r.end()), r.with(), b.length(),
                    r.note()));
            b.append(r.with());
            pos = r.end();
        }
        b.append(text, pos, text.length());
        return tidyLines(b.toString(), applied, edits);
    }

    /**
     * Restores the layout rules after removals: a watermark removed from the start or end of a line leaves a space
     * there, and removing the last line leaves a line end; lines are trimmed again and empty lines dropped. The
     * edits' offsets are moved with the text, so each still points to where its change stands (never past the end).
     */
    private static String tidyLines(String s, List<CleaningEdit> applied, List<CleaningEdit> edits) {
        StringBuilder out = new StringBuilder(s.length());
        int[] map = new int[s.length() + 1];
        int start = 0;
        int mapped = 0;
        while (start <= s.length()) {
            int nl = s.indexOf('\n', start);
            int end = nl < 0 ? s.length() : nl;
            int from = start;
            int to = end;
            while (from < to && Character.isWhitespace(s.charAt(from))) {
                from++;
            }
            while (to > from && Character.isWhitespace(s.charAt(to - 1))) {
                to--;
            }
            if (from < to && out.length() > 0) {
                out.append('\n');
            }
            for (int i = start; i < end; i++) {
                map[i] = out.length() + (i >= from && i < to ? i - from : i < from ? 0 : to - from);
            }
            if (from < to) {
                out.append(s, from, to);
            }
            mapped = out.length();
            if (nl < 0) {
                break;
            }
            map[nl] = mapped;
            start = nl + 1;
        }
        map[s.length()] = out.length();
        for (CleaningEdit e : applied) {
            edits.add(new CleaningEdit(e.kind(), e.original(), e.replacement(), map[e.at()], e.note()));
        }
        return out.toString();
    }
}
