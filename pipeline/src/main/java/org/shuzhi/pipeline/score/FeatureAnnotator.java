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
 * Added for issue 12 (measured on corpus-samples/real-spans): dashed dates (2021-01-20), durations (近两年, 三年来),
 * a counted 一 (每月一次, 党支部一个，), named programmes and honours in quotation marks (“头雁工程”, “学习强国”平台,
 * “…先进单位”). Numbers and entities that overlap an {@code official-phrases} hit (四个意识, 中央八项规定精神), sit in a
 * short quoted formula (“五个明显”), name a plenum (二十届四中全会) or touch a placeholder (x次, ×名, XX村, **同志, a {@code placeholders} hit) are
 * dropped: slogans and unfilled templates are not evidence.
 * Works on folded text; thread-safe.
 */
public final class FeatureAnnotator {
    private static final Pattern PERCENT = Pattern.compile("\\d+(\\.\\d+)?\\s*%|百分之[零一二两三四五六七八九十百点]+");
    private static final Pattern DATE = Pattern.compile(
            "(19|20)\\d{2}\\s*年(\\s*\\d{1,2}\\s*月(\\s*\\d{1,2}\\s*日)?)?(底|末|初|前|以来)?|\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日|"
                    + "\\d{1,2}\\s*月(底|末|初|中旬|上旬|下旬)(前)?");
    private static final Pattern TITLE = Pattern.compile("《[^《》\\n]{2,80}》");
    private static final Pattern DASHED_DATE = Pattern.compile("(19|20)\\d{2}[-./]\\d{1,2}[-./]\\d{1,2}(?!\\d)");
    private static final Pattern DURATION = Pattern.compile(
            "(?<![\\d零一二两三四五六七八九十百])(近|这)?([两三四五六七八九十]|\\d{1,2})\\s*多?\\s*年(来|以来)?(?![级度底初末前])");
    private static final Pattern COUNTED_ONE = Pattern.compile(
            "(?<=每(月|周|年|季度|半年|天|日|学期)[^，。；,;]{0,6})一\\s*(次|场|期|轮)|一\\s*(个|名|人|位|次|场|项|家|所)(?=[，。；、,;)）])");
    private static final Pattern QUOTED = Pattern.compile(
            "[“\"]([^“”\"\\n]{2,24})[”\"]([\\u4e00-\\u9fff]{0,4}?(工程|行动|计划|品牌|活动|项目|平台|工作法|模式|培训班|机制|服务队))?");
    private static final Pattern PROGRAMME_INSIDE = Pattern.compile(
            "(工程|行动|计划|品牌|项目|平台|工作法|建设年|提质年|先进单位|先进集体|先进党支部|示范社区|示范点|标兵|强国)$");
    private static final Pattern GENERIC_PLACE = Pattern.compile("中华|中国|全国|国家|世界|亚洲|中央|地方|城乡|乡村|农村|城市|基层|当地|本地|外地|各地|省市|市县|县乡|镇村");
    private static final Pattern PLENUM = Pattern.compile("[一二三四五六七八九十]中全会|全国代表大会|党代会");
    private static final Pattern MASK = Pattern.compile("[xX×*＊ｘＸ]");

    private static final Pattern TITLES = Pattern.compile("书记|副书记|同志|主任|老师|教授|院长|局长|镇长|村长|支书|委员");
    private static final Pattern NUMERAL_START = Pattern.compile("[一二三四五六七八九十两几各每全本该]");
    private static final Pattern ORG_SUFFIX = Pattern.compile(
            "(党委|党总支|党支部|党工委|党组|局|厅|委员会|办公室|学院|大学|学校|中学|小学|医院|公司|集团|银行|社区|街道|村委会|居委会|中心|协会|研究院|研究所)$");
    private static final Pattern GENERIC_ORG = Pattern.compile("基层|农村|村|各|全|本|我|对|总体|党建|结合|有关|相关|上级|下级"
            + "|区|市|县|镇|乡|省|公立|直属|机关|离退休|分支|机构|支部|部分|促进|探索|问题|多|一|居民|有些|该|此|中央|地方");

    private static final String OFFICIAL_PHRASES = "official-phrases";
    private final java.util.Set<String> surnames;
    private final TermList vague;
    private final TermList empty;
    private final TermList stance;
    private final TermList slogans;
    private final TermList placeholders;
    private final Pattern counted;

