package org.shuzhi.pipeline.classify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.dict.TextFold;
import org.shuzhi.pipeline.model.Category;
import org.shuzhi.pipeline.model.DocType;
import org.shuzhi.pipeline.model.Paragraph;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.model.Section;
import org.shuzhi.pipeline.model.Sentence;
import org.shuzhi.pipeline.model.TermMatch;
import org.shuzhi.pipeline.model.Token;

/**
 * The features of one paragraph for the learned category model ({@link CategoryModel}); computed from annotations
 * the earlier stages made (tokens, sections, concreteness, document type), never by re-segmenting. They are chosen to
 * carry over from one writer to another (issue 12: a model tuned on one writer's words fell to macro-F1 0.49 on real
 * text):
 * <ul>
 *   <li><b>own text</b>: {@code w=} HanLP words (no punctuation); {@code c=} character bigrams of the paragraph's
 *       Chinese characters (robust to segmentation and to words never seen); {@code lead=} the first one, two and three
 *       characters after the numbering marker and an enumeration such as 一是 (下一步…, 针对…, 由于…), {@code tail=}
 *       the last two characters before the final punctuation (…不够, …有待加强, …成效);</li>
 *   <li><b>cues</b> ({@code category-cues}): {@code ct=} each cue that fired, {@code cue=} each category with a hit and
 *       {@code cuew=cat:1..3} the bucket of its summed weight;</li>
 *   <li><b>mood</b>: {@code fut} (将/要/计划/力争/确保/下一步/明年…), {@code past} (了/已/完成/实现), {@code futyear}
 *       (a deadline or a year after the report year), {@code num}, {@code pct}, {@code date}, {@code me} (first
 *       person), {@code defl} (deflecting markers);</li>
 *   <li><b>place</b>: {@code sec=} the kinds of the paragraph's section ({@code sec=none} without), {@code secpos=},
 *       {@code secorigin=}, {@code h=} the words of the section heading, {@code heading}, {@code item}, {@code pos=}
 *       relative position in fifths, {@code len=} length bucket, {@code toplines};</li>
 *   <li><b>genre</b>: {@code genre=} the document type decided before (a notice's measures are plans, a speech's
 *       requirements are plans), and its conjunction with the strongest cue category;</li>
 *   <li><b>neighbours</b>: {@code p:} and {@code n:} the cue categories and leads of the previous and next paragraph,
 *       {@code ctx:cause} when one of the three paragraphs before announces causes (究其原因, 原因如下, 原因分析…),
 *       {@code ctx:plan} when one announces measures (下一步, 整改措施…), {@code ctx:problem} likewise.</li>
 * </ul>
 * Thread-safe.
 */
public final class ParagraphFeatures {
    private static final Pattern FUTURE = Pattern.compile("将|要|计划|力争|确保|下一步|明年|今后|拟|争取|推动|持续");
    private static final Pattern PAST = Pattern.compile("了|已|完成|实现|取得|获得|开展|召开|建成");
    private static final Pattern DEADLINE = Pattern.compile("\\d{1,2}月(底|末)?前|年底前|年内|上半年|下半年");
    private static final Pattern PUNCT = Pattern.compile("[\\p{P}\\p{S}\\s]+");
    /** Numbering and enumeration at the start of a paragraph, skipped before the lead characters. */
    private static final Pattern LEADING_MARK = Pattern.compile("^[\\s\\p{P}\\p{S}]*(([一二三四五六七八九十]{1,3}|\\d{1,2})"
            + "[、.．:]|[(（][一二三四五六七八九十\\d]{1,3}[)）]|第[一二三四五六七八九十]{1,3}[,、:]?|"
            + "[一二三四五六七八九十]{1,3}(是|要|在|抓)|首先|其次|再次|最后|[\\u2460-\\u2473])?[\\s\\p{P}]*");
    /** Announcements of what the following paragraphs are, looked for in the three paragraphs before. */
    private static final Pattern ANNOUNCE_CAUSE = Pattern.compile("原因|根源|根子|症结|之所以");
    private static final Pattern ANNOUNCE_PLAN = Pattern.compile("下一步|下步|今后|整改措施|对策|建议|努力方向|打算|措施如下|"
            + "工作思路|重点抓好|要求");
    private static final Pattern ANNOUNCE_PROBLEM = Pattern.compile("存在的?(主要|突出)?问题|不足之处|差距和不足|问题如下|"
            + "查摆|表现在");

