package org.shuzhi.pipeline.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.shuzhi.pipeline.classify.CategoryClassifier;
import org.shuzhi.pipeline.classify.CategoryModel;
import org.shuzhi.pipeline.classify.DocTypeClassifier;
import org.shuzhi.pipeline.clean.Cleaner;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.dict.TextFold;
import org.shuzhi.pipeline.meta.Manifest;
import org.shuzhi.pipeline.meta.MetadataResolver;
import org.shuzhi.pipeline.model.Counts;
import org.shuzhi.pipeline.model.Paragraph;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.model.Section;
import org.shuzhi.pipeline.model.Sentence;
import org.shuzhi.pipeline.score.FeatureAnnotator;
import org.shuzhi.pipeline.profile.CountingRule;
import org.shuzhi.pipeline.segment.Segmenter;
import org.shuzhi.pipeline.structure.StructureParser;

/** The standard stages, in the order {@link #standard(Dictionaries, Manifest)} lists them. */
public final class Stages {
    private Stages() {
    }

    private record Simple(String name, Set<String> requires, Set<String> provides, UnaryOperator<ReportDocument> fn)
            implements Stage {
        @Override
        public ReportDocument apply(ReportDocument doc) {
            return fn.apply(doc);
        }
    }

    /**
     * @return {@link #analysis} (with the learned document-type model when it exists) followed by {@code classify},
     *         which decides by the learned model ({@value CategoryModel#FILE} below the dictionaries folder, with the
     *         sequence pass) when that file exists, else by the rules
     * @throws org.shuzhi.pipeline.dict.DictionaryException if a dictionary the stages need is malformed
     * @throws java.io.UncheckedIOException if the model file exists but cannot be read
     */
    public static List<Stage> standard(Dictionaries dict, Manifest manifest) {
        Path modelFile = dict.root().resolve(CategoryModel.FILE);
        CategoryModel model = null;
        if (Files.exists(modelFile)) {
            try {
                model = CategoryModel.load(modelFile);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the category model " + modelFile, e);
            }
        }
        return withClassifier(dict, manifest, docTypeClassifier(dict), model == null ? new CategoryClassifier(dict)
                : new CategoryClassifier(dict, model, CategoryClassifier.Mode.MODEL));
    }

