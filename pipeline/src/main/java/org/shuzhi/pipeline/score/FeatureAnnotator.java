package org.shuzhi.pipeline.score;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.dict.TermList;
import org.shuzhi.pipeline.model.Features;
import org.shuzhi.pipeline.model.Span;
import org.shuzhi.pipeline.model.TermMatch;
import org.shuzhi.pipeline.model.Token;

/**
 * Concreteness and stance hits of one sentence (seed 002: 多举事例、多用数据, no 部分、一些、少数、有的; DOMAIN.md §3):
 * <ul>
 *   <li>numbers (list {@code numbers}): percentages (35%, 百分之三十), dates (2024年3月, 6月底), and numbers followed by
 *       a counter from {@code number-units} (12名, 1.5万元, 三次; a lone 一 before a counter is not counted, it is
 *       usually an article: 一个重要…);</li>
 *   <li>entities (list {@code entities}): HanLP person (nr, ≥ 2 chars), place (ns, ≥ 2) and organisation (nt, ≥ 4)
 *       names, and titles in 《…》;</li>
 *   <li>{@code vague-terms}, {@code empty-phrases} and {@code stance-markers} hits.</li>
 * </ul>
 * Works on folded text; thread-safe.
 */
public final class FeatureAnnotator {
    private static final Pattern PERCENT = Pattern.compile("\\d+(\\.\\d+)?\\s*%|百分之[零一二两三四五六七八九十百点]+");
    private static final Pattern DATE = Pattern.compile(
            "(19|20)\\d{2}\\s*年(\\s*\\d{1,2}\\s*月(\\s*\\d{1,2}\\s*日)?)?(底|末|初|前|以来)?|\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日|"
                    + "\\d{1,2}\\s*月(底|末|初|中旬|上旬|下旬)(前)?");
    private static final Pattern TITLE = Pattern.compile("《[^《》\\n]{2,40}》");

    private final TermList vague;
    private final TermList empty;
    private final TermList stance;
    private final Pattern counted;

    public FeatureAnnotator(Dictionaries dict) {
        this.vague = dict.list(Dictionaries.VAGUE_TERMS);
        this.empty = dict.list(Dictionaries.EMPTY_PHRASES);
        this.stance = dict.list(Dictionaries.STANCE_MARKERS);
        List<String> units = new ArrayList<>();
        for (TermList.Entry e : dict.list(Dictionaries.NUMBER_UNITS).entries()) {
            if (!e.term().startsWith("re:")) {
                units.add(Pattern.quote(org.shuzhi.pipeline.dict.TextFold.fold(e.term())));
            }
        }
        units.sort(Comparator.comparingInt(String::length).reversed());
        this.counted = Pattern.compile("(\\d+(\\.\\d+)?|[两三四五六七八九十百千]+[一二两三四五六七八九十百千]*|[一二两三四五六七八九]十[一二三四五六七八九]?)"
                + "\\s*(余|多)?\\s*(万|亿)?\\s*(" + String.join("|", units) + ")");
    }

    /**
     * @param text   the cleaned text
     * @param folded the folded cleaned text
     * @param span   the sentence
     * @param tokens the sentence's tokens
     * @return the sentence's hits, spans absolute
     */
    public Features annotate(String text, String folded, Span span, List<Token> tokens) {
        List<TermMatch> numbers = new ArrayList<>();
        regex(PERCENT, folded, span, "percent", numbers);
        regex(DATE, folded, span, "date", numbers);
        regex(counted, folded, span, "count", numbers);
        numbers = nonOverlapping(numbers);
        List<TermMatch> entities = new ArrayList<>();
        regex(TITLE, folded, span, "document", entities);
        for (Token t : tokens) {
            String p = t.pos();
            String kind = p.startsWith("nr") && t.word().length() >= 2 ? "person"
                    : p.startsWith("ns") && t.word().length() >= 2 ? "place"
                    : p.startsWith("nt") && t.word().length() >= 4 ? "organization" : null;
            if (kind != null) {
                entities.add(new TermMatch("entities", t.word(), kind, t.span()));
            }
        }
        entities = nonOverlapping(entities);
        return new Features(numbers, entities, vague.find(folded, span.start(), span.end()),
                empty.find(folded, span.start(), span.end()), stance.find(folded, span.start(), span.end()));
    }

    private static void regex(Pattern p, String folded, Span span, String group, List<TermMatch> out) {
        Matcher m = p.matcher(folded).region(span.start(), span.end());
        while (m.find()) {
            out.add(new TermMatch(group.equals("document") ? "entities" : "numbers", m.group(), group,
                    new Span(m.start(), m.end())));
        }
    }

    private static List<TermMatch> nonOverlapping(List<TermMatch> in) {
        in.sort(Comparator.comparing(TermMatch::span));
        List<TermMatch> out = new ArrayList<>();
        int covered = -1;
        for (TermMatch m : in) {
            if (m.span().start() >= covered) {
                out.add(m);
                covered = m.span().end();
            }
        }
        return out;
    }
}