    private static final Pattern NOT_HAN = Pattern.compile("[^\\p{IsHan}]");
    private static final Pattern TRAILING_PUNCT = Pattern.compile("[\\s\\p{P}\\p{S}]+$");
    private static final Pattern DATE_YEAR = Pattern.compile(".*\\d{4}年.*");

    private final CategoryCues cues;

    /** @throws org.shuzhi.pipeline.dict.DictionaryException if a {@code category-cues} line is malformed */
    public ParagraphFeatures(Dictionaries dict) {
        this(new CategoryCues(dict));
    }

    /** @param cues the {@code category-cues} list, read once */
    public ParagraphFeatures(CategoryCues cues) {
        this.cues = cues;
    }

    /**
     * @param folded {@link TextFold#fold} of the document's text
     * @return the feature strings of paragraph {@code p} of {@code doc}; never empty
     */
    public List<String> of(ReportDocument doc, String folded, Paragraph p) {
        return of(paragraphs(doc, folded), p);
    }

    /**
     * @param folded {@link TextFold#fold} of the document's text
     * @return the document's paragraphs, for {@link #of(Paragraphs, Paragraph)} on several of them
     */
    public Paragraphs paragraphs(ReportDocument doc, String folded) {
        return new Paragraphs(doc, folded);
    }

