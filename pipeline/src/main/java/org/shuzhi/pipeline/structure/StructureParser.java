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
 * <p><b>Headings name a section; claims are content.</b> A line is a <b>heading</b> ({@link Paragraph#heading()})
 * when it only names or opens a section:
 * <ul>
 *   <li>a numbered line ({@link Numbering}) of at most {@value #MAX_HEADING} characters, with no sentence end before
 *       its end, that makes no claim: {@code 一、主要做法及成效}, {@code 二、存在的问题。}, {@code （二）原因剖析：},
 *       {@code （一）强化政治引领}, {@code 1、加强班子建设}, {@code 一、明确职责，增强责任感} (a topic of two short
 *       phrases without a sentence end is still a title);</li>
 *   <li>an unnumbered line of at most {@value #MAX_BARE_HEADING} characters, no sentence end, mostly made of known
 *       heading phrases ({@code section-headings}): {@code 存在的主要问题}, {@code 下一步工作打算：};</li>
 *   <li>a line starting with 附： / 附件.</li>
 * </ul>
 * A numbered line <b>makes a claim</b> when it is not mostly a section name (heading phrases cover less than
 * {@value #BARE_COVERAGE} of it, trailing punctuation aside) and either
 * <ul>
 *   <li>has a colon followed by a statement of at least {@value #MIN_STATEMENT} letters or digits:
 *       {@code 1.组织生活质量不高：党课多以念稿为主} — the colon introduces what is wrong, not a list — unless what
 *       precedes the colon names a section: {@code （一）必答题：落实立德树人根本任务，推动党建和业务深度融合} is a heading
 *       whose title follows the colon; or</li>
 *   <li>ends with a sentence end 。；！？ (not an ellipsis): {@code （一）政治理论学习不够深，在学风上有差距。},
 *       {@code 1、推进村级集体经济发展，为乡村振兴打牢基础。} — a heading is a title, a sentence says something.</li>
 * </ul>
 * (Predicates are not detected: the structure stage runs before segmentation, so the sign of a statement is its
 * punctuation.) A claim line is a content paragraph, never a heading, so classification, scoring, year-over-year
 * and copy detection all see its text, per LABELS.md ("a heading that makes a claim is labelled by the claim"). It
 * is an <b>item of the innermost open section</b> (its leading marker is in {@link Paragraph#items()}): the numbered
 * problems, causes and plans under {@code （二）原因剖析} or {@code 三、下一步打算} all belong to that section and get its
 * kinds. It opens a section, still as a content paragraph, only when a section of its own level or deeper is open
 * (a sibling of a titled subsection such as {@code 1、加强班子建设}: it closes that section and takes its place), or
 * when it is an outline entry (level ≤ {@value #OUTLINE_LEVEL}, 一、 or （一）) and no section is open yet
 * ({@code 一、围绕中心大局，牢固树立三种意识。} in a text whose parts are all titled by sentences).
 *
 * <p>A numbered line whose first sentence is short (≤ {@value #MAX_HEADING}) but which goes on (a heading merged with
 * its first sentence, e.g. {@code 1、制定党建工作责任目标。年初，我镇…}) opens a section titled by that first sentence
 * but stays a content paragraph. Other numbered lines are items of the innermost open section.
 *
 * <p>Section kinds come from the heading's {@code section-headings} hits in reading order (存在问题及原因 → problem,
 * cause), else the parent section's kinds. A section opened by a content paragraph (claim or merged heading) below a
 * section with kinds takes its parent's kinds unless its title is mostly a section name: the words of a claim
 * (问题, 不足, 差距 in a cause or a plan) say nothing about what follows. In a {@link DocType#REPORT}, top-level
 * sections without a kind that come before the first problem section are achievements (the order all seed notices prescribe, DOMAIN.md R14).
 * Thread-safe.
 */
public final class StructureParser {
    /** Longest numbered line (UTF-16 units) still taken as a heading. */
    public static final int MAX_HEADING = 40;
    /** Longest unnumbered line taken as a heading when it is a known heading phrase. */
    public static final int MAX_BARE_HEADING = 24;

    /** Share of an unnumbered line that heading phrases must cover for it to be a heading. */
    public static final double BARE_COVERAGE = 0.6;

    /** Fewest letters or digits after a colon for the colon to introduce a statement, which makes a line a claim. */
    public static final int MIN_STATEMENT = 4;
    /** Deepest numbering level (（一）) whose claims open a section when no section is open: the report's outline. */
    public static final int OUTLINE_LEVEL = 2;

    private static final Pattern SENTENCE_END = Pattern.compile("[。!?;…]+[”\"’'」』)]*");
    private static final Pattern FINAL_END = Pattern.compile("[。!?;]+[”\"’'」』)]*$");
    private static final Pattern TRAILING_PUNCT = Pattern.compile("[。.!?;…:,、\\s]+$");
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
        sections.add(new Section(0, 0, "", "", new Span(0, text.length()), -1, List.of(), Section.KindOrigin.NONE, Counts.ZERO));
        Deque<Open> open = new ArrayDeque<>();
        open.push(new Open(0, 0));
        List<int[]> sectionEnds = new ArrayList<>();
        sectionEnds.add(new int[] {text.length()});
        for (Line l : lines) {
            Numbering.Marker marker = Numbering.leading(l.folded);
            String headingText = null;
            boolean isHeading = false;
            int level = 0;
            boolean content = false;
            if (marker != null) {
                level = marker.level();
                int markerEnd = afterMarker(l.folded, marker);
                int firstEnd = firstSentenceEnd(l.folded);
                boolean oneSentence = firstEnd < 0 || firstEnd >= l.folded.length() - 1;
                if (l.folded.length() <= MAX_HEADING && oneSentence) {
                    headingText = text.substring(l.start, l.end);
                    if (isClaim(l.folded.substring(markerEnd))) {
                        // a claim is content; it opens a section only in place of an open one of its level or
                        // deeper, or as an outline entry (一、 （一）) of a text where no section is open yet
                        content = true;
                        if (open.peek().level < level && !(open.peek().index == 0 && level <= OUTLINE_LEVEL)) {
                            headingText = null;
                        }
                    } else {
                        isHeading = true;
                    }
                } else if (!oneSentence && firstEnd <= MAX_HEADING && level <= 3) {
                    content = true;
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
                String foldedHeading = TextFold.fold(headingText);
                List<Category> kinds = content && kindedAncestor(sections, open)
                        && !namesSection(foldedHeading.substring(afterMarker(foldedHeading, marker)))
                        ? List.of() : headingKinds(foldedHeading);
                String mk = marker == null ? "" : text.substring(l.start, l.start + marker.text().length()).strip();
                sections.add(new Section(idx, level, headingText, mk, new Span(l.start, l.end), open.peek().index,
                        kinds, kinds.isEmpty() ? Section.KindOrigin.NONE : Section.KindOrigin.HEADING, Counts.ZERO));
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

    /**
     * A numbered line makes a claim when it is not a section name ({@link #namesSection}) and either has a colon
     * followed by a statement of at least {@value #MIN_STATEMENT} letters or digits (支部活动形式单一：学习仍以读文件为主)
     * or ends with a sentence end 。；！？ (推进村级集体经济发展，为乡村振兴打牢基础。; not an ellipsis, which elides).
     *
     * @param body the folded line after its numbering marker
     */
    private boolean isClaim(String body) {
        if (namesSection(body)) {
            return false;
        }
        int colon = body.indexOf(':');
        while (colon >= 0) {
            int letters = 0;
            for (int i = colon + 1; i < body.length(); i++) {
                if (Character.isLetterOrDigit(body.charAt(i))) {
                    letters++;
                }
            }
            if (letters >= MIN_STATEMENT && !namesSection(body.substring(0, colon))) {
                return true;
            }
            colon = body.indexOf(':', colon + 1);
        }
        return FINAL_END.matcher(body.stripTrailing()).find();
    }

    /**
     * @param text folded text after a numbering marker
     * @return true when heading phrases cover at least {@value #BARE_COVERAGE} of it, trailing punctuation aside
     *         (存在的主要问题。, 原因剖析：)
     */
    private boolean namesSection(String text) {
        String core = TRAILING_PUNCT.matcher(text.strip()).replaceAll("");
        if (core.isEmpty()) {
            return false;
        }
        int covered = headings.find(core).stream().mapToInt(m -> m.span().length()).sum();
        return covered >= core.length() * BARE_COVERAGE;
    }

    /**
     * Whether a heading line only names its section (LABELS.md: "a heading that names a section is other"):
     * after its numbering marker, heading phrases ({@code section-headings}) cover at least {@value #BARE_COVERAGE} of
     * it, trailing punctuation aside — {@code 二、存在的问题}, {@code 下一步工作打算：}, {@code 附件1：主要做法及成效} — or
     * it is an appendix line. A topic or claim ({@code 4、抓亮点，创出品牌}) does not.
     *
     * @param line a paragraph's text (folded or not)
     */
    public boolean onlyNamesSection(String line) {
        String folded = TextFold.fold(line).strip();
        if (APPENDIX.matcher(folded).find()) {
            String rest = APPENDIX.matcher(folded).replaceFirst("");
            return rest.isBlank() || namesSection(rest);
        }
        Numbering.Marker marker = Numbering.leading(folded);
        return namesSection(marker == null ? folded : folded.substring(afterMarker(folded, marker)));
    }

    /** @return true when a section on the open path has kinds from its own heading */
    private static boolean kindedAncestor(List<Section> sections, Deque<Open> open) {
        return open.stream().anyMatch(o -> !sections.get(o.index).kinds().isEmpty());
    }

    /** @return the offset right after the marker in {@code folded} (the marker may follow leading blanks) */
    private static int afterMarker(String folded, Numbering.Marker marker) {
        return folded.indexOf(marker.text()) + marker.text().length();
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
                out.set(i, s.withKinds(out.get(s.parent()).kinds(), Section.KindOrigin.PARENT));
            }
        }
        if (docType == DocType.REPORT) {
            int top = out.stream().skip(1).mapToInt(Section::level).min().orElse(0);
            int firstProblem = out.stream().filter(s -> s.level() == top && (s.kinds().contains(Category.PROBLEM)
                    || s.kinds().contains(Category.CAUSE))).mapToInt(Section::index).findFirst().orElse(-1);
            for (int i = 1; i < out.size() && firstProblem > 0; i++) {
                Section s = out.get(i);
                if (i < firstProblem && s.kinds().isEmpty()) {
                    out.set(i, s.withKinds(List.of(Category.ACHIEVEMENT), Section.KindOrigin.POSITION));
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
