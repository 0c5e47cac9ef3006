package org.shuzhi.pipeline.classify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shuzhi.pipeline.dict.DictionaryException;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.dict.TermList;
import org.shuzhi.pipeline.dict.TextFold;
import org.shuzhi.pipeline.model.DocType;
import org.shuzhi.pipeline.model.DocTypeDecision;
import org.shuzhi.pipeline.model.Evidence;
import org.shuzhi.pipeline.model.TermMatch;

/**
 * Report vs speech vs notice vs other text.
 *
 * <ol>
 *   <li><b>Other</b> first, by rule: a text with fewer than {@value #MIN_HAN} Chinese characters (near-empty), or a
 *       short one (under {@value #OFF_DOMAIN_MAX_HAN}) without a single Party-building word ({@code domain-terms}, or the character 党), is {@link DocType#OTHER}
 *       with confidence 1 (a two-line note saying the file is not a Word document is not a report).</li>
 *   <li><b>Cues</b> from {@code doc-type-cues} (columns cue, docType, weight, where): each cue found in its region
 *       adds its weight to its type once (regions: {@code title} = the first 2 lines, {@code start} = the first
 *       {@value #EDGE} characters, {@code end} = the last {@value #EDGE}, {@code any}).</li>
 *   <li>Cues of one type weighing at least {@value #DECISIVE_CUES} and holding at least {@value #DECISIVE_SHARE} of
 *       all cue weight decide, with that share as confidence (a title line …会议上的讲话 or 工作方案).</li>
 *   <li>Otherwise, with a learned model ({@link #MODEL_FILE}, trained by {@code shuzhi model train} on the labelled samples and
 *       the real corpus), the type is the model's most probable one over {@link #features} (the cues and how the
 *       text addresses people: 我/我们/同志们/大家/要…, per 1,000 characters), with that probability as confidence.
 *       Character bigrams were tried and dropped: under site-grouped cross-validation they fit the training pages and
 *       called every test page a report; excerpts from the middle of speeches and work plans often carry no explicit cue. Without a model
 *       the type with the largest cue total wins (confidence = its share of the total), and a text with no cue is a
 *       report with confidence 0.5.</li>
 * </ol>
 * Thread-safe.
 */
public final class DocTypeClassifier {
    /** Size of the start and end regions, in UTF-16 code units. */
    public static final int EDGE = 300;
    /** Fewest Chinese characters of a text that can be a report, speech or notice. */
    public static final int MIN_HAN = 30;
    /**
     * Longest text (in Chinese characters) taken as off-domain when it has no Party-building word: real pages of
     * 调研/对策 materials without one have 155 and more (measured on the real corpus), a note saying a file is not a
     * Word document a few dozen.
     */
    public static final int OFF_DOMAIN_MAX_HAN = 120;
    /** Cue weight of one type from which the cues decide even when there is a model (a title …上的讲话 is 3). */
    public static final double DECISIVE_CUES = 3;
    /** Share of all cue weight that type must hold to decide (0–1). */
    public static final double DECISIVE_SHARE = 0.75;
    /** Where the pipeline looks for the document-type model, relative to the dictionaries folder. */
    public static final String MODEL_FILE = "models/doctype-maxent.bin";
    /** The types the model decides between. */
    static final List<DocType> LEARNED = List.of(DocType.REPORT, DocType.SPEECH, DocType.NOTICE);

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern ADDRESS = Pattern.compile("我们要|我们|我|本人|同志们|大家|你们|要|必须|务必|各级|各单位|"
            + "各部门|各[乡镇村]|各党|将|了|调研|调查|走访|问卷|建议|对策|会议|今天|刚才|讲话|方案|通知|阶段|步骤|报送|"
            + "时间安排|组织领导|工作要求|全[县区市镇]|一年来|今年以来|全年");

    private record Cue(TermList.Entry entry, DocType type, double weight, String where) {
    }

    private final TermList cues;
    private final TermList domain;
    private final Map<String, Cue> byTerm = new java.util.HashMap<>();
    private final Maxent<DocType> model;

    /** A cue-only classifier. @throws DictionaryException if a cue line has an unknown type, weight or region */
    public DocTypeClassifier(Dictionaries dict) {
        this(dict, (Maxent<DocType>) null);
    }

    /**
     * @param modelFile the learned model, or null for cues only
     * @throws DictionaryException if a cue line has an unknown type, weight or region
     * @throws IOException         if the model file cannot be read
     */
    public DocTypeClassifier(Dictionaries dict, Path modelFile) throws IOException {
        this(dict, modelFile == null ? null : Maxent.load(modelFile, DocType.class));
    }

    DocTypeClassifier(Dictionaries dict, Maxent<DocType> model) {
        this.model = model;
        this.cues = dict.list(Dictionaries.DOC_TYPE_CUES);
        this.domain = dict.list(Dictionaries.DOMAIN_TERMS);
        for (TermList.Entry e : cues.entries()) {
            try {
                DocType t = DocType.valueOf(e.column(0).toUpperCase(Locale.ROOT));
                double w = Double.parseDouble(e.column(1));
                String where = e.column(2).isEmpty() ? "any" : e.column(2);
                if (!List.of("title", "start", "end", "any").contains(where) || t == DocType.UNKNOWN) {
                    throw new IllegalArgumentException(where);
                }
                byTerm.put(e.term(), new Cue(e, t, w, where));
            } catch (IllegalArgumentException ex) {
                throw new DictionaryException(cues.file(), e.line(),
                        "expected cue⇥report|speech|notice|other⇥weight⇥title|start|end|any");
            }
        }
    }

