package org.shuzhi.pipeline.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.shuzhi.pipeline.dict.DictionaryException;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.dict.TextFold;
import org.shuzhi.pipeline.model.Category;
import org.shuzhi.pipeline.model.Evidence;
import org.shuzhi.pipeline.model.Paragraph;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.model.Section;
import org.shuzhi.pipeline.model.TermMatch;
import org.shuzhi.pipeline.structure.StructureParser;

/**
 * The category of every paragraph (achievement, problem, cause, plan, self-assessment, rectification, other), with a
 * confidence and its evidence. The pipeline decides by the learned model with the sequence pass ({@link Mode#MODEL}):
 * under site-grouped cross-validation on the real corpus it scored macro-F1 0.67, the rules alone 0.55 and the
 * combination 0.64 (issue 12; the rules were tuned on one writer). The rules stay for {@link Mode#RULES} (no model
 * file) and {@link Mode#COMBINED}, and every paragraph still carries their evidence.
 *
 * <ol>
 *   <li><b>Rule scores</b> per category, each recorded as {@link Evidence}:
 *     <ul>
 *       <li>{@code category.section} +{@value #SECTION_PRIOR} for the section's current <i>phase</i>: the kind of the
 *           paragraph's section (from its heading, its parent, or its position) until a paragraph moves it on — by a
 *           transition to plans (对此、为此、针对以上问题…) or by a cue of at least {@value #PHASE_CUE} for another kind
 *           the section may hold (its own kinds, and after problems also causes and plans); in a section with a
 *           combined heading (工作中存在的不足及下步工作打算 → problem, plan) every kind also gets
 *           +{@value #COMBINED_PRIOR}; a paragraph whose rectification or self-assessment cues reach
 *           {@value #ANCHOR_CUE} takes the prior for itself alone (整改 results reported among achievements);</li>
 *       <li>{@code category.cue}: the weights of {@code category-cues} hits, capped at {@value #CUE_CAP} per
 *           category;</li>
 *       <li>{@code category.position}: achievement +{@value #POSITION} × (1 − r), plan +{@value #POSITION} × r,
 *           r = the paragraph's relative position 0–1;</li>
 *       <li>{@code category.title}: the title and name lines before the first heading are other (+3);</li>
 *       <li>other has a base score of {@value #OTHER_BASE}.</li>
 *     </ul></li>
 *   <li><b>Learned model</b> ({@link CategoryModel}, OpenNLP maxent over {@link ParagraphFeatures}, trained on the
 *       labelled samples and the real corpus): in {@link Mode#MODEL} its probabilities are the emission; in
 *       {@link Mode#COMBINED} the emission is the normalised product of the rules' softmax and the model's
 *       probabilities (weight {@value #MODEL_WEIGHT}); {@code category.model} records the model's view.</li>
 *   <li><b>Sequence</b>: the emission probabilities feed a Viterbi pass over the paragraphs with
 *       transition probabilities that favour staying in a category (0.5) and moving forward in the order the
 *       notices prescribe (achievement → problem → cause → plan: 0.2) over moving back (0.1; reports that answer each
 *       problem with its measure go back and forth). Where the sequence overrides a paragraph's own best score,
 *       {@code category.sequence} says so. (Transitions learned from the training sequences were tried: no gain.)</li>
 * </ol>
 * An achievement whose rectification cues reach {@value #ANCHOR_CUE} and outweigh its achievement cues is
 * rectification ({@code category.rectification}): the real-text rules count completed rectification as an
 * achievement, shuzhi reports it apart as 整改情况.
 * A heading that only names its section ({@link StructureParser#onlyNamesSection}: 二、存在的问题, 下一步工作打算：) is
 * other with confidence 1, by the labelling rule of LABELS.md — the paragraphs under it are decided one by one; in the
 * rule modes other headings take the first kind of the section they open. Confidence is otherwise the emission
 * probability of the decided category (0–1); below {@link Paragraph#UNSURE_BELOW} the page marks the decision
 * 未能确定. Speeches and notices are classified too (a notice's measures are plans, LABELS.md); the document type is
 * one of the model's features. Thread-safe.
 */
public final class CategoryClassifier {
    static final double SECTION_PRIOR = 2.0;
    static final double COMBINED_PRIOR = 0.8;
    static final double PHASE_CUE = 2.5;
    static final double ANCHOR_CUE = 3.0;
    /** Categories that stand inside other sections paragraph by paragraph (整改 results among achievements). */
    private static final List<Category> ANCHORED = List.of(Category.RECTIFICATION, Category.SELF_ASSESSMENT);
    static final double CUE_CAP = 4.0;
    static final double POSITION = 0.6;
    static final double OTHER_BASE = 0.6;

