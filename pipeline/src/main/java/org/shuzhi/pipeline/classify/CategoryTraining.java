package org.shuzhi.pipeline.classify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.dict.TextFold;
import org.shuzhi.pipeline.extract.ExtractionLimits;
import org.shuzhi.pipeline.extract.Extractor;
import org.shuzhi.pipeline.meta.Manifest;
import org.shuzhi.pipeline.model.Category;
import org.shuzhi.pipeline.model.Paragraph;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.run.Pipeline;
import org.shuzhi.pipeline.run.Stages;

/**
 * Training and evaluation of the category model on the labelled corpus ({@link LabelledCorpus}).
 *
 * <p>Every labelled report is analysed by the pipeline up to the category decision, twice: as written, and with all
 * heading lines removed (the hard case of reports without headings; also used as training augmentation, so that the
 * model learns the paragraphs' own wording and not only the headings). Evaluation never lets one unit (one writer)
 * appear in both training and test data: the held-out split keeps every fourth unit apart; cross-validation folds
 * are formed by unit. Each figure is given for the rules alone, the model alone, the combination without the
 * sequence pass, and the combination with it (what the pipeline uses). Not thread-safe; close it.
 */
public final class CategoryTraining implements AutoCloseable {
    private final Dictionaries dict;
    private final Pipeline analysis;
    private final ParagraphFeatures features;

    /** A report analysed up to the category decision, with one gold label per paragraph. */
    record Prepared(String id, String group, ReportDocument doc, List<Category> labels) {
    }

    public CategoryTraining(Dictionaries dict) {
        this.dict = dict;
        this.analysis = new Pipeline(new Extractor(ExtractionLimits.DEFAULT, dict.list(Dictionaries.BOILERPLATE_LINES)),
                Stages.analysis(dict, Manifest.empty()));
        this.features = new ParagraphFeatures(dict);
    }

    /**
     * @return the corpus analysed as written ({@code stripHeadings} false) or without its heading lines
     * @throws IllegalStateException if the pipeline's paragraphs do not line up with a report's labelled lines
     */
    List<Prepared> prepare(LabelledCorpus.Corpus corpus, boolean stripHeadings) {
        List<Prepared> out = new ArrayList<>();
        for (LabelledCorpus.Report r : corpus.reports()) {
            ReportDocument d = analysis.analyzeText(r.id(), r.text());
            if (d.paragraphs().size() != r.labels().size()) {
                throw new IllegalStateException(r.id() + ": " + d.paragraphs().size() + " paragraphs for "
                        + r.labels().size() + " labelled lines");
            }
            List<Category> labels = r.labels();
            if (stripHeadings) {
                List<String> lines = new ArrayList<>();
                List<Category> kept = new ArrayList<>();
                for (Paragraph p : d.paragraphs()) {
                    if (!p.heading()) {
                        lines.add(r.lines().get(p.index()));
                        kept.add(labels.get(p.index()));
                    }
                }
                d = analysis.analyzeText(r.id() + "#stripped", String.join("\n", lines));
                labels = List.copyOf(kept);
                if (d.paragraphs().size() != labels.size()) {
                    throw new IllegalStateException(r.id() + " without headings does not line up");
                }
            }
            out.add(new Prepared(r.id(), r.group(), d, labels));
        }
        return out;
    }

    /** @return a model trained on every paragraph of {@code docs} */
    CategoryModel train(List<Prepared> docs) {
        List<CategoryModel.Example> ex = new ArrayList<>();
        for (Prepared p : docs) {
            String folded = TextFold.fold(p.doc().text());
            for (Paragraph para : p.doc().paragraphs()) {
                ex.add(new CategoryModel.Example(p.labels().get(para.index()), features.of(p.doc(), folded, para)));
            }
        }
        return CategoryModel.train(ex);
    }

    /** @return the confusion of {@code classifier} on {@code docs} */
    static Confusion evaluate(List<Prepared> docs, CategoryClassifier classifier) {
        Confusion c = new Confusion();
        for (Prepared p : docs) {
            ReportDocument d = classifier.classify(p.doc());
            for (Paragraph para : d.paragraphs()) {
                c.add(p.labels().get(para.index()), para.category());
            }
        }
        return c;
    }

