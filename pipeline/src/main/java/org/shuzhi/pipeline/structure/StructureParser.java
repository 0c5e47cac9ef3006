package org.shuzhi.pipeline.structure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shuzhi.pipeline.dict.DictionaryException;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.dict.TermList;
import org.shuzhi.pipeline.dict.TextFold;
import org.shuzhi.pipeline.model.Category;
import org.shuzhi.pipeline.model.Counts;
import org.shuzhi.pipeline.model.DocType;
import org.shuzhi.pipeline.model.Features;
import org.shuzhi.pipeline.model.Item;
import org.shuzhi.pipeline.model.Paragraph;
import org.shuzhi.pipeline.model.Section;
import org.shuzhi.pipeline.model.Sentence;
import org.shuzhi.pipeline.model.Span;

/**
 * Paragraphs, headings, sections, sentences and enumerated items of a cleaned text (one paragraph a line).
 *
 * <p>A line is a <b>heading</b> when it starts with a numbering marker ({@link Numbering}) and is short
 * (≤ {@value #MAX_HEADING} characters, no sentence-final 。 before its end), or has no marker but is a short line
 * (≤ {@value #MAX_BARE_HEADING}) mostly made of known heading phrases ({@code section-headings}), or starts with
 * 附： / 附件. A numbered line whose first sentence is short but which goes on (a heading merged with its first
 * sentence, e.g. {@code 1、制定党建工作责任目标。年初，我镇…}) opens a section titled by that first sentence but stays a
 * content paragraph. Other numbered lines are items.
 *
 * <p>Section kinds come from the heading's {@code section-headings} hits in reading order (存在问题及原因 → problem,
 * cause), else the parent section's kinds; in a {@link DocType#REPORT}, top-level sections without a kind that come
 * before the first problem section are achievements (the order all seed notices prescribe, DOMAIN.md R14).
 * Thread-safe.
 */
public final class StructureParser {
    /** Longest numbered line (UTF-16 units) still taken as a heading. */
    public static final int MAX_HEADING = 40;
    /** Longest unnumbered line taken as a heading when it is a known heading phrase. */
    public static final int MAX_BARE_HEADING = 24;

    /** Share of an unnumbered line that heading phrases must cover for it to be a heading. */
    public static final double BARE_COVERAGE = 0.6;

    private static final Pattern SENTENCE_END = Pattern.compile("[。!?;…]+[”\"’'」』)]*");
    private static final Pattern APPENDIX = Pattern.compile("^(附件?\\s*\\d*\\s*[:、]|附件\\s*\\d*$)");

    private final TermList headings;

    /** @throws DictionaryException if a {@code section-headings} line names an unknown kind */
    public StructureParser(Dictionaries dict) {
        this.headings = dict.list(Dictionaries.SECTION_HEADINGS);
        for (TermList.Entry e : headings.entries()) {
            try {
                kindsOf(e);
            } catch (IllegalArgumentException ex) {
                throw new DictionaryException(headings.file(), e.line(), "unknown section kind in " + e.column(0));
            }
        }
    }

    /** The parsed structure. */
    public record Structure(List<Section> sections, List<Paragraph> paragraphs) {
    }

    private record Line(int start, int end, String folded) {
    }

    private static final class Open {
        final int index;
        final int level;
        Open(int index, int level) {
            this.index = index;
            this.level = level;
        }
    }

