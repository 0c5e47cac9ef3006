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
 *   <li>entities (list {@code entities}): HanLP person (nr), place (ns) and organisation (nt) names that pass the
 *       proper-name filter of {@link #entityKind}, and titles in 《…》;</li>
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

    private static final Pattern TITLES = Pattern.compile("书记|副书记|同志|主任|老师|教授|院长|局长|镇长|村长|支书|委员");
    private static final Pattern NUMERAL_START = Pattern.compile("[一二三四五六七八九十两几各每全本该]");
    private static final Pattern ORG_SUFFIX = Pattern.compile(
            "(党委|党总支|党支部|党工委|党组|局|厅|委员会|办公室|学院|大学|学校|中学|小学|医院|公司|集团|银行|社区|街道|村委会|居委会|中心|协会|研究院|研究所)$");
    private static final Pattern GENERIC_ORG = Pattern.compile("基层|农村|村|各|全|本|我|对|总体|党建|结合|有关|相关|上级|下级");

    private final java.util.Set<String> surnames;
    private final TermList vague;
    private final TermList empty;
    private final TermList stance;
    private final Pattern counted;

    public FeatureAnnotator(Dictionaries dict) {
        this.vague = dict.list(Dictionaries.VAGUE_TERMS);
        this.empty = dict.list(Dictionaries.EMPTY_PHRASES);
        this.stance = dict.list(Dictionaries.STANCE_MARKERS);
        this.surnames = new java.util.HashSet<>();
        dict.list(Dictionaries.SURNAMES).entries().forEach(e -> surnames.add(e.term()));
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
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            String kind = entityKind(t, i + 1 < tokens.size() ? tokens.get(i + 1).word() : "");
            if (kind != null) {
                entities.add(new TermMatch("entities", t.word(), kind, t.span()));
            }
        }
        entities = nonOverlapping(entities);
        return new Features(numbers, entities, vague.find(folded, span.start(), span.end()),
                empty.find(folded, span.start(), span.end()), stance.find(folded, span.start(), span.end()));
    }

    /**
     * HanLP's name recognition over-generates on report prose (征迁 as a person, 一村 as a place, 农村基层组织 as an
     * organisation), so a hit counts only when it looks like a proper name: a person of 3–4 characters starting with
     * a {@code surnames} entry, or of 2 followed by a title (书记, 同志 …); a place of at least 3 characters, not
     * starting with a numeral; an organisation that ends with an organisation suffix and does not start with a
     * generic word (基层, 农村, 村, 各, 全 …).
     */
    private String entityKind(Token t, String next) {
        String w = t.word();
        String p = t.pos();
        if (p.startsWith("nr")) {
            boolean surname = surnames.contains(w.substring(0, 1)) || (w.length() > 2 && surnames.contains(w.substring(0, 2)));
            if (surname && (w.length() == 3 || w.length() == 4 || (w.length() == 2 && TITLES.matcher(next).lookingAt()))) {
                return "person";
            }
            return null;
        }
        if (p.startsWith("ns")) {
            return w.length() >= 3 && !NUMERAL_START.matcher(w).lookingAt() ? "place" : null;
        }
        if (p.startsWith("nt")) {
            return w.length() >= 4 && ORG_SUFFIX.matcher(w).find() && !GENERIC_ORG.matcher(w).lookingAt()
                    ? "organization" : null;
        }
        return null;
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
