package org.shuzhi.pipeline.classify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.dict.TermList;
import org.shuzhi.pipeline.dict.TextFold;
import org.shuzhi.pipeline.model.Category;
import org.shuzhi.pipeline.model.Paragraph;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.model.Section;
import org.shuzhi.pipeline.model.Sentence;
import org.shuzhi.pipeline.model.TermMatch;
import org.shuzhi.pipeline.model.Token;

/**
 * The features of one paragraph for the learned category model ({@link CategoryModel}); computed from annotations
 * the earlier stages made (tokens, sections, concreteness), never by re-segmenting. Feature strings:
 * <ul>
 *   <li>{@code w=} HanLP words (no punctuation) and {@code b=} word bigrams, {@code lead=} the first two words;</li>
 *   <li>{@code cue=} each {@code category-cues} category that fired, with a weight bucket {@code cuew=cat:1..3};</li>
 *   <li>{@code sec=} the kinds of the paragraph's section ({@code sec=none} without), {@code secpos=} its index in a
 *       combined heading, {@code h=} the words of the section heading, {@code heading} for heading lines;</li>
 *   <li>{@code pos=} relative position in fifths, {@code len=} length bucket, {@code item} for enumerated items;</li>
 *   <li>mood and facts: {@code fut} (将/要/计划/力争/确保/下一步/明年…), {@code past} (了/已/完成/实现),
 *       {@code num}, {@code pct}, {@code date}, {@code futyear} (a year after the report year or 月底前),
 *       {@code me} (first person), {@code defl} (deflecting markers).</li>
 * </ul>
 * Thread-safe.
 */
public final class ParagraphFeatures {
    private static final Pattern FUTURE = Pattern.compile("将|要|计划|力争|确保|下一步|明年|今后|拟|争取|推动|持续");
    private static final Pattern PAST = Pattern.compile("了|已|完成|实现|取得|获得|开展|召开|建成");
    private static final Pattern DEADLINE = Pattern.compile("\\d{1,2}月(底|末)?前|年底前|年内|上半年|下半年");
    private static final Pattern PUNCT = Pattern.compile("[\\p{P}\\p{S}\\s]+");

    private final TermList cues;
    private final java.util.Map<String, String> cueCategory = new java.util.HashMap<>();
    private final java.util.Map<String, Double> cueWeight = new java.util.HashMap<>();

    public ParagraphFeatures(Dictionaries dict) {
        this.cues = dict.list(Dictionaries.CATEGORY_CUES);
        for (TermList.Entry e : cues.entries()) {
            cueCategory.put(e.term(), e.column(0));
            try {
                cueWeight.put(e.term(), Double.parseDouble(e.column(1)));
            } catch (NumberFormatException ex) {
                cueWeight.put(e.term(), 1.0);
            }
        }
    }

    /** @return the feature strings of paragraph {@code p} of {@code doc}; never empty */
    public List<String> of(ReportDocument doc, String folded, Paragraph p) {
        Set<String> f = new LinkedHashSet<>();
        List<String> words = new ArrayList<>();
        for (Sentence s : p.sentences()) {
            for (Token t : s.tokens()) {
                if (!PUNCT.matcher(t.word()).matches()) {
                    words.add(t.word());
                }
            }
        }
        for (int i = 0; i < words.size(); i++) {
            f.add("w=" + words.get(i));
            if (i + 1 < words.size()) {
                f.add("b=" + words.get(i) + "_" + words.get(i + 1));
            }
        }
        if (!words.isEmpty()) {
            f.add("lead=" + words.get(0) + (words.size() > 1 ? "_" + words.get(1) : ""));
        }
        for (TermMatch m : cues.find(folded, p.start(), p.end())) {
            String cat = cueCategory.get(m.term());
            double w = cueWeight.getOrDefault(m.term(), 1.0);
            f.add("cue=" + cat);
            f.add("cuew=" + cat + ":" + (w >= 2.5 ? 3 : w >= 1.5 ? 2 : 1));
        }
        Section sec = doc.sections().get(p.section());
        if (sec.kinds().isEmpty()) {
            f.add("sec=none");
        }
        for (int i = 0; i < sec.kinds().size(); i++) {
            f.add("sec=" + sec.kinds().get(i).id());
            if (sec.kinds().size() > 1) {
                f.add("secpos=" + i + ":" + sec.kinds().get(i).id());
            }
        }
        f.add("secorigin=" + sec.kindOrigin());
        for (String hw : PUNCT.matcher(sec.heading()).replaceAll(" ").split(" ")) {
            if (hw.length() >= 2) {
                f.add("h=" + hw.substring(0, Math.min(hw.length(), 4)));
            }
        }
        if (p.heading()) {
            f.add("heading");
        }
        int len = doc.text().length();
        f.add("pos=" + (len == 0 ? 0 : Math.min(4, p.start() * 5 / Math.max(1, len))));
        int chars = p.counts().chars();
        f.add("len=" + (chars < 20 ? "xs" : chars < 60 ? "s" : chars < 150 ? "m" : "l"));
        if (!p.items().isEmpty()) {
            f.add("item");
        }
        String t = TextFold.fold(p.text());
        if (FUTURE.matcher(t).find()) {
            f.add("fut");
        }
        if (PAST.matcher(t).find()) {
            f.add("past");
        }
        if (DEADLINE.matcher(t).find()) {
            f.add("futyear");
        }
        Integer year = doc.year();
        if (year != null && t.contains((year + 1) + "年")) {
            f.add("futyear");
        }
        if (p.counts().numbers() > 0) {
            f.add("num");
        }
        if (t.contains("%")) {
            f.add("pct");
        }
        if (t.matches(".*\\d{4}年.*")) {
            f.add("date");
        }
        if (p.counts().firstPerson() > 0) {
            f.add("me");
        }
        if (p.counts().deflecting() > 0) {
            f.add("defl");
        }
        if (p.index() < 3 && !t.contains("。")) {
            f.add("toplines");
        }
        return List.copyOf(f);
    }

    /** @return the outcome name of a category in the model */
    static String outcome(Category c) {
        return c.id().toLowerCase(Locale.ROOT);
    }
}