    private static final Category[] CATS = Category.values();
    private static final Pattern TRANSITION = Pattern.compile(
            "^(对此|为此|针对(以上|上述|这些|存在的)|下一步|今后|在今后|整改措施|改进措施|努力方向)");
    private static final List<Category> ORDER = List.of(Category.RECTIFICATION, Category.ACHIEVEMENT,
            Category.PROBLEM, Category.CAUSE, Category.PLAN, Category.SELF_ASSESSMENT);

    /** Which evidence decides: the rules alone, the learned model alone, or both (the pipeline's choice). */
    public enum Mode { RULES, MODEL, COMBINED }

    /** Weight of the model's log-probability against the rules' in {@link Mode#COMBINED}. */
    static final double MODEL_WEIGHT = 1.0;

    private final CategoryCues cues;
    private final StructureParser structure;
    private final CategoryModel model;
    private final ParagraphFeatures features;
    private final Mode mode;
    private final boolean sequence;
    private final double[][] logTransition = new double[CATS.length][CATS.length];

    /**
     * A rules-only classifier.
     *
     * @throws DictionaryException if a {@code category-cues} line has an unknown category or a bad weight
     */
    public CategoryClassifier(Dictionaries dict) {
        this(dict, null, Mode.RULES, true);
    }

    /**
     * @param model the learned model, or null for {@link Mode#RULES}
     * @param mode  which evidence decides; {@link Mode#MODEL} and {@link Mode#COMBINED} need a model
     * @throws DictionaryException if a {@code category-cues} line has an unknown category or a bad weight
     * @throws IllegalArgumentException if the mode needs a model and there is none
     */
    public CategoryClassifier(Dictionaries dict, CategoryModel model, Mode mode) {
        this(dict, model, mode, true);
    }

    /**
     * @param sequence false to take each paragraph's best category on its own, without the Viterbi pass (to measure
     *                 what the sequence adds)
     */
    public CategoryClassifier(Dictionaries dict, CategoryModel model, Mode mode, boolean sequence) {
        this.sequence = sequence;
        if (mode != Mode.RULES && model == null) {
            throw new IllegalArgumentException("mode " + mode + " needs a model");
        }
        this.model = model;
        this.mode = mode;
        this.cues = new CategoryCues(dict);
        this.features = new ParagraphFeatures(cues);
        this.structure = new StructureParser(dict);
        for (Category a : CATS) {
            for (Category b : CATS) {
                double p;
                if (a == b) {
                    p = 0.5;
                } else if (a == Category.OTHER || b == Category.OTHER) {
                    p = 0.2;
                } else {
                    p = ORDER.indexOf(b) > ORDER.indexOf(a) ? 0.2 : 0.1;
                }
                logTransition[a.ordinal()][b.ordinal()] = Math.log(p);
            }
        }
    }

