package org.shuzhi.pipeline.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shuzhi.pipeline.dict.TermList;
import org.shuzhi.pipeline.dict.TextFold;
import org.shuzhi.pipeline.model.Category;
import org.shuzhi.pipeline.model.Item;
import org.shuzhi.pipeline.model.Paragraph;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.model.Sentence;
import org.shuzhi.pipeline.model.TermMatch;

/**
 * The items of one report that the year-over-year comparison matches, with their content-word ids, packed small
 * (one {@code int[]} per item) so that a whole corpus fits in memory:
 *
 * <ul>
 *   <li>{@link Kind#PROBLEM} / {@link Kind#PLAN}: each enumerated item (一是…二是…, numbered paragraphs) of a problem
 *       or plan paragraph when it has two or more, else the whole paragraph;</li>
 *   <li>{@link Kind#HEADLINE}: the first sentence of a problem item that has several (一是组织生活质量不高。…), the
 *       words a rectification statement names the problem by; it follows its problem item;</li>
 *   <li>{@link Kind#PROMISE}: each sentence of a plan paragraph with a deadline, quantity, owner or mechanism signal
 *       ({@code plan-signals.txt}: a promise that can be checked a year later, DOMAIN.md §6 check 5); a leading
 *       针对…问题， clause names the problem the promise answers, not the promise, and is left out;</li>
 *   <li>{@link Kind#DONE}: each sentence of an achievement paragraph; {@link Kind#RECTIFICATION}: each sentence of a
 *       rectification paragraph (both can report a promise kept);</li>
 *   <li>{@link Kind#MENTION}: each sentence of every other paragraph (causes, basic facts, lead-in lines): with the
 *       items above, every sentence of the report is in some item, so that a promise of last year that no item
 *       matches is truly not mentioned ({@code Comparison.OpenPromise}). Mentions take no part in the word weights.</li>
 * </ul>
 * Headings are not items, nor are lead-in paragraphs that end with a colon (还存在以下不足：), which introduce the
 * items. Tokens come from the {@code segment} stage (never re-segmented).
 */
final class ItemSketch {
    /** What an item is. */
    enum Kind { PROBLEM, PLAN, PROMISE, DONE, RECTIFICATION, HEADLINE, MENTION }

    private static final int KIND = 0;
    private static final int PARAGRAPH = 1;
    private static final int START = 2;
    private static final int END = 3;
    private static final int TERMS = 4;
    static final ItemSketch EMPTY = new ItemSketch(new int[0][]);
    /** A leading clause that names the problem a plan answers: (marker) 针对……， */
    private static final Pattern ANSWERS = Pattern.compile("[^，,。；]{0,4}?针对[^，,。；]{1,40}[，,]");

    private final int[][] rows;

    private ItemSketch(int[][] rows) {
        this.rows = rows;
    }

    /**
     * The items of a report with their canonical content words, before they become ids: what the comparison keeps of
     * a report's tokens between runs ({@link CompareInput}). Thread-safe (reads the vocabulary's foldings only).
     *
     * @param doc         an analysed report (tokens and categories filled)
     * @param vocabulary  word foldings
     * @param planSignals the {@code plan-signals} list
     * @return the item rows, in text order
     */
    static List<CompareInput.ItemRow> rows(ReportDocument doc, Vocabulary vocabulary, TermList planSignals) {
        List<CompareInput.ItemRow> rows = new ArrayList<>();
        String folded = null;
        for (Paragraph p : doc.paragraphs()) {
            if (p.heading()) {
                continue;
            }
            Category c = p.category();
            if ((c == Category.PROBLEM || c == Category.PLAN) && !leadIn(p.text())) {
                Kind k = c == Category.PROBLEM ? Kind.PROBLEM : Kind.PLAN;
                List<Item> items = p.items();
                if (items.size() >= 2) {
                    for (Item it : items) {
                        item(rows, k, p, it.span().start(), it.span().end(), vocabulary);
                    }
                } else {
                    item(rows, k, p, p.start(), p.end(), vocabulary);
                }
            }
            if (c == Category.PLAN) {
                if (folded == null) {
                    folded = TextFold.fold(doc.text());
                }
                for (Sentence s : p.sentences()) {
                    if (concrete(planSignals.find(folded, s.span().start(), s.span().end()))) {
                        int from = s.span().start();
                        Matcher m = ANSWERS.matcher(doc.text()).region(from, s.span().end());
                        if (m.lookingAt()) {
                            from = m.end();
                        }
                        add(rows, Kind.PROMISE, p, from, s.span().end(), vocabulary);
                    }
                }
            }
            if (c == Category.ACHIEVEMENT || c == Category.RECTIFICATION) {
                Kind k = c == Category.ACHIEVEMENT ? Kind.DONE : Kind.RECTIFICATION;
                for (Sentence s : p.sentences()) {
                    add(rows, k, p, s.span().start(), s.span().end(), vocabulary);
                }
            } else if (!(c == Category.PROBLEM || c == Category.PLAN) || leadIn(p.text())) {
                for (Sentence s : p.sentences()) {
                    add(rows, Kind.MENTION, p, s.span().start(), s.span().end(), vocabulary);
                }
            }
        }
        return rows;
    }

