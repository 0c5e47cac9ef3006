package org.shuzhi.scale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.shuzhi.app.render.JsonOutput;
import org.shuzhi.pipeline.compare.CompareInput;
import org.shuzhi.pipeline.compare.CompareOptions;
import org.shuzhi.pipeline.compare.CorpusComparison;
import org.shuzhi.pipeline.compare.CompareFingerprints;
import org.shuzhi.pipeline.compare.InMemoryTextStore;
import org.shuzhi.pipeline.compare.TemplateLibrary;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.extract.ExtractionLimits;
import org.shuzhi.pipeline.meta.Manifest;
import org.shuzhi.pipeline.model.Comparison;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.run.InputFiles;
import org.shuzhi.pipeline.run.Pipeline;

/**
 * The analysis and corpus comparison of a folder of reports on Spark.
 *
 * <ol>
 *   <li><b>map</b>: the files are spread over the executors; each partition opens one standard {@link Pipeline} and
 *       analyses its files (extraction, cleaning, structure, segmentation, categories, scores), then prepares what the
 *       comparison keeps of each report ({@link CorpusComparison#prepare}) and its winnowed fingerprints
 *       ({@link CompareFingerprints}: the same k-gram length and window as the single-machine run);</li>
 *   <li><b>join</b>: (fingerprint, report) rows grouped by fingerprint; a fingerprint of two or more and at most
 *       {@link CompareOptions#maxDocFreq()} reports pairs them (the single-machine cut-off): the distinct pairs are
 *       the candidate pairs, the only pairs the comparison aligns;</li>
 *   <li><b>compare</b>: on the driver, {@link CorpusComparison} aligns the candidate pairs (in parallel, on
 *       {@link CompareOptions#threads()} threads) and matches year-over-year items, as {@code analyze} does; the
 *       candidate pairs it finds are checked against the join's.</li>
 * </ol>
 *
 * <p>What is distributed: the per-report pipeline (the bulk of the time) and the fingerprint join. What is not: the
 * alignment of the candidate pairs and the assembly of the results, which {@link CorpusComparison} does in one process
 * (it does not take candidate pairs or alignments from outside); see the README's "Running at scale". The template
 * library is read as {@code analyze} reads it (folders marked {@value TemplateLibrary#MARKER} and {@code --templates}); its texts are analysed in the map step and pair with every report that shares a
 * fingerprint with them, whatever the fingerprint's frequency (the single-machine rule). Input and dictionary folders must be readable at the same path
 * from every executor (a shared file system).
 */
public final class SparkComparison {
    /**
     * What a run gave.
     *
     * @param documents      analysed documents by id, each with its comparison (failed files included, without)
     * @param comparisons    per report id, its comparison
     * @param failed         files that could not be analysed
     * @param fingerprints   fingerprint rows of the join (sum over reports of distinct fingerprints)
     * @param candidatePairs distinct candidate pairs from the join
     * @param summary        the comparison's own summary (its {@code candidatePairs} equals the join's)
     * @param analyseMillis  map step, ms
     * @param joinMillis     fingerprint join, ms
     * @param compareMillis  alignment and year-over-year matching on the driver, ms
     */
    public record Result(Map<String, ReportDocument> documents, Map<String, Comparison> comparisons, int failed,
                         long fingerprints, long candidatePairs, CorpusComparison.Summary summary,
                         long analyseMillis, long joinMillis, long compareMillis) {
    }

    /** One analysed file, as it travels between the stages (JSON in the contract of {@code analyze}). */
    record Analysed(String id, boolean template, boolean ok, String document, String input, int[] fingerprints)
            implements Serializable {
    }

    /** A file to analyse: a report of the input folder, or a text of the template library. */
    record Task(String root, String file, boolean template) implements Serializable {
    }

    private SparkComparison() {
    }