    /** @return the document with every paragraph's category, confidence and evidence set */
    public ReportDocument classify(ReportDocument doc) {
        List<Paragraph> ps = doc.paragraphs();
        if (ps.isEmpty()) {
            return doc;
        }
        String folded = TextFold.fold(doc.text());
        ParagraphFeatures.Paragraphs paragraphs = features.paragraphs(doc, folded);
        int n = ps.size();
        double[][] score = new double[n][CATS.length];
        double[][] cueSums = new double[n][];
        List<List<Evidence<Category>>> evidence = new ArrayList<>();
        int firstHeading = ps.stream().filter(p -> p.heading() || p.section() > 0).mapToInt(Paragraph::index)
                .findFirst().orElse(n);
        Map<Integer, Category> phase = new java.util.HashMap<>();
        for (Paragraph p : ps) {
            List<Evidence<Category>> ev = new ArrayList<>();
            double[] s = score[p.index()];
            s[Category.OTHER.ordinal()] += OTHER_BASE;
            Section sec = doc.sections().get(p.section());
            List<TermMatch> hits = paragraphs.cues(p.index());
            double[] cueSum = new double[CATS.length];
            cueSums[p.index()] = cueSum;
            double[] cueMax = new double[CATS.length];
            for (TermMatch m : hits) {
                Category c = cues.category(m.term());
                double w = cues.weight(m.term());
                if (w > 0) {
                    cueSum[c.ordinal()] += w;
                    cueMax[c.ordinal()] = Math.max(cueMax[c.ordinal()], w);
                    ev.add(new Evidence<>("category.cue", m.span().of(doc.text()), m.span(), w, c));
                }
            }
            List<Category> kinds = sec.kinds();
            if (!kinds.isEmpty()) {
                Category ph = phase.getOrDefault(sec.index(), kinds.get(0));
                String turn = "";
                if (!p.heading()) {
                    Category next = nextPhase(phaseChain(kinds), ph, cueMax, p.text());
                    if (next != ph) {
                        turn = "，本段起转入“" + next.label() + "”";
                        ph = next;
                    }
                    phase.put(sec.index(), ph);
                }
                if (kinds.size() > 1) {
                    for (Category k : kinds) {
                        s[k.ordinal()] += COMBINED_PRIOR;
                    }
                }
                Category local = ph;
                for (Category a : ANCHORED) {
                    if (!p.heading() && cueSum[a.ordinal()] >= ANCHOR_CUE && cueSum[a.ordinal()] > cueSum[local.ordinal()]) {
                        local = a;
                        turn = "，本段有“" + a.label() + "”的强提示";
                    }
                }
                s[local.ordinal()] += SECTION_PRIOR;
                ev.add(new Evidence<>("category.section", sectionDetail(sec) + (local != kinds.get(0) || kinds.size() > 1
                        ? "（当前为“" + local.label() + "”" + turn + "）" : ""), null, SECTION_PRIOR, local));
            }
            for (Category c : CATS) {
                s[c.ordinal()] += Math.min(CUE_CAP, cueSum[c.ordinal()]);
            }
            double r = doc.text().isEmpty() ? 0 : (double) p.start() / doc.text().length();
            s[Category.ACHIEVEMENT.ordinal()] += POSITION * (1 - r);
            s[Category.PLAN.ordinal()] += POSITION * r;
            ev.add(new Evidence<>("category.position", String.format(java.util.Locale.ROOT, "位于全文 %.0f%% 处", r * 100),
                    null, POSITION, r < 0.5 ? Category.ACHIEVEMENT : Category.PLAN));
            if (p.index() < firstHeading && p.index() < 3 && p.text().length() <= 60 && !p.text().contains("。")) {
                s[Category.OTHER.ordinal()] += 3;
                ev.add(new Evidence<>("category.title", "标题或署名行", p.span(), 3, Category.OTHER));
            }
            evidence.add(ev);
        }
        double[][] logEmission = new double[n][];
        boolean[] named = new boolean[n];
        for (Paragraph p : ps) {
            logEmission[p.index()] = emission(paragraphs, p, score[p.index()], evidence.get(p.index()));
            if (p.heading() && structure.onlyNamesSection(p.text())) {
                named[p.index()] = true; // a rule, not a guess: the sequence pass sees it as other for certain
                double[] certain = new double[CATS.length];
                java.util.Arrays.fill(certain, Math.log(1e-9));
                certain[Category.OTHER.ordinal()] = 0;
                logEmission[p.index()] = certain;
            }
        }
        int[] path = viterbi(logEmission);
        List<Paragraph> out = new ArrayList<>(n);
        for (Paragraph p : ps) {
            double[] prob = exp(logEmission[p.index()]);
            Category c = CATS[path[p.index()]];
            double confidence = -1;
            List<Evidence<Category>> ev = new ArrayList<>(evidence.get(p.index()));
            if (named[p.index()]) {
                c = Category.OTHER;
                confidence = 1;
                ev.add(0, new Evidence<>("category.heading", "标题只点明所开启的部分（" + sectionDetail(doc.sections()
                        .get(p.section())) + "），按标注规则记为“其他”，该部分的段落各自判定", p.span(), 0, c));
            } else if (p.heading() && mode != Mode.MODEL) {
                Section opened = doc.sections().get(p.section());
                List<Category> kinds = opened.kinds();
                c = kinds.isEmpty() ? Category.OTHER : kinds.get(0);
                ev.add(0, new Evidence<>("category.heading", "标题行，取所开启部分的类别", p.span(), 0, c));
                if (opened.kindOrigin() == Section.KindOrigin.HEADING) {
                    confidence = 1; // the heading's own words name its kind (section-headings): a rule, not a guess
                }
            } else {
                int best = argmax(prob);
                if (best != c.ordinal()) {
                    ev.add(new Evidence<>("category.sequence", "按上下文顺序判定（本段单独得分最高为“" + CATS[best].label()
                            + "”）", null, 0, c));
                }
                double[] cue = cueSums[p.index()];
                int rect = Category.RECTIFICATION.ordinal();
                if (c == Category.ACHIEVEMENT && cue[rect] >= ANCHOR_CUE && cue[rect] > cue[c.ordinal()]) {
                    // LABELS.md counts completed rectification as an achievement; shuzhi keeps it apart (整改情况)
                    confidence = round(prob[c.ordinal()] + prob[rect]);
                    c = Category.RECTIFICATION;
                    ev.add(0, new Evidence<>("category.rectification", "成绩中专讲整改的段落（整改提示词权重 "
                            + round(cue[rect]) + " ≥ " + ANCHOR_CUE + "），记为整改情况", null, cue[rect], c));
                }
            }
            ev.sort(Comparator.comparingDouble((Evidence<Category> e) -> e.toward() == CATS[path[p.index()]] ? 0 : 1)
                    .thenComparing(Comparator.comparingDouble(Evidence<Category>::weight)
                    .reversed()));
            out.add(p.withCategory(c, confidence >= 0 ? confidence : round(prob[c.ordinal()]), ev));
        }
        return doc.withStructure(doc.sections(), out);
    }