    public FeatureAnnotator(Dictionaries dict) {
        this.vague = dict.list(Dictionaries.VAGUE_TERMS);
        this.empty = dict.list(Dictionaries.EMPTY_PHRASES);
        this.stance = dict.list(Dictionaries.STANCE_MARKERS);
        this.slogans = dict.names().contains(OFFICIAL_PHRASES) ? dict.list(OFFICIAL_PHRASES) : null;
        this.placeholders = dict.list(Dictionaries.PLACEHOLDERS);
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
        regex(DASHED_DATE, folded, span, "date", numbers);
        regex(counted, folded, span, "count", numbers);
        regex(DURATION, folded, span, "duration", numbers);
        regex(COUNTED_ONE, folded, span, "count", numbers);
        List<Span> notEvidence = notEvidence(folded, span);
        numbers = nonOverlapping(withoutSlogans(numbers, folded, notEvidence));
        List<TermMatch> entities = new ArrayList<>();
        regex(TITLE, folded, span, "document", entities);
        programmes(folded, span, entities);
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            String kind = entityKind(t, i + 1 < tokens.size() ? tokens.get(i + 1).word() : "");
            if (kind != null) {
                entities.add(new TermMatch("entities", t.word(), kind, t.span()));
            }
        }
        entities = nonOverlapping(withoutSlogans(entities, folded, notEvidence));
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
            boolean numbered = w.length() >= 4 && w.matches(".*[镇乡县市村区]$");
            return w.length() >= 3 && (numbered || !NUMERAL_START.matcher(w).lookingAt())
                    && !GENERIC_PLACE.matcher(w).matches() ? "place" : null;
        }
        if (p.startsWith("nt")) {
            return w.length() >= 4 && ORG_SUFFIX.matcher(w).find() && !GENERIC_ORG.matcher(w).lookingAt()
                    && !MASK.matcher(w).find() && w.chars().allMatch(Character::isLetterOrDigit)
                    ? "organization" : null;
        }
        return null;
    }

    /** @return the sentence's slogan ({@code official-phrases}) and {@code placeholders} hits */
    private List<Span> notEvidence(String folded, Span span) {
        List<Span> out = new ArrayList<>();
        if (slogans != null) {
            slogans.find(folded, span.start(), span.end()).forEach(m -> out.add(m.span()));
        }
        placeholders.find(folded, span.start(), span.end()).forEach(m -> out.add(m.span()));
        return out;
    }

    /**
     * Drops hits on slogans, placeholders and short quoted formulae: a hit overlapping {@code notEvidence}, touching a
     * mask character (x, ×, *), or a count standing right after an opening quotation mark that closes within eight
     * characters (“五个明显”, "三个"文明; a named programme such as “125工程” is kept by {@link #programmes}).
     */
    private static List<TermMatch> withoutSlogans(List<TermMatch> in, String folded, List<Span> notEvidence) {
        List<TermMatch> out = new ArrayList<>();
        for (TermMatch m : in) {
            Span s = m.span();
            if ("document".equals(m.group()) || "programme".equals(m.group())) {
                out.add(m); // a title or a programme may quote a slogan; its own name is the evidence
                continue;
            }
            if (notEvidence.stream().anyMatch(s::overlaps)
                    || MASK.matcher(folded.substring(Math.max(0, s.start() - 1), s.end())).find()
                    || PLENUM.matcher(folded).region(s.end(), folded.length()).lookingAt()) {
                continue;
            }
            if (("count".equals(m.group()) || "duration".equals(m.group())) && s.start() > 0
                    && "“\"".indexOf(folded.charAt(s.start() - 1)) >= 0) {
                int close = indexOfAny(folded, "”\"", s.end());
                if (close >= 0 && close - s.start() <= 8) {
                    continue;
                }
            }
            out.add(m);
        }
        return out;
    }

    private static int indexOfAny(String s, String chars, int from) {
        for (int i = from; i < s.length() && i < from + 10; i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Named programmes, platforms and honours in quotation marks: the quoted name followed by a programme noun
     * (“头雁”工程, “学习强国”平台, “双语”培训班), or a quoted name that itself ends with one (“125工程”,
     * “党建提质年”, “…先进单位”). Slogans are removed afterwards by {@link #withoutSlogans}.
     */
    private void programmes(String folded, Span span, List<TermMatch> out) {
        Matcher m = QUOTED.matcher(folded).region(span.start(), span.end());
        while (m.find()) {
            String inner = m.group(1);
            boolean named = m.group(2) != null || PROGRAMME_INSIDE.matcher(inner).find();
            if (named && (slogans == null || slogans.find(inner, 0, inner.length()).isEmpty())
                    && !MASK.matcher(inner).find()) {
                out.add(new TermMatch("entities", m.group(), "programme", new Span(m.start(), m.end())));
            }
        }
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
