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
 * library ({@code --templates}) is not read here. Input and dictionary folders must be readable at the same path
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
    record Analysed(String id, boolean ok, String document, String input, int[] fingerprints)
            implements Serializable {
    }

    private SparkComparison() {
    }

    /**
     * @param spark        the session ({@code local[*]} or a cluster)
     * @param input        the folder of report files
     * @param dictionaries the dictionaries folder
     * @param options      the comparison's settings (the same as the single-machine run's)
     * @param partitions   partitions of the file list (≥ 1; a few per executor core)
     * @throws IOException if the input folder cannot be listed
     */
    public static Result run(SparkSession spark, Path input, Path dictionaries, CompareOptions options, int partitions)
            throws IOException {
        ObjectMapper json = JsonOutput.mapper();
        List<String> files = InputFiles.list(input).files();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        long t0 = System.nanoTime();
        JavaRDD<Analysed> analysed = jsc.parallelize(files, Math.max(1, partitions))
                .mapPartitions(new Analyse(input.toAbsolutePath().toString(),
                        dictionaries.toAbsolutePath().toString(), options.fingerprintChars(), options.seedChars()))
                .persist(StorageLevel.MEMORY_AND_DISK());
        List<Analysed> all = analysed.collect();
        long t1 = System.nanoTime();

        StructType schema = new StructType().add("report", DataTypes.StringType).add("fp", DataTypes.IntegerType);
        JavaRDD<Row> rows = analysed.filter(Analysed::ok).flatMap(a -> {
            List<Row> out = new ArrayList<>(a.fingerprints().length);
            for (int fp : a.fingerprints()) {
                out.add(RowFactory.create(a.id(), fp));
            }
            return out.iterator();
        });
        Dataset<Row> postings = spark.createDataFrame(rows, schema);
        long fingerprints = postings.count();
        int maxDocFreq = options.maxDocFreq();
        Dataset<Row> groups = postings.groupBy("fp").agg(functions.collect_set("report").as("reports"))
                .filter(functions.size(functions.col("reports")).geq(2)
                        .and(functions.size(functions.col("reports")).leq(maxDocFreq)));
        long candidatePairs = groups.flatMap((FlatMapFunction<Row, String>) r -> {
            List<String> ids = new ArrayList<>(r.getList(1));
            ids.sort(null);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                for (int j = i + 1; j < ids.size(); j++) {
                    out.add(ids.get(i) + '\t' + ids.get(j));
                }
            }
            return out.iterator();
        }, Encoders.STRING()).distinct().count();
        long t2 = System.nanoTime();

        CorpusComparison cc = new CorpusComparison(options, Dictionaries.load(dictionaries), new InMemoryTextStore());
        Map<String, ReportDocument> docs = new TreeMap<>();
        int failed = 0;
        for (Analysed a : all) {
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
    static final class Analyse implements FlatMapFunction<Iterator<String>, Analysed> {
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
        public Iterator<Analysed> call(Iterator<String> files) throws IOException {
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
                    ReportDocument d = p.analyze(root, root.resolve(files.next()));
                    if (!d.ok()) {
                        out.add(new Analysed(d.id(), false, json.writeValueAsString(d), null, new int[0]));
                        continue;
                    }
                    CompareInput in = prep.prepare(d, false);
                    int[] fps = fingerprints.of(in);
                    out.add(new Analysed(d.id(), true, json.writeValueAsString(d), json.writeValueAsString(in), fps));
                }
            }
            return out.iterator();
        }
    }
}