    /**
     * Trains the pipeline's model on the whole labelled corpus (as written and without headings) and writes it to
     * {@code modelFile}, with a JSON file beside it that records the training data's hash (labels, sources and the
     * term lists that shape the features) and size.
     *
     * @return a one-line summary
     * @throws IOException if the corpus cannot be read or the model cannot be written
     */
    public String trainAndSave(Path samples, Path modelFile) throws IOException {
        LabelledCorpus.Corpus corpus = LabelledCorpus.load(samples, dict.root());
        List<Prepared> all = new ArrayList<>(prepare(corpus, false));
        all.addAll(prepare(corpus, true));
        CategoryModel model = train(all);
        model.save(modelFile);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("trainingDataSha256", corpus.sha256());
        meta.put("reports", corpus.reports().size());
        meta.put("paragraphs", corpus.paragraphs());
        meta.put("examples", all.stream().mapToInt(p -> p.labels().size()).sum());
        meta.put("algorithm", "OpenNLP MAXENT_QN, L2 " + CategoryModel.L2 + ", " + CategoryModel.ITERATIONS
                + " iterations, cutoff 1");
        meta.put("trainedAt", Instant.now().toString());
        Files.writeString(metadataFile(modelFile), new com.fasterxml.jackson.databind.ObjectMapper()
                .writerWithDefaultPrettyPrinter().writeValueAsString(meta) + "\n", StandardCharsets.UTF_8);
        return String.format(Locale.ROOT, "trained on %d reports, %d paragraphs (%d examples with the heading-less "
                + "copies); training data sha256 %s; written to %s", corpus.reports().size(), corpus.paragraphs(),
                meta.get("examples"), corpus.sha256(), modelFile);
    }

    /** @return the metadata file beside a model file ({@code .bin} → {@code .json}) */
    public static Path metadataFile(Path modelFile) {
        return modelFile.resolveSibling(modelFile.getFileName().toString().replaceFirst("\\.bin$", "") + ".json");
    }

    /**
     * Evaluates on a held-out split and under cross-validation, with and without headings.
     *
     * @param folds number of cross-validation folds (by unit), ≥ 2
     * @return the report as plain text
     * @throws IOException if the corpus cannot be read
     */
    public String evaluate(Path samples, int folds) throws IOException {
        LabelledCorpus.Corpus corpus = LabelledCorpus.load(samples, dict.root());
        List<Prepared> with = prepare(corpus, false);
        List<Prepared> without = prepare(corpus, true);
        List<String> groups = new ArrayList<>(new TreeSet<>(with.stream().map(Prepared::group).toList()));
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "Labelled corpus: %d reports, %d paragraphs, %d units/writers; training data sha256 %s%n",
                corpus.reports().size(), corpus.paragraphs(), groups.size(), corpus.sha256()));

        List<String> heldOut = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            if (i % 4 == 3) {
                heldOut.add(groups.get(i));
            }
        }
        b.append("\n== Held-out split: test units ").append(heldOut).append('\n');
        Map<String, Confusion[]> split = run(with, without, heldOut::contains);
        appendModes(b, split);
        b.append("\n-- combined, with headings (held-out):\n").append(split.get("combined")[0].format());
        b.append("\n-- combined, headings stripped (held-out):\n").append(split.get("combined")[1].format());

        Map<String, Confusion[]> cv = new LinkedHashMap<>();
        for (int k = 0; k < folds; k++) {
            int fold = k;
            Map<String, Confusion[]> one = run(with, without, g -> groups.indexOf(g) % folds == fold);
            one.forEach((mode, cs) -> {
                Confusion[] acc = cv.computeIfAbsent(mode, m -> new Confusion[] {new Confusion(), new Confusion()});
                acc[0].addAll(cs[0]);
                acc[1].addAll(cs[1]);
            });
        }
        b.append("\n== ").append(folds).append("-fold cross-validation by unit (pooled over folds)\n");
        appendModes(b, cv);
        b.append("\n-- combined, with headings (cross-validation):\n").append(cv.get("combined")[0].format());
        b.append("\n-- combined, headings stripped (cross-validation):\n").append(cv.get("combined")[1].format());
        return b.toString();
    }

    private Map<String, Confusion[]> run(List<Prepared> with, List<Prepared> without, Predicate<String> isTest) {
        List<Prepared> train = new ArrayList<>();
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
        CategoryModel model = train(train);
        Map<String, Confusion[]> out = new LinkedHashMap<>();
        Map<String, CategoryClassifier> classifiers = new LinkedHashMap<>();
        classifiers.put("rules", new CategoryClassifier(dict, null, CategoryClassifier.Mode.RULES, true));
        classifiers.put("model", new CategoryClassifier(dict, model, CategoryClassifier.Mode.MODEL, true));
        classifiers.put("combined, no sequence", new CategoryClassifier(dict, model,
                CategoryClassifier.Mode.COMBINED, false));
        classifiers.put("combined", new CategoryClassifier(dict, model, CategoryClassifier.Mode.COMBINED, true));
        classifiers.forEach((name, c) -> out.put(name, new Confusion[] {evaluate(testWith, c),
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
