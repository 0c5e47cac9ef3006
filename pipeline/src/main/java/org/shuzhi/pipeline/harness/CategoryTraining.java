package org.shuzhi.pipeline.harness;

import org.shuzhi.pipeline.classify.*;
import org.shuzhi.pipeline.compare.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.shuzhi.pipeline.clean.Cleaner;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.dict.TextFold;
import org.shuzhi.pipeline.harness.RealCorpus;
import org.shuzhi.pipeline.extract.ExtractionLimits;
import org.shuzhi.pipeline.extract.Extractor;
import org.shuzhi.pipeline.meta.Manifest;
import org.shuzhi.pipeline.model.Category;
import org.shuzhi.pipeline.model.DocType;
import org.shuzhi.pipeline.model.DocTypeDecision;
import org.shuzhi.pipeline.model.Evidence;
import org.shuzhi.pipeline.model.Paragraph;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.run.Pipeline;
import org.shuzhi.pipeline.run.Stages;
import org.shuzhi.pipeline.structure.StructureParser;

/**
 * Training and evaluation of the category model on two labelled corpora: the hand-labelled reports of
 * {@code corpus-samples/} ({@link LabelledCorpus}, mostly one writer) and the real paragraphs of public pages
 * ({@link RealCorpus}, 100+ sites, labelled by {@code ../shared/real/LABELS.md}).
 *
 * <p>Every document is analysed by the pipeline up to the category decision. A sample report is used twice: as
 * written, and with all heading lines removed (reports without headings; also augmentation, so the model learns the
 * paragraphs' own wording). A real page is rebuilt as a text of its paragraphs, one a line, in page order; each
 * labelled paragraph is matched to the output paragraph that covers its cleaned text ({@link #prepareReal}).
 *
 * <p>Evaluation never lets one writer appear in training and test: on the real corpus folds are formed by
 * <b>site</b> (no page and no site in both), on the samples by unit. Each figure is given for the rules alone, the
 * model alone, the combination without the sequence pass, and the combination with it (what the pipeline uses).
 * Real-text figures use the five categories of LABELS.md ({@link Category#coarse()}). Not thread-safe; close it.
 */
public final class CategoryTraining implements AutoCloseable {
    /** How many times a real paragraph is repeated in the training data (the samples outnumber it, one writer). */
    public static final int REAL_WEIGHT = 2;
    /**
     * How many more times a cause paragraph counts in training: the rarest class of the real corpus (48 of 757) and
     * the one most confused (with problems). Real-text macro-F1 under site-grouped CV: ×1 0.639, ×2 0.687, ×3 0.680.
     */
    public static final int CAUSE_WEIGHT = 2;
    /** The mode the pipeline uses ({@link Stages#standard}): the model with the sequence pass. */
    public static final String PIPELINE_MODE = "model";
    /** Training iterations of the document-type model. */
    public static final int DOC_TYPE_ITERATIONS = 200;
    /** L2 regularisation weight of the document-type model. */
    public static final double DOC_TYPE_L2 = 0.3;
    private static final String REAL_GROUP = "site:";

    private final Dictionaries dict;
    private final Pipeline analysis;
    private final Cleaner cleaner;
    private final ParagraphFeatures features;
    private final StructureParser structure;

    /**
     * A document analysed up to the category decision.
     *
     * @param group  the writer (a unit of the samples, a site of the real corpus), for grouped folds
     * @param genre  the labelled genre (real pages), or the sample's genre by its name ({@link #sampleGenre})
     * @param labels one gold label per output paragraph, null where no labelled paragraph landed
     */
    record Prepared(String id, String group, DocType genre, ReportDocument doc, List<Category> labels) {
    }

    /**
     * A real page analysed.
     *
     * @param paragraphOf for each labelled paragraph of the page, the output paragraph covering it, or -1 when the
     *                    cleaning removed it (boilerplate lines)
     */
    record RealPrepared(RealCorpus.Page page, Prepared prepared, int[] paragraphOf) {
    }