    /**
     * @param spark        the session ({@code local[*]} or a cluster)
     * @param input        the folder of report files
     * @param dictionaries the dictionaries folder
     * @param options      the comparison's settings (the same as the single-machine run's)
     * @param templates    the template library given with {@code --templates}, or null (folders of the input marked
     *                     {@value TemplateLibrary#MARKER} are read in any case, as {@code analyze} does)
     * @param partitions   partitions of the file list (≥ 1; a few per executor core)
     * @throws IOException if the input folder cannot be listed
     */
    public static Result run(SparkSession spark, Path input, Path dictionaries, CompareOptions options, Path templates,
                             int partitions) throws IOException {
        ObjectMapper json = JsonOutput.mapper();
        Path in = input.toAbsolutePath().normalize();
        Path library = templates == null ? null : templates.toAbsolutePath().normalize();
        List<Task> files = new ArrayList<>();
        for (TemplateLibrary.TemplateFile t : TemplateLibrary.find(in, library)) {
            files.add(new Task(t.root().toString(), t.file().toString(), true));
        }
        for (String f : InputFiles.list(in).files()) {
            if (library == null || !in.resolve(f).normalize().startsWith(library)) {
                files.add(new Task(in.toString(), in.resolve(f).toString(), false));
            }
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        long t0 = System.nanoTime();
        JavaRDD<Analysed> analysed = jsc.parallelize(files, Math.max(1, partitions))
                .mapPartitions(new Analyse(in.toString(), dictionaries.toAbsolutePath().toString(),
                        options.fingerprintChars(), options.seedChars()))
                .persist(StorageLevel.MEMORY_AND_DISK());
        List<Analysed> all = analysed.collect();
        long t1 = System.nanoTime();

        java.util.Set<String> reportIds = new java.util.HashSet<>();
        all.stream().filter(a -> !a.template()).forEach(a -> reportIds.add(a.id()));
        java.util.Set<String> usable = new java.util.HashSet<>();
        all.stream().filter(a -> a.ok() && (!a.template() || !reportIds.contains(a.id()))).forEach(a ->
                usable.add((a.template() ? "T" : "R") + a.id()));
        StructType schema = new StructType().add("doc", DataTypes.StringType).add("fp", DataTypes.IntegerType);
        JavaRDD<Row> rows = analysed.filter(a -> a.ok() && usable.contains((a.template() ? "T" : "R") + a.id()))
                .flatMap(a -> {
                    List<Row> out = new ArrayList<>(a.fingerprints().length);
                    String doc = (a.template() ? "T" : "R") + a.id();
                    for (int fp : a.fingerprints()) {
                        out.add(RowFactory.create(doc, fp));
                    }
                    return out.iterator();
                });
        Dataset<Row> postings = spark.createDataFrame(rows, schema);
        long fingerprints = postings.count();
        int maxDocFreq = options.maxDocFreq();
        Dataset<Row> groups = postings.groupBy("fp").agg(functions.collect_set("doc").as("docs"))
                .filter(functions.size(functions.col("docs")).geq(2));
        long candidatePairs = groups.flatMap((FlatMapFunction<Row, String>) r -> {
            List<String> reports = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (Object d : r.getList(1)) {
                String id = (String) d;
                (id.charAt(0) == 'T' ? texts : reports).add(id.substring(1));
            }
            reports.sort(null);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < reports.size(); i++) {
                for (String t : texts) {
                    out.add(reports.get(i) + "\tT" + t); // a template pairs with every report that shares a fingerprint
                }
                if (reports.size() <= maxDocFreq) { // a fingerprint of too many reports pairs none of them
                    for (int j = i + 1; j < reports.size(); j++) {
                        out.add(reports.get(i) + '\t' + reports.get(j));
                    }
                }
            }
            return out.iterator();
        }, Encoders.STRING()).distinct().count();
        long t2 = System.nanoTime();

        CorpusComparison cc = new CorpusComparison(options, Dictionaries.load(dictionaries), new InMemoryTextStore());
        Map<String, ReportDocument> docs = new TreeMap<>();
        int failed = 0;
        for (Analysed a : all) {
            if (a.template()) {
                if (usable.contains("T" + a.id())) {
                    cc.addTemplate(read(json, a.input(), CompareInput.class));
                }
                continue;
            }
            docs.put(a.id(), read(json, a.document(), ReportDocument.class));
            if (a.ok()) {
                cc.add(read(json, a.input(), CompareInput.class));
            } else {
                failed++;
            }
        }
        Map<String, Comparison> comparisons = cc.compare();
        docs.replaceAll((id, d) -> comparisons.containsKey(id) ? d.withComparison(comparisons.get(id)) : d);
        long t3 = System.nanoTime();
        analysed.unpersist();
        return new Result(docs, comparisons, failed, fingerprints, candidatePairs, cc.summary(),
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
    }

    private static <T> T read(ObjectMapper json, String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The map step: one pipeline per partition. */
    static final class Analyse implements FlatMapFunction<Iterator<Task>, Analysed> {
        private final String input;
        private final String dictionaries;
        private final int fingerprintChars;
        private final int seedChars;

        Analyse(String input, String dictionaries, int fingerprintChars, int seedChars) {
            this.input = input;
            this.dictionaries = dictionaries;
            this.fingerprintChars = fingerprintChars;
            this.seedChars = seedChars;
        }

        @Override
        public Iterator<Analysed> call(Iterator<Task> files) throws IOException {
            Path root = Path.of(input);
            Dictionaries dict = Dictionaries.load(Path.of(dictionaries));
            ObjectMapper json = JsonOutput.mapper();
            CompareOptions o = CompareOptions.defaults();
            CompareOptions options = new CompareOptions(o.minMatchChars(), seedChars, fingerprintChars, o.kgram(),
                    o.maxGap(), o.maxDocFreq(), o.repeatSimilarity(), o.keptSimilarity(), o.coverageSimilarity(), 1);
            CorpusComparison prep = new CorpusComparison(options, dict, new InMemoryTextStore());
            CompareFingerprints fingerprints = new CompareFingerprints(options, dict);
            List<Analysed> out = new ArrayList<>();
            try (Pipeline p = Pipeline.standard(dict, Manifest.load(root), ExtractionLimits.DEFAULT)) {
                while (files.hasNext()) {
                    Task t = files.next();
                    ReportDocument d = p.analyze(Path.of(t.root()), Path.of(t.file()));
                    if (!d.ok()) {
                        out.add(new Analysed(d.id(), t.template(), false, json.writeValueAsString(d), null,
                                new int[0]));
                        continue;
                    }
                    CompareInput in = prep.prepare(d, t.template());
                    int[] fps = fingerprints.of(in);
                    out.add(new Analysed(d.id(), t.template(), true, t.template() ? null : json.writeValueAsString(d),
                            json.writeValueAsString(in), fps));
                }
            }
            return out.iterator();
        }
    }
}