    /**
     * @return the document-type classifier with the learned model ({@value DocTypeClassifier#MODEL_FILE} below the
     *         dictionaries folder) when that file exists, else with the cues alone
     * @throws java.io.UncheckedIOException if the model file exists but cannot be read
     */
    public static DocTypeClassifier docTypeClassifier(Dictionaries dict) {
        Path file = dict.root().resolve(DocTypeClassifier.MODEL_FILE);
        try {
            return new DocTypeClassifier(dict, Files.exists(file) ? file : null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the document-type model " + file, e);
        }
    }

    /** @return {@link #analysis} followed by {@code classify} with the given classifier */
    public static List<Stage> withClassifier(Dictionaries dict, Manifest manifest, CategoryClassifier category) {
        return withClassifier(dict, manifest, docTypeClassifier(dict), category);
    }

    private static List<Stage> withClassifier(Dictionaries dict, Manifest manifest, DocTypeClassifier docType,
                                              CategoryClassifier category) {
        List<Stage> all = new ArrayList<>(analysis(dict, manifest, docType));
        all.add(new Simple("classify", Set.of(Stage.STRUCTURE, Stage.FEATURES), Set.of(Stage.CATEGORY),
                category::classify));
        return List.copyOf(all);
    }

    /**
     * @return clean → metadata → doc-type → structure → segment → features: everything but the category decision
     *         (what training and evaluation of the category model start from), with the cue-only document-type
     *         classifier (no learned model, so that evaluations never see a model trained on their test data)
     */
    public static List<Stage> analysis(Dictionaries dict, Manifest manifest) {
        return analysis(dict, manifest, new DocTypeClassifier(dict));
    }

    /** @return {@link #analysis(Dictionaries, Manifest)} with the given document-type classifier */
    public static List<Stage> analysis(Dictionaries dict, Manifest manifest, DocTypeClassifier docType) {
        Cleaner cleaner = new Cleaner(dict);
        MetadataResolver meta = new MetadataResolver();
        StructureParser structure = new StructureParser(dict);
        Segmenter segmenter = new Segmenter(dict);
        FeatureAnnotator features = new FeatureAnnotator(dict);
        return List.of(
                new Simple("clean", Set.of(Stage.RAW_TEXT), Set.of(Stage.CLEAN_TEXT), d -> {
                    Cleaner.Result r = cleaner.clean(d.text());
                    return d.withText(r.text(), r.edits(), r.flags());
                }),
                new Simple("metadata", Set.of(Stage.CLEAN_TEXT), Set.of(Stage.METADATA), d -> {
                    if (d.extraction().part() != null) {
                        // one report of a compiled booklet: the booklet's manifest row and file name (e.g. 汇编-2025)
                        // describe the booklet, not this report; its own title and author lines do
                        return d.withMetadata(meta.resolve(java.util.Map.of(), "", d.text()));
                    }
                    String name = d.source().substring(d.source().lastIndexOf('/') + 1);
                    return d.withMetadata(meta.resolve(manifest.row(d.source()), name, d.text()));
                }),
                new Simple("doc-type", Set.of(Stage.CLEAN_TEXT), Set.of(Stage.DOC_TYPE),
                        d -> d.withDocType(docType.classify(d.text()))),
                new Simple("structure", Set.of(Stage.CLEAN_TEXT, Stage.DOC_TYPE), Set.of(Stage.STRUCTURE), d -> {
                    StructureParser.Structure s = structure.parse(d.text(), d.docType());
                    ReportDocument out = d.withStructure(s.sections(), s.paragraphs());
                    return s.sections().size() == 1 ? out.withWarning("未识别到任何标题，类别仅依据段落内容和位置判断") : out;
                }),
                new Simple("segment", Set.of(Stage.STRUCTURE), Set.of(Stage.TOKENS), d -> {
                    List<Paragraph> ps = new ArrayList<>();
                    for (Paragraph p : d.paragraphs()) {
                        var tokens = segmenter.segment(p.text(), p.start());
                        List<Sentence> ss = new ArrayList<>();
                        int next = 0; // tokens and sentences are both in text order: one pass, not sentences × tokens
                        for (Sentence s : p.sentences()) {
                            while (next < tokens.size() && tokens.get(next).span().start() < s.span().start()) {
                                next++;
                            }
                            int first = next;
                            while (next < tokens.size() && tokens.get(next).span().start() < s.span().end()) {
                                next++;
                            }
                            ss.add(s.withTokens(tokens.subList(first, next).stream()
                                    .filter(t -> s.span().contains(t.span())).toList()));
                        }
                        ps.add(p.withSentences(ss));
                    }
                    return d.withStructure(d.sections(), ps);
                }),
                new Simple("features", Set.of(Stage.TOKENS), Set.of(Stage.FEATURES), d -> {
                    String folded = TextFold.fold(d.text());
                    List<Paragraph> ps = new ArrayList<>();
                    for (Paragraph p : d.paragraphs()) {
                        List<Sentence> ss = new ArrayList<>();
                        Counts c = Counts.ZERO;
                        for (Sentence s : p.sentences()) {
                            Sentence a = s.withFeatures(features.annotate(d.text(), folded, s.span(), s.tokens()));
                            ss.add(a);
                            c = c.plus(Counts.of(charCount(s.span().of(d.text())), a.features()));
                        }
                        ps.add(p.withSentences(ss).withCounts(c));
                    }
                    List<Section> secs = new ArrayList<>();
                    for (Section s : d.sections()) {
                        secs.add(s.withCounts(Counts.sum(ps.stream().filter(p -> s.span().contains(p.span()))
                                .map(Paragraph::counts).toList())));
                    }
                    return d.withStructure(secs, ps);
                }));
    }

    /**
     * 字数 by the default counting rule: CJK ideographs, letters and digits; punctuation and whitespace are not
     * counted (DOMAIN.md §2 leaves the rule open; profiles may choose another).
     */
    public static int charCount(String s) {
        return CountingRule.LETTERS_DIGITS.count(s);
    }
}