    /**
     * Real-corpus figures.
     *
     * @param overall  every labelled paragraph (five categories)
     * @param byGenre  per labelled genre of the page
     * @param docTypes    page-level confusion of the document type: rows the labelled genre, columns the decided type
     * @param calibration how often decisions below and above {@link Paragraph#UNSURE_BELOW} were right
     */
    public record RealFigures(Confusion overall, Map<DocType, Confusion> byGenre, Map<DocType, Map<DocType, Integer>>
            docTypes, Calibration calibration) {
        /** @return the share of pages whose decided type is their labelled genre, 0–1 */
        public double docTypeAccuracy() {
            int ok = 0;
            int all = 0;
            for (var e : docTypes.entrySet()) {
                for (var f : e.getValue().entrySet()) {
                    all += f.getValue();
                    ok += e.getKey() == f.getKey() ? f.getValue() : 0;
                }
            }
            return all == 0 ? 0 : (double) ok / all;
        }
    }

    /**
     * Decisions shown as 未能确定 (confidence below {@link Paragraph#UNSURE_BELOW}) and the others, with how many of each
     * were right.
     */
    public record Calibration(int unsure, int unsureRight, int sure, int sureRight) {
        Calibration plus(Calibration o) {
            return new Calibration(unsure + o.unsure, unsureRight + o.unsureRight, sure + o.sure, sureRight + o.sureRight);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "confidence < %.1f: %d decisions, %.3f right; ≥ %.1f: %d decisions, %.3f right",
                    Paragraph.UNSURE_BELOW, unsure, unsure == 0 ? 0 : (double) unsureRight / unsure,
                    Paragraph.UNSURE_BELOW, sure, sure == 0 ? 0 : (double) sureRight / sure);
        }
    }

    public CategoryTraining(Dictionaries dict) {
        this.dict = dict;
        this.analysis = new Pipeline(new Extractor(ExtractionLimits.DEFAULT, dict.list(Dictionaries.BOILERPLATE_LINES)),
                Stages.analysis(dict, Manifest.empty()));
        this.cleaner = new Cleaner(dict);
        this.features = new ParagraphFeatures(dict);
        this.structure = new StructureParser(dict);
    }

    /**
     * @return the samples analysed as written ({@code stripHeadings} false) or without their heading lines; each
     *         labelled line is matched to its output paragraph as in {@link #paragraphOf}
     */
    List<Prepared> prepare(LabelledCorpus.Corpus corpus, boolean stripHeadings) {
        List<Prepared> out = new ArrayList<>();
        for (LabelledCorpus.Report r : corpus.reports()) {
            ReportDocument d = analysis.analyzeText(r.id(), r.text());
            int[] of = paragraphOf(d, r.lines());
            List<String> lines = r.lines();
            List<Category> labels = r.labels();
            if (stripHeadings) {
                List<String> kept = new ArrayList<>();
                List<Category> keptLabels = new ArrayList<>();
                for (int i = 0; i < lines.size(); i++) {
                    if (of[i] < 0 || !d.paragraphs().get(of[i]).heading()) {
                        kept.add(lines.get(i));
                        keptLabels.add(labels.get(i));
                    }
                }
                d = analysis.analyzeText(r.id() + "#stripped", String.join("\n", kept));
                lines = kept;
                labels = keptLabels;
                of = paragraphOf(d, lines);
            }
            List<Category> perParagraph = labelsOf(d, lines, labels, of);
            out.add(new Prepared(r.id(), r.group(), sampleGenre(r.id()), d, namedHeadingsAsOther(d, perParagraph)));
        }
        return out;
    }

    /**
     * Matches labelled lines to the output paragraphs covering them: each line is cleaned on its own (as the pipeline
     * cleans it: traditional to simplified, widths, watermarks) and looked up, in order, as a substring of the output
     * paragraphs' text.
     *
     * @return for each line the index of the output paragraph covering it, or -1 when the cleaning removed it
     */
    int[] paragraphOf(ReportDocument d, List<String> lines) {
        List<Paragraph> ps = d.paragraphs();
        int[] of = new int[lines.size()];
        int next = 0;
        for (int i = 0; i < of.length; i++) {
            String key = TextFold.fold(cleaner.clean(lines.get(i)).text().strip());
            of[i] = -1;
            if (key.isEmpty()) {
                continue;
            }
            for (int j = next; j < ps.size(); j++) {
                if (TextFold.fold(ps.get(j).text()).contains(key)) {
                    of[i] = j;
                    next = j;
                    break;
                }
            }
        }
        return of;
    }

    /** @return one label per output paragraph: that of the longest labelled line it covers, null where none */
    private static List<Category> labelsOf(ReportDocument d, List<String> lines, List<Category> labels, int[] of) {
        Category[] out = new Category[d.paragraphs().size()];
        int[] length = new int[out.length];
        for (int i = 0; i < of.length; i++) {
            if (of[i] >= 0 && lines.get(i).length() > length[of[i]]) {
                out[of[i]] = labels.get(i);
                length[of[i]] = lines.get(i).length();
            }
        }
        return java.util.Arrays.asList(out);
    }

    /**
     * Analyses every real page as a text of its paragraphs and matches each labelled paragraph to the output
     * paragraph that covers it ({@link #paragraphOf}); an output paragraph takes the label of the longest labelled
     * paragraph it covers.
     */
    List<RealPrepared> prepareReal(RealCorpus corpus) {
        List<RealPrepared> out = new ArrayList<>();
        for (RealCorpus.Page page : corpus.pages()) {
            ReportDocument d = analysis.analyzeText("real/" + page.docId(), page.text());
            List<String> lines = page.paragraphs().stream().map(RealCorpus.Paragraph::text).toList();
            int[] of = paragraphOf(d, lines);
            List<Category> labels = labelsOf(d, lines, page.paragraphs().stream().map(RealCorpus.Paragraph::label)
                    .toList(), of);
            out.add(new RealPrepared(page, new Prepared("real/" + page.docId(), REAL_GROUP + page.site(),
                    page.genre(), d, labels), of));
        }
        return out;
    }

    /**
     * The samples label a heading with the kind of the section it opens; the real-text rules (LABELS.md) call a
     * heading that only names a section other ("二、存在的问题"). Such a heading
     * ({@link StructureParser#onlyNamesSection}) is therefore trained as other, as the classifier decides it; a
     * heading that states a topic or a claim keeps its label.
     */
    private List<Category> namedHeadingsAsOther(ReportDocument d, List<Category> labels) {
        List<Category> out = new ArrayList<>(labels);
        for (Paragraph p : d.paragraphs()) {
            if (p.heading() && structure.onlyNamesSection(p.text())) {
                out.set(p.index(), Category.OTHER);
            }
        }
        return out;
    }

    /**
     * The genre of a sample by its file name, as in {@code corpus-samples/manifest.csv}: {@code *-speech} speeches,
     * {@code *-notice}, {@code *-opinion} and {@code *-plan} notices and work plans, everything else reports.
     */
    static DocType sampleGenre(String id) {
        if (id.matches(".*-speech.*")) {
            return DocType.SPEECH;
        }
        return id.matches(".*-(notice|opinion|plan)(\\.txt)?$") ? DocType.NOTICE : DocType.REPORT;
    }

    /**
     * @return a document-type model trained on the documents' genres (one example per document, a genre's examples
     *         repeated √(most frequent genre's count / its count) times. Page accuracy under site-grouped
     *         cross-validation: full balancing 0.835 (11 of 105 real reports called speeches or notices), none 0.858
     *         (12 of 14 speeches called reports), √ 0.858 with the errors spread)
     */
    Maxent<DocType> trainDocType(List<Prepared> docs, DocTypeClassifier cues) {
        List<Maxent.Example<DocType>> ex = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        Map<DocType, Integer> perType = new EnumMap<>(DocType.class);
        List<Prepared> once = new ArrayList<>();
        for (Prepared p : docs) {
            if (!p.id().endsWith("#stripped") && seen.add(p.id())) {
                once.add(p);
                perType.merge(p.genre(), 1, Integer::sum);
            }
        }
        int most = perType.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        for (Prepared p : once) {
            Maxent.Example<DocType> e = new Maxent.Example<>(p.genre(), cues.features(p.doc().text()));
            for (int k = (int) Math.max(1, Math.round(Math.sqrt((double) most / perType.get(p.genre())))); k > 0; k--) {
                ex.add(e); // reports outnumber speeches and notices about 8 to 1: weight √(8) ≈ 3
            }
        }
        return Maxent.train(DocType.class, ex, DOC_TYPE_ITERATIONS, DOC_TYPE_L2);
    }

    /** @return the document with its labelled genre as the decided type (training data) */
    private static Prepared withGenre(Prepared p) {
        return new Prepared(p.id(), p.group(), p.genre(), p.doc().withDocType(new DocTypeDecision(p.genre(), 1,
                List.of(new Evidence<>("doctype.label", "标注的文体", null, 1, p.genre())))), p.labels());
    }

    /** @return the page with its type decided by {@code classifier} (test data) */
    private static RealPrepared decided(RealPrepared rp, DocTypeClassifier classifier) {
        Prepared p = rp.prepared();
        return new RealPrepared(rp.page(), new Prepared(p.id(), p.group(), p.genre(), p.doc().withDocType(
                classifier.classify(p.doc().text())), p.labels()), rp.paragraphOf());
    }

    /**
     * @return a model trained on every labelled paragraph of {@code docs} (real pages {@value #REAL_WEIGHT} times,
     *         causes {@value #CAUSE_WEIGHT} times more)
     */
    CategoryModel train(List<Prepared> docs) {
        List<CategoryModel.Example> ex = new ArrayList<>();
        for (Prepared p : docs) {
            String folded = TextFold.fold(p.doc().text());
            int times = p.group().startsWith(REAL_GROUP) ? REAL_WEIGHT : 1;
            for (Paragraph para : p.doc().paragraphs()) {
                Category label = p.labels().get(para.index());
                if (label == null) {
                    continue;
                }
                CategoryModel.Example e = new CategoryModel.Example(label, features.of(p.doc(), folded, para));
                int w = times * (label == Category.CAUSE ? CAUSE_WEIGHT : 1);
                for (int k = 0; k < w; k++) {
                    ex.add(e);
                }
            }
        }
        return CategoryModel.train(ex);
    }

    /** @return the confusion of {@code classifier} on the labelled paragraphs of {@code docs} */
    static Confusion evaluate(List<Prepared> docs, CategoryClassifier classifier) {
        Confusion c = new Confusion();
        for (Prepared p : docs) {
            ReportDocument d = classifier.classify(p.doc());
            for (Paragraph para : d.paragraphs()) {
                Category gold = p.labels().get(para.index());
                if (gold != null) {
                    c.add(gold, para.category());
                }
            }
        }
        return c;
    }

    /**
     * Real-text figures of one classifier on some pages: every labelled paragraph is scored (one that the cleaning
     * removed counts as predicted other), in the five categories of LABELS.md.
     */
    static RealFigures evaluateReal(List<RealPrepared> pages, CategoryClassifier classifier) {
        Confusion all = new Confusion();
        Map<DocType, Confusion> byGenre = new EnumMap<>(DocType.class);
        Map<DocType, Map<DocType, Integer>> types = new EnumMap<>(DocType.class);
        int[] cal = new int[4];
        for (RealPrepared rp : pages) {
            ReportDocument d = classifier.classify(rp.prepared().doc());
            Confusion g = byGenre.computeIfAbsent(rp.page().genre(), k -> new Confusion());
            for (int i = 0; i < rp.paragraphOf().length; i++) {
                Category gold = rp.page().paragraphs().get(i).label();
                int j = rp.paragraphOf()[i];
                Category predicted = j < 0 ? Category.OTHER : d.paragraphs().get(j).category().coarse();
                all.add(gold, predicted);
                g.add(gold, predicted);
                int k = j >= 0 && d.paragraphs().get(j).unsure() ? 0 : 2;
                cal[k]++;
                cal[k + 1] += gold == predicted ? 1 : 0;
            }
            types.computeIfAbsent(rp.page().genre(), k -> new EnumMap<>(DocType.class)).merge(d.docType(), 1,
                    Integer::sum);
        }
        return new RealFigures(all, byGenre, types, new Calibration(cal[0], cal[1], cal[2], cal[3]));
    }

    /**
     * Trains the pipeline's model on everything labelled (the samples as written and without headings, and the real
     * corpus when given) and writes it to {@code modelFile}, with a JSON file beside it that records the training
     * data's hashes and size.
     *
     * @param real the real-text folder, or null to train on the samples alone
     * @return a one-line summary
     * @throws IOException if a corpus cannot be read or the model cannot be written
     */
    public String trainAndSave(Path samples, Path real, Path modelFile) throws IOException {
        LabelledCorpus.Corpus corpus = LabelledCorpus.load(samples, dict.root());
        List<Prepared> all = new ArrayList<>(prepare(corpus, false));
        all.addAll(prepare(corpus, true));
        RealCorpus realCorpus = real == null ? null : RealCorpus.load(real);
        if (realCorpus != null) {
            prepareReal(realCorpus).forEach(rp -> all.add(rp.prepared()));
        }
        CategoryModel model = train(all.stream().map(CategoryTraining::withGenre).toList());
        model.save(modelFile);
        trainDocType(all, new DocTypeClassifier(dict)).save(docTypeFile(modelFile));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("trainingDataSha256", corpus.sha256());
        meta.put("realCorpusSha256", realCorpus == null ? null : realCorpus.sha256());
        meta.put("reports", corpus.reports().size());
        meta.put("paragraphs", corpus.paragraphs());
        meta.put("realPages", realCorpus == null ? 0 : realCorpus.pages().size());
        meta.put("realParagraphs", realCorpus == null ? 0 : realCorpus.paragraphs().size());
        meta.put("realWeight", REAL_WEIGHT);
        meta.put("algorithm", "OpenNLP MAXENT_QN, L2 " + CategoryModel.L2 + ", " + CategoryModel.ITERATIONS
                + " iterations, cutoff 1");
        meta.put("docTypeModel", docTypeFile(modelFile).getFileName().toString() + ": OpenNLP MAXENT_QN, L2 "
                + DOC_TYPE_L2 + ", " + DOC_TYPE_ITERATIONS + " iterations, one example per document");
        meta.put("trainedAt", Instant.now().toString());
        Files.writeString(metadataFile(modelFile), new com.fasterxml.jackson.databind.ObjectMapper()
                .writerWithDefaultPrettyPrinter().writeValueAsString(meta) + "\n", StandardCharsets.UTF_8);
        return String.format(Locale.ROOT, "trained on %d sample reports (%d paragraphs, as written and without "
                + "headings) and %d real pages (%d paragraphs, ×%d); written to %s and %s", corpus.reports().size(),
                corpus.paragraphs(), meta.get("realPages"), meta.get("realParagraphs"), REAL_WEIGHT, modelFile,
                docTypeFile(modelFile));
    }

    /** @return the document-type model file beside the category model file */
    public static Path docTypeFile(Path modelFile) {
        return modelFile.resolveSibling(Path.of(DocTypeClassifier.MODEL_FILE).getFileName().toString());
    }

    /** @return the metadata file beside a model file ({@code .bin} → {@code .json}) */
    public static Path metadataFile(Path modelFile) {
        return modelFile.resolveSibling(modelFile.getFileName().toString().replaceFirst("\\.bin$", "") + ".json");
    }

    /**
     * Site-grouped cross-validation on the real corpus: sites are dealt round-robin (in name order) into
     * {@code folds} folds; each fold is tested with a model trained on all samples and the real pages of the other
     * folds.
     *
     * @return the pooled figures per mode (rules, model, combined without sequence, combined)
     */
    public Map<String, RealFigures> crossValidateReal(Path samples, Path real, int folds) throws IOException {
        LabelledCorpus.Corpus corpus = LabelledCorpus.load(samples, dict.root());
        List<Prepared> sampleDocs = new ArrayList<>(prepare(corpus, false));
        sampleDocs.addAll(prepare(corpus, true));
        List<RealPrepared> pages = prepareReal(RealCorpus.load(real));
        DocTypeClassifier cueTypes = new DocTypeClassifier(dict);
        List<String> sites = new ArrayList<>(new TreeSet<>(pages.stream().map(p -> p.page().site()).toList()));
        Map<String, RealFigures> pooled = new LinkedHashMap<>();
        for (int k = 0; k < folds; k++) {
            int fold = k;
            Predicate<RealPrepared> isTest = p -> sites.indexOf(p.page().site()) % folds == fold;
            List<Prepared> train = new ArrayList<>(sampleDocs);
            pages.stream().filter(isTest.negate()).forEach(p -> train.add(p.prepared()));
            DocTypeClassifier docTypes = DocTypeClassifier.withModel(dict, trainDocType(train, cueTypes));
            List<RealPrepared> test = pages.stream().filter(isTest).map(p -> decided(p, docTypes)).toList();
            CategoryModel model = train(train.stream().map(CategoryTraining::withGenre).toList());
            classifiers(model).forEach((mode, c) -> pooled.merge(mode, evaluateReal(test, c),
                    CategoryTraining::merge));
        }
        return pooled;
    }

    private static RealFigures merge(RealFigures a, RealFigures b) {
        Confusion all = new Confusion();
        all.addAll(a.overall());
        all.addAll(b.overall());
        Map<DocType, Confusion> g = new EnumMap<>(DocType.class);
        for (RealFigures f : List.of(a, b)) {
            f.byGenre().forEach((t, c) -> g.computeIfAbsent(t, x -> new Confusion()).addAll(c));
        }
        Map<DocType, Map<DocType, Integer>> types = new EnumMap<>(DocType.class);
        for (RealFigures f : List.of(a, b)) {
            f.docTypes().forEach((t, m) -> m.forEach((u, n) -> types.computeIfAbsent(t, x -> new EnumMap<>(
                    DocType.class)).merge(u, n, Integer::sum)));
        }
        return new RealFigures(all, g, types, a.calibration().plus(b.calibration()));
    }

    private Map<String, CategoryClassifier> classifiers(CategoryModel model) {
        Map<String, CategoryClassifier> c = new LinkedHashMap<>();
        c.put("rules", new CategoryClassifier(dict, null, CategoryClassifier.Mode.RULES, true));
        c.put("model, no sequence", new CategoryClassifier(dict, model, CategoryClassifier.Mode.MODEL, false));
        c.put("model", new CategoryClassifier(dict, model, CategoryClassifier.Mode.MODEL, true));
        c.put("combined, no sequence", new CategoryClassifier(dict, model, CategoryClassifier.Mode.COMBINED, false));
        c.put("combined", new CategoryClassifier(dict, model, CategoryClassifier.Mode.COMBINED, true));
        return c;
    }

    /**
     * The whole evaluation as plain text: the real corpus under site-grouped cross-validation (when {@code real} is
     * given), then the samples on a held-out split and under cross-validation by unit, with and without headings
     * (trained on the samples of the other units plus the whole real corpus).
     *
     * @param real  the real-text folder, or null to evaluate on the samples only
     * @param folds number of cross-validation folds, ≥ 2
     * @throws IOException if a corpus cannot be read
     */
    public String evaluate(Path samples, Path real, int folds) throws IOException {
        StringBuilder b = new StringBuilder();
        List<Prepared> realDocs = new ArrayList<>();
        if (real != null) {
            RealCorpus rc = RealCorpus.load(real);
            b.append(String.format(Locale.ROOT, "Real corpus: %d pages, %d paragraphs, %d sites; sha256 %s%n",
                    rc.pages().size(), rc.paragraphs().size(), rc.pages().stream().map(RealCorpus.Page::site)
                            .distinct().count(), rc.sha256()));
            Map<String, RealFigures> cv = crossValidateReal(samples, real, folds);
            b.append("\n== Real corpus, ").append(folds).append("-fold cross-validation grouped by site "
                    + "(five categories of LABELS.md)\n");
            b.append(String.format(Locale.ROOT, "%-24s %10s %10s%n", "mode", "macro-F1", "accuracy"));
            cv.forEach((mode, f) -> b.append(String.format(Locale.ROOT, "%-24s %10.3f %10.3f%n", mode,
                    f.overall().macroF1(), f.overall().accuracy())));
            RealFigures f = cv.get(PIPELINE_MODE);
            b.append("\n-- ").append(PIPELINE_MODE).append(" (the pipeline), all genres:\n").append(f.overall().format());
            f.byGenre().forEach((genre, c) -> b.append("\n-- ").append(PIPELINE_MODE).append(", genre ")
                    .append(genre.id()).append(":\n").append(c.format()));
            b.append(String.format(Locale.ROOT, "%n-- document type per page (rows labelled genre, columns decided): "
                    + "accuracy %.3f%n", f.docTypeAccuracy()));
            f.docTypes().forEach((t, m) -> b.append(String.format(Locale.ROOT, "%-8s %s%n", t.id(), m)));
            b.append("\n-- calibration: ").append(f.calibration()).append('\n');
            prepareReal(rc).forEach(rp -> realDocs.add(rp.prepared()));
        }
        LabelledCorpus.Corpus corpus = LabelledCorpus.load(samples, dict.root());
        List<Prepared> with = prepare(corpus, false);
        List<Prepared> without = prepare(corpus, true);
        List<String> groups = new ArrayList<>(new TreeSet<>(with.stream().map(Prepared::group).toList()));
        b.append(String.format(Locale.ROOT,
                "%nLabelled samples: %d reports, %d paragraphs, %d units/writers; training data sha256 %s%n",
                corpus.reports().size(), corpus.paragraphs(), groups.size(), corpus.sha256()));
        List<String> heldOut = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            if (i % 4 == 3) {
                heldOut.add(groups.get(i));
            }
        }
        b.append("\n== Samples, held-out split: test units ").append(heldOut).append('\n');
        Map<String, Confusion[]> split = runSamples(with, without, realDocs, heldOut::contains);
        appendModes(b, split);
        b.append("\n-- model (the pipeline), with headings (held-out):\n").append(split.get(PIPELINE_MODE)[0].format());
        b.append("\n-- model, headings stripped (held-out):\n").append(split.get(PIPELINE_MODE)[1].format());

        Map<String, Confusion[]> cv = new LinkedHashMap<>();
        for (int k = 0; k < folds; k++) {
            int fold = k;
            Map<String, Confusion[]> one = runSamples(with, without, realDocs, g -> groups.indexOf(g) % folds == fold);
            one.forEach((mode, cs) -> {
                Confusion[] acc = cv.computeIfAbsent(mode, m -> new Confusion[] {new Confusion(), new Confusion()});
                acc[0].addAll(cs[0]);
                acc[1].addAll(cs[1]);
            });
        }
        b.append("\n== Samples, ").append(folds).append("-fold cross-validation by unit (pooled over folds)\n");
        appendModes(b, cv);
        b.append("\n-- model (the pipeline), with headings (cross-validation):\n").append(cv.get(PIPELINE_MODE)[0]
                .format());
        b.append("\n-- model, headings stripped (cross-validation):\n").append(cv.get(PIPELINE_MODE)[1].format());
        return b.toString();
    }

    private Map<String, Confusion[]> runSamples(List<Prepared> with, List<Prepared> without, List<Prepared> extra,
                                                Predicate<String> isTest) {
        List<Prepared> train = new ArrayList<>(extra);
        List<Prepared> testWith = new ArrayList<>();
        List<Prepared> testWithout = new ArrayList<>();
        for (int i = 0; i < with.size(); i++) {
            if (isTest.test(with.get(i).group())) {
                testWith.add(with.get(i));
                testWithout.add(without.get(i));
            } else {
                train.add(with.get(i));
                train.add(without.get(i));
            }
        }
        CategoryModel model = train(train.stream().map(CategoryTraining::withGenre).toList());
        Map<String, Confusion[]> out = new LinkedHashMap<>();
        classifiers(model).forEach((name, c) -> out.put(name, new Confusion[] {evaluate(testWith, c),
                evaluate(testWithout, c)}));
        return out;
    }

    private static void appendModes(StringBuilder b, Map<String, Confusion[]> m) {
        b.append(String.format(Locale.ROOT, "%-24s %22s %22s%n", "macro-F1 (accuracy)", "with headings",
                "headings stripped"));
        m.forEach((mode, cs) -> b.append(String.format(Locale.ROOT, "%-24s %14.3f (%.3f) %14.3f (%.3f)%n", mode,
                cs[0].macroF1(), cs[0].accuracy(), cs[1].macroF1(), cs[1].accuracy())));
    }

    @Override
    public void close() {
        analysis.close();
    }
}