    /**
     * The kinds a section's paragraphs may move through: its own kinds, then the canonical successors of its last
     * kind (a problem section often goes on with causes and measures without a new heading: 产生这些问题的原因…,
     * 对此，我将…).
     */
    private static List<Category> phaseChain(List<Category> kinds) {
        List<Category> chain = new ArrayList<>(kinds);
        Category last = kinds.get(kinds.size() - 1);
        if (last == Category.PROBLEM) {
            chain.add(Category.CAUSE);
        }
        if (last == Category.PROBLEM || last == Category.CAUSE) {
            chain.add(Category.PLAN);
        }
        return chain;
    }

    /**
     * The phase moves to another kind of the chain when the paragraph opens with a transition to plans (对此、为此…) or
     * carries a single cue of at least {@value #PHASE_CUE} for that kind that outweighs its strongest cue for the
     * current kind (分析原因, 原因主要在于, 对此我将…); otherwise it stays, so a cause list goes on after its opening
     * and measures go on after 对此. Single cues, not sums, decide: cause items are full of problem words (不够, 不强).
     */
    private static Category nextPhase(List<Category> chain, Category current, double[] cueMax, String text) {
        if (TRANSITION.matcher(text).find() && chain.contains(Category.PLAN)) {
            return Category.PLAN;
        }
        Category best = current;
        double bestWeight = Math.max(PHASE_CUE, cueMax[current.ordinal()] + 0.01);
        for (Category k : chain) {
            if (k != current && cueMax[k.ordinal()] >= bestWeight) {
                best = k;
                bestWeight = cueMax[k.ordinal()];
            }
        }
        return best;
    }

    private static String sectionDetail(Section s) {
        String origin = s.kindOrigin().label();
        return (s.heading().isEmpty() ? "（无标题）" : s.heading()) + " → " + s.kinds().stream().map(Category::label)
                .toList() + "（依据：" + origin + "）";
    }

    /**
     * The log-probabilities of one paragraph's categories: the rules' softmax, the model's probabilities, or their
     * normalised product (a product of experts: where the rules are sure they dominate, where they are flat the model
     * decides).
     */
    private double[] emission(ParagraphFeatures.Paragraphs paragraphs, Paragraph p, double[] ruleScore,
                              List<Evidence<Category>> ev) {
        double[] rules = logSoftmax(ruleScore);
        if (mode == Mode.RULES) {
            return rules;
        }
        double[] pm = model.probabilities(features.of(paragraphs, p));
        int best = argmax(pm);
        ev.add(new Evidence<>("category.model", String.format(java.util.Locale.ROOT, "模型概率：%s %.2f（规则 %.2f）",
                CATS[best].label(), pm[best], Math.exp(rules[best])), null, pm[best], CATS[best]));
        double[] combined = new double[CATS.length];
        for (int i = 0; i < combined.length; i++) {
            double lm = Math.log(Math.max(pm[i], 1e-6));
            combined[i] = mode == Mode.MODEL ? lm : rules[i] + MODEL_WEIGHT * lm;
        }
        return logSoftmax(combined);
    }

    private int[] viterbi(double[][] logEmission) {
        int n = logEmission.length;
        if (!sequence) {
            int[] path = new int[n];
            for (int i = 0; i < n; i++) {
                path[i] = argmax(logEmission[i]);
            }
            return path;
        }
        int k = CATS.length;
        double[][] best = new double[n][k];
        int[][] back = new int[n][k];
        for (int i = 0; i < n; i++) {
            double[] logp = logEmission[i];
            for (int b = 0; b < k; b++) {
                if (i == 0) {
                    best[i][b] = logp[b];
                    continue;
                }
                double m = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < k; a++) {
                    double v = best[i - 1][a] + logTransition[a][b];
                    if (v > m) {
                        m = v;
                        back[i][b] = a;
                    }
                }
                best[i][b] = m + logp[b];
            }
        }
        int[] path = new int[n];
        path[n - 1] = argmax(best[n - 1]);
        for (int i = n - 1; i > 0; i--) {
            path[i - 1] = back[i][path[i]];
        }
        return path;
    }

    private static double[] exp(double[] l) {
        double[] p = new double[l.length];
        for (int i = 0; i < l.length; i++) {
            p[i] = Math.exp(l[i]);
        }
        return p;
    }

    private static double[] logSoftmax(double[] s) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : s) {
            sum += Math.exp(v - max);
        }
        double lse = max + Math.log(sum);
        double[] out = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i] - lse;
        }
        return out;
    }

    private static int argmax(double[] v) {
        int b = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[b]) {
                b = i;
            }
        }
        return b;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