    /** @return a classifier deciding with {@code model} (null: cues only) */
    public static DocTypeClassifier withModel(Dictionaries dict, Maxent<DocType> model) {
        return new DocTypeClassifier(dict, model);
    }

    /** @return the type of a document with cleaned text {@code text} */
    public DocTypeDecision classify(String text) {
        int han = ParagraphFeatures.count(HAN, text);
        if (han < MIN_HAN) {
            return new DocTypeDecision(DocType.OTHER, 1, List.of(new Evidence<>("doctype.empty", "全文只有 " + han
                    + " 个汉字（少于 " + MIN_HAN + " 个），不是述职报告、讲话或通知", null, han, DocType.OTHER)));
        }
        String folded = TextFold.fold(text);
        if (han < OFF_DOMAIN_MAX_HAN && !folded.contains("党") && domain.find(folded).isEmpty()) {
            return new DocTypeDecision(DocType.OTHER, 1, List.of(new Evidence<>("doctype.off-domain",
                    "全文没有一个党建工作用语（党组织、党员、支部等），与述职无关", null, 0, DocType.OTHER)));
        }
        Map<DocType, Double> score = new EnumMap<>(DocType.class);
        List<Evidence<DocType>> ev = new ArrayList<>();
        List<Cue> found = cuesIn(text, folded, ev);
        for (Cue c : found) {
            score.merge(c.type, c.weight, Double::sum);
        }
        ev.sort(Comparator.comparingDouble(Evidence<DocType>::weight).reversed());
        double total = score.values().stream().mapToDouble(Double::doubleValue).sum();
        DocType cueBest = total == 0 ? DocType.REPORT
                : score.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        double cueShare = total == 0 ? 0 : score.get(cueBest) / total;
        if (model != null && !(score.getOrDefault(cueBest, 0.0) >= DECISIVE_CUES && cueShare >= DECISIVE_SHARE)) {
            double[] p = model.probabilities(features(folded, found));
            DocType best = LEARNED.stream().max(Comparator.comparingDouble(t -> p[t.ordinal()])).orElseThrow();
            ev.add(0, new Evidence<>("doctype.model", String.format(Locale.ROOT, "模型概率：述职报告 %.2f、讲话点评 %.2f、"
                    + "通知方案 %.2f", p[DocType.REPORT.ordinal()], p[DocType.SPEECH.ordinal()],
                    p[DocType.NOTICE.ordinal()]), null, p[best.ordinal()], best));
            return new DocTypeDecision(best, Math.round(p[best.ordinal()] * 1000) / 1000.0, ev);
        }
        if (total == 0) {
            ev.add(new Evidence<>("doctype.default", "未发现讲话或通知特征，按述职报告处理", null, 0, DocType.REPORT));
            return new DocTypeDecision(DocType.REPORT, 0.5, ev);
        }
        return new DocTypeDecision(cueBest, Math.round(cueShare * 1000) / 1000.0, ev);
    }

    /** @return the features of a document for the learned model (see the class description) */
    public List<String> features(String text) {
        String folded = TextFold.fold(text);
        return features(folded, cuesIn(text, folded, new ArrayList<>()));
    }

    private List<String> features(String folded, List<Cue> found) {
        Set<String> f = new LinkedHashSet<>();
        Map<DocType, Double> sums = new EnumMap<>(DocType.class);
        for (Cue c : found) {
            f.add("cue=" + c.entry.term());
            sums.merge(c.type, c.weight, Double::sum);
        }
        sums.forEach((t, w) -> f.add("cuesum=" + t.id() + ":" + (w >= 3 ? 3 : w >= 1.5 ? 2 : 1)));
        int han = ParagraphFeatures.count(HAN, folded);
        Map<String, Integer> address = new java.util.HashMap<>();
        Matcher m = ADDRESS.matcher(folded);
        while (m.find()) {
            address.merge(m.group(), 1, Integer::sum);
        }
        double per1000 = 1000.0 / Math.max(1, han);
        address.forEach((w, n) -> f.add("addr=" + w + ":" + Math.min(3, (int) Math.floor(Math.log1p(n * per1000)))));
        int lines = folded.split("\n").length;
        f.add("lines=" + Math.min(lines, 10) / 3);
        return List.copyOf(f);
    }

    private List<Cue> cuesIn(String text, String folded, List<Evidence<DocType>> ev) {
        int titleEnd = nthLineEnd(text, 2);
        List<Cue> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (TermMatch m : cues.find(folded)) {
            Cue c = byTerm.get(m.term());
            int s = m.span().start();
            boolean in = switch (c.where) {
                case "title" -> s < titleEnd;
                case "start" -> s < EDGE;
                case "end" -> m.span().end() > text.length() - EDGE;
                default -> true;
            };
            if (in && seen.add(m.term())) {
                out.add(c);
                ev.add(new Evidence<>("doctype.cue", m.span().of(text) + "（" + c.where + "）", m.span(), c.weight,
                        c.type));
            }
        }
        return out;
    }

    private static int nthLineEnd(String text, int n) {
        int pos = -1;
        for (int i = 0; i < n; i++) {
            pos = text.indexOf('\n', pos + 1);
            if (pos < 0) {
                return text.length();
            }
        }
        return pos;
    }
}
