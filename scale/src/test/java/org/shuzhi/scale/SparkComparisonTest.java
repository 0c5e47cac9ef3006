package org.shuzhi.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.shuzhi.app.render.JsonOutput;
import org.shuzhi.pipeline.compare.CompareOptions;
import org.shuzhi.pipeline.compare.CorpusComparison;
import org.shuzhi.pipeline.compare.InMemoryTextStore;
import org.shuzhi.pipeline.compare.TemplateLibrary;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.extract.ExtractionLimits;
import org.shuzhi.pipeline.meta.Manifest;
import org.shuzhi.pipeline.model.Comparison;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.run.Batch;
import org.shuzhi.pipeline.run.InputFiles;
import org.shuzhi.pipeline.run.Pipeline;

/**
 * The Spark job on corpus-samples (local[2]) against the single-machine run as {@code analyze} does it (the template
 * library, the batch, then {@link CorpusComparison} with {@code --min-match 13}): the same analysed documents and the same comparison, item for item (compared as the
 * JSON {@code analyze} writes), and the join's candidate pairs are the pairs the comparison aligned.
 */
class SparkComparisonTest {
    static Path root() {
        String p = System.getProperty("shuzhi.root");
        Path r = p == null ? Path.of("..").toAbsolutePath().normalize() : Path.of(p);
        return Files.isDirectory(r.resolve("dictionaries")) ? r : Path.of("").toAbsolutePath().getParent();
    }

    @Test
    void sameComparisonAsTheSingleMachineRun() throws Exception {
        Path samples = root().resolve("corpus-samples");
        Path dictDir = root().resolve("dictionaries");
        Dictionaries dict = Dictionaries.load(dictDir);
        CompareOptions options = CompareOptions.withMinMatch(13); // as analyze
        Map<String, ReportDocument> single = new TreeMap<>();
        CorpusComparison cc = new CorpusComparison(options, dict, new InMemoryTextStore());
        int templates = 0;
        try (Pipeline p = Pipeline.standard(dict, Manifest.load(samples), ExtractionLimits.DEFAULT)) {
            for (TemplateLibrary.TemplateFile f : TemplateLibrary.find(samples, null)) {
                ReportDocument t = p.analyze(f.root(), f.file());
                if (t.ok()) {
                    cc.addTemplate(t);
                    templates++;
                }
            }
            new Batch(p, 2).run(samples, InputFiles.list(samples), d -> {
                synchronized (single) {
                    single.put(d.id(), d);
                }
                cc.add(d);
            });
        }
        Map<String, Comparison> want = cc.compare();

        SparkComparison.Result got;
        try (SparkSession spark = SparkJob.session("local[2]")) {
            got = SparkComparison.run(spark, samples, dictDir, options, null, 4);
        }
        ObjectMapper json = JsonOutput.mapper();
        assertEquals(want.keySet(), got.comparisons().keySet());
        assertTrue(want.values().stream().anyMatch(c -> !c.passages().isEmpty()), "the samples have copied passages");
        for (String id : want.keySet()) {
            assertEquals(json.writeValueAsString(want.get(id)), json.writeValueAsString(got.comparisons().get(id)),
                    "comparison of " + id);
        }
        assertEquals(single.keySet(), got.documents().keySet());
        for (String id : single.keySet()) {
            ReportDocument s = single.get(id);
            ReportDocument w = want.containsKey(id) ? s.withComparison(want.get(id)) : s;
            assertEquals(JsonOutput.toJson(w), JsonOutput.toJson(got.documents().get(id)), "document " + id);
        }
        assertTrue(templates > 0, "the samples have a template library");
        assertEquals(templates, got.summary().templates());
        assertTrue(want.values().stream().anyMatch(c -> c.passages().stream().anyMatch(x ->
                x.sourceKind() == org.shuzhi.pipeline.model.SourceKind.TEMPLATE)), "template passages found");
        assertEquals(cc.summary().candidatePairs(), got.candidatePairs(), "the join's candidate pairs");
        assertEquals(cc.summary().candidatePairs(), got.summary().candidatePairs());
        assertEquals(cc.summary().postings(), got.fingerprints(), "fingerprint rows of the join");
    }
}