    /** @return the structure of {@code text} */
    public Structure parse(String text, DocType docType) {
        String folded = TextFold.fold(text);
        List<Line> lines = new ArrayList<>();
        int pos = 0;
        while (pos <= text.length() && !text.isEmpty()) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            if (end > pos) {
                lines.add(new Line(pos, end, folded.substring(pos, end)));
            }
            if (nl < 0) {
                break;
            }
            pos = nl + 1;
        }
        List<Section> sections = new ArrayList<>();
        List<Paragraph> paragraphs = new ArrayList<>();
        sections.add(new Section(0, 0, "", "", new Span(0, text.length()), -1, List.of(), "none", Counts.ZERO));
        Deque<Open> open = new ArrayDeque<>();
        open.push(new Open(0, 0));
        List<int[]> sectionEnds = new ArrayList<>();
        sectionEnds.add(new int[] {text.length()});
        for (Line l : lines) {
            Numbering.Marker marker = Numbering.leading(l.folded);
            String headingText = null;
            boolean isHeading = false;
            int level = 0;
            if (marker != null) {
                level = marker.level();
                int firstEnd = firstSentenceEnd(l.folded);
                if (l.folded.length() <= MAX_HEADING && (firstEnd < 0 || firstEnd >= l.folded.length() - 1)) {
                    isHeading = true;
                    headingText = text.substring(l.start, l.end);
                } else if (firstEnd > 0 && firstEnd <= MAX_HEADING && level <= 3) {
                    headingText = text.substring(l.start, l.start + firstEnd + 1);
                }
            } else if (APPENDIX.matcher(l.folded).find() && l.folded.length() <= MAX_HEADING * 2) {
                isHeading = true;
                level = 1;
                headingText = text.substring(l.start, l.end);
            } else if (l.folded.length() <= MAX_BARE_HEADING && firstSentenceEnd(l.folded) < 0
                    && isBareHeading(l.folded)) {
                isHeading = true;
                level = open.peek().level == 0 ? 1 : Math.min(open.peek().level + 1, 4);
                headingText = text.substring(l.start, l.end);
            }
            if (headingText != null) {
                while (open.size() > 1 && open.peek().level >= level) {
                    sectionEnds.get(open.pop().index)[0] = l.start;
                }
                int idx = sections.size();
                List<Category> kinds = headingKinds(TextFold.fold(headingText));
                String mk = marker == null ? "" : text.substring(l.start, l.start + marker.text().length()).strip();
                sections.add(new Section(idx, level, headingText, mk, new Span(l.start, l.end), open.peek().index,
                        kinds, kinds.isEmpty() ? "none" : "heading", Counts.ZERO));
                sectionEnds.add(new int[] {text.length()});
                open.push(new Open(idx, level));
            }
            List<Item> items = items(text, l, marker, isHeading || headingText != null);
            paragraphs.add(new Paragraph(paragraphs.size(), text.substring(l.start, l.end), l.start, l.end, isHeading,
                    open.peek().index, items, sentences(l), Category.OTHER, 0, List.of(), Counts.ZERO));
        }
        List<Section> finished = new ArrayList<>();
        for (Section s : sections) {
            finished.add(new Section(s.index(), s.level(), s.heading(), s.marker(),
                    new Span(s.span().start(), sectionEnds.get(s.index())[0]), s.parent(), s.kinds(), s.kindOrigin(),
                    s.counts()));
        }
        return new Structure(inheritKinds(finished, docType), paragraphs);
    }

    /**
     * An unnumbered short line is a heading when heading phrases cover at least {@value #BARE_COVERAGE} of it, or it
     * ends with a colon and contains one (存在的主要问题, 下一步工作打算：; not 下一步我将加强学习).
     */
    private boolean isBareHeading(String folded) {
        String line = folded.strip();
        int covered = headings.find(line).stream().mapToInt(m -> m.span().length()).sum();
        return covered > 0 && (covered >= line.length() * BARE_COVERAGE || line.endsWith(":"));
    }

    private static int firstSentenceEnd(String folded) {
        Matcher m = SENTENCE_END.matcher(folded);
        return m.find() ? m.end() - 1 : -1;
    }

    private List<Category> headingKinds(String foldedHeading) {
        Set<Category> kinds = new LinkedHashSet<>();
        for (var m : headings.find(foldedHeading)) {
            kinds.addAll(kindsOf(headings.entry(m.term())));
        }
        return List.copyOf(kinds);
    }

    private static List<Category> kindsOf(TermList.Entry e) {
        List<Category> out = new ArrayList<>();
        for (String k : e.column(0).split(",")) {
            out.add(Category.fromId(k));
        }
        return out;
    }

    private static List<Section> inheritKinds(List<Section> sections, DocType docType) {
        List<Section> out = new ArrayList<>(sections);
        for (int i = 1; i < out.size(); i++) {
            Section s = out.get(i);
            if (s.kinds().isEmpty() && s.parent() > 0 && !out.get(s.parent()).kinds().isEmpty()) {
                out.set(i, s.withKinds(out.get(s.parent()).kinds(), "parent"));
            }
        }
        if (docType == DocType.REPORT) {
            int top = out.stream().skip(1).mapToInt(Section::level).min().orElse(0);
            int firstProblem = out.stream().filter(s -> s.level() == top && (s.kinds().contains(Category.PROBLEM)
                    || s.kinds().contains(Category.CAUSE))).mapToInt(Section::index).findFirst().orElse(-1);
            for (int i = 1; i < out.size() && firstProblem > 0; i++) {
                Section s = out.get(i);
                if (i < firstProblem && s.kinds().isEmpty()) {
                    out.set(i, s.withKinds(List.of(Category.ACHIEVEMENT), "position"));
                }
            }
        }
        return out;
    }

    private static List<Sentence> sentences(Line l) {
        List<Sentence> out = new ArrayList<>();
        Matcher m = SENTENCE_END.matcher(l.folded);
        int s = 0;
        while (m.find()) {
            if (m.end() > s) {
                out.add(new Sentence(new Span(l.start + s, l.start + m.end()), List.of(), Features.NONE));
            }
            s = m.end();
        }
        if (s < l.folded.length() && !l.folded.substring(s).isBlank()) {
            out.add(new Sentence(new Span(l.start + s, l.end), List.of(), Features.NONE));
        }
        return out;
    }

    private static List<Item> items(String text, Line l, Numbering.Marker leading, boolean opensSection) {
        List<Item> out = new ArrayList<>();
        List<int[]> starts = new ArrayList<>();
        List<String> markers = new ArrayList<>();
        if (leading != null && !opensSection) {
            starts.add(new int[] {0});
            markers.add(leading.text().strip());
        }
        Matcher m = Numbering.INLINE.matcher(l.folded);
        while (m.find()) {
            if (!starts.isEmpty() && starts.get(starts.size() - 1)[0] == m.start()) {
                continue;
            }
            starts.add(new int[] {m.start()});
            markers.add(text.substring(l.start + m.start(), l.start + m.end()));
        }
        if (markers.size() == 1 && leading == null && !markers.get(0).endsWith("是")
                && !markers.get(0).endsWith("要")) {
            return List.of();
        }
        for (int i = 0; i < starts.size(); i++) {
            int from = starts.get(i)[0];
            int to = i + 1 < starts.size() ? starts.get(i + 1)[0] : l.folded.length();
            out.add(new Item(markers.get(i), Numbering.ordinal(TextFold.fold(markers.get(i))),
                    new Span(l.start + from, l.start + to)));
        }
        return out;
    }
}