    /**
     * @param rows       item rows from {@link #rows}
     * @param vocabulary word ids (the caller serialises calls)
     */
    static ItemSketch of(List<CompareInput.ItemRow> rows, Vocabulary vocabulary) {
        int[][] packed = new int[rows.size()][];
        for (int i = 0; i < packed.length; i++) {
            CompareInput.ItemRow r = rows.get(i);
            int[] terms = vocabulary.ids(r.words());
            int[] row = new int[TERMS + terms.length];
            row[KIND] = r.kind();
            row[PARAGRAPH] = r.paragraph();
            row[START] = r.start();
            row[END] = r.end();
            System.arraycopy(terms, 0, row, TERMS, terms.length);
            packed[i] = row;
        }
        return new ItemSketch(packed);
    }

    private static void item(List<CompareInput.ItemRow> rows, Kind k, Paragraph p, int from, int to, Vocabulary vocabulary) {
        if (!add(rows, k, p, from, to, vocabulary) || k != Kind.PROBLEM) {
            return;
        }
        for (Sentence s : p.sentences()) {
            if (s.span().end() > from && s.span().start() < to) {
                if (s.span().end() < to) {
                    add(rows, Kind.HEADLINE, p, Math.max(from, s.span().start()), s.span().end(), vocabulary);
                }
                return;
            }
        }
    }

    private static boolean leadIn(String text) {
        String t = text.strip();
        return t.endsWith("：") || t.endsWith(":");
    }

    private static boolean concrete(List<TermMatch> signals) {
        return signals.stream().anyMatch(m -> !m.group().equals("vague-plan"));
    }

    /** @return true when the item was added (it has content words) */
    private static boolean add(List<CompareInput.ItemRow> rows, Kind k, Paragraph p, int from, int to,
                               Vocabulary vocabulary) {
        java.util.Set<String> words = new java.util.TreeSet<>();
        for (Sentence s : p.sentences()) {
            if (s.span().end() > from && s.span().start() < to) {
                vocabulary.canonicalTerms(s.tokens(), from, to, words);
            }
        }
        if (words.isEmpty()) {
            return false;
        }
        rows.add(new CompareInput.ItemRow(k.ordinal(), p.index(), from, to, words.toArray(new String[0])));
        return true;
    }

    /** @return the number of items */
    int size() {
        return rows.length;
    }

    Kind kind(int i) {
        return Kind.values()[rows[i][KIND]];
    }

    int paragraph(int i) {
        return rows[i][PARAGRAPH];
    }

    int start(int i) {
        return rows[i][START];
    }

    int end(int i) {
        return rows[i][END];
    }

    /** @return the sorted distinct content-word ids of item {@code i} (a copy) */
    int[] terms(int i) {
        return java.util.Arrays.copyOfRange(rows[i], TERMS, rows[i].length);
    }

    /** @return the headline of problem item {@code i} (the item that follows it), or {@code i} itself */
    int headline(int i) {
        return i + 1 < rows.length && rows[i + 1][KIND] == Kind.HEADLINE.ordinal() && rows[i + 1][START] == rows[i][START]
                ? i + 1 : i;
    }

    /** @return indexes of the items of one kind, in text order */
    List<Integer> of(Kind k) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            if (rows[i][KIND] == k.ordinal()) {
                out.add(i);
            }
        }
        return out;
    }
}