    /**
     * @return the feature strings of paragraph {@code p} of the document of {@code ps}; never empty (what
     *         {@link #of(ReportDocument, String, Paragraph)} returns, with the cue hits and announcements of the
     *         document's paragraphs found once for all its paragraphs)
     */
    public List<String> of(Paragraphs ps, Paragraph p) {
        ReportDocument doc = ps.doc;
        String folded = ps.folded;
        Set<String> f = new LinkedHashSet<>();
        List<String> words = new ArrayList<>();
        for (Sentence s : p.sentences()) {
            for (Token t : s.tokens()) {
                if (!PUNCT.matcher(t.word()).matches()) {
                    words.add(t.word());
                }
            }
        }
        for (String w : words) {
            f.add("w=" + w);
        }
        String t = folded.substring(p.start(), p.end());
        String han = NOT_HAN.matcher(t).replaceAll("");
        for (int i = 0; i + 1 < han.length(); i++) {
            f.add("c=" + han.substring(i, i + 2));
        }
        String body = body(t);
        for (int k = 1; k <= 3 && k <= body.length(); k++) {
            f.add("lead=" + body.substring(0, k));
        }
        String end = TRAILING_PUNCT.matcher(t).replaceAll("");
        if (end.length() >= 2) {
            f.add("tail=" + end.substring(end.length() - 2));
        }
        double[] cueSum = cueSums(ps.cues(p.index()), f, "");
        String strongest = strongest(cueSum);
        Section sec = doc.sections().get(p.section());
        if (sec.kinds().isEmpty()) {
            f.add("sec=none");
        }
        for (int i = 0; i < sec.kinds().size(); i++) {
            f.add("sec=" + feature(sec.kinds().get(i)));
            if (sec.kinds().size() > 1) {
                f.add("secpos=" + i + ":" + feature(sec.kinds().get(i)));
            }
        }
        f.add("secorigin=" + sec.kindOrigin().id());
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
        if (DATE_YEAR.matcher(t).matches()) {
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
        DocType genre = doc.docType();
        f.add("genre=" + genre.id());
        f.add("genre=" + genre.id() + ":" + strongest);
        if (p.index() > 0) {
            Paragraph prev = ps.doc.paragraphs().get(p.index() - 1);
            cueSums(ps.cues(prev.index()), f, "p:");
            String pb = body(folded.substring(prev.start(), prev.end()));
            f.add("p:lead=" + pb.substring(0, Math.min(2, pb.length())));
        } else {
            f.add("p:none");
        }
        if (p.index() + 1 < ps.doc.paragraphs().size()) {
            cueSums(ps.cues(p.index() + 1), f, "n:");
        } else {
            f.add("n:none");
        }
        for (int i = Math.max(0, p.index() - 3); i < p.index(); i++) {
            int a = ps.announces(i);
            if ((a & Paragraphs.CAUSE) != 0) {
                f.add("ctx:cause");
            }
            if ((a & Paragraphs.PLAN) != 0) {
                f.add("ctx:plan");
            }
            if ((a & Paragraphs.PROBLEM) != 0) {
                f.add("ctx:problem");
            }
        }
        if (ps.firstCauseAnnouncement() < p.index() - 3) {
            f.add("ctx:cause-earlier");
        }
        int futures = count(FUTURE, t);
        int pasts = count(PAST, t);
        f.add("mood=" + Integer.signum(futures - pasts));
        f.add("futn=" + Math.min(futures, 3));
        return List.copyOf(f);
    }

    /** @return how many times {@code p} matches in {@code t} (non-overlapping) */
    static int count(Pattern p, String t) {
        Matcher m = p.matcher(t);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** @return the paragraph without its leading numbering or enumeration marker */
    private static String body(String foldedParagraph) {
        Matcher m = LEADING_MARK.matcher(foldedParagraph);
        return m.lookingAt() ? foldedParagraph.substring(m.end()) : foldedParagraph;
    }

    /** Adds the cue features of a paragraph's cue hits (prefixed) and returns the summed cue weight per category. */
    private double[] cueSums(List<TermMatch> hits, Set<String> f, String prefix) {
        double[] sum = new double[Category.values().length];
        for (TermMatch m : hits) {
            if (prefix.isEmpty()) {
                f.add("ct=" + m.term());
            }
            sum[cues.category(m.term()).ordinal()] += cues.weight(m.term());
        }
        for (Category c : Category.values()) {
            double w = sum[c.ordinal()];
            if (w > 0) {
                f.add(prefix + "cue=" + feature(c));
                f.add(prefix + "cuew=" + feature(c) + ":" + (w >= 2.5 ? 3 : w >= 1.5 ? 2 : 1));
            }
        }
        return sum;
    }

    /**
     * One document's paragraphs with what the features of several paragraphs share, found once per paragraph when
     * first asked for: its {@code category-cues} hits (a paragraph's cues are features of itself and of both its
     * neighbours, and the rules use them too) and which parts it announces (causes, plans, problems: features of the
     * paragraphs after it). Not thread-safe: one per document and thread.
     */
    public final class Paragraphs {
        static final int CAUSE = 1;
        static final int PLAN = 2;
        static final int PROBLEM = 4;
        private static final int KNOWN = 8;

        private final ReportDocument doc;
        private final String folded;
        private final List<List<TermMatch>> cueHits;
        private final int[] announces;
        private int firstCause = -1;

        private Paragraphs(ReportDocument doc, String folded) {
            this.doc = doc;
            this.folded = folded;
            int n = doc.paragraphs().size();
            this.cueHits = new ArrayList<>(java.util.Collections.nCopies(n, null));
            this.announces = new int[n];
        }

        /** @return the {@code category-cues} hits of paragraph {@code i}, as {@link CategoryCues#find} finds them */
        public List<TermMatch> cues(int i) {
            List<TermMatch> hits = cueHits.get(i);
            if (hits == null) {
                Paragraph p = doc.paragraphs().get(i);
                hits = cues.find(folded, p.start(), p.end());
                cueHits.set(i, hits);
            }
            return hits;
        }

        /** @return the announcements of paragraph {@code i}: {@link #CAUSE}, {@link #PLAN}, {@link #PROBLEM} bits */
        int announces(int i) {
            if ((announces[i] & KNOWN) == 0) {
                Paragraph p = doc.paragraphs().get(i);
                String text = folded.substring(p.start(), p.end());
                announces[i] = KNOWN | (ANNOUNCE_CAUSE.matcher(text).find() ? CAUSE : 0)
                        | (ANNOUNCE_PLAN.matcher(text).find() ? PLAN : 0)
                        | (ANNOUNCE_PROBLEM.matcher(text).find() ? PROBLEM : 0);
            }
            return announces[i];
        }

        /** @return the index of the first paragraph that announces causes, or the number of paragraphs */
        int firstCauseAnnouncement() {
            if (firstCause < 0) {
                int n = announces.length;
                int i = 0;
                while (i < n && (announces(i) & CAUSE) == 0) {
                    i++;
                }
                firstCause = i;
            }
            return firstCause;
        }
    }

    private static String strongest(double[] sum) {
        int best = -1;
        for (int i = 0; i < sum.length; i++) {
            if (sum[i] > 0 && (best < 0 || sum[i] > sum[best])) {
                best = i;
            }
        }
        return best < 0 ? "none" : feature(Category.values()[best]);
    }

    /**
     * @return the category's name in the trained model's feature strings ({@code self_assessment}): the JSON
     *         contract 1 id, kept so that the model file needs no retraining when the contract's ids changed
     */
    private static String feature(Category c) {
        return c.name().toLowerCase(Locale.ROOT);
    }
}
