package org.shuzhi.pipeline.harness;

import org.shuzhi.pipeline.classify.*;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.shuzhi.pipeline.Repo;

/**
 * The shipped model matches the labelled data, and the evaluation runs. The evaluation's figures are a measurement
 * (written to pipeline/target/category-evaluation.txt and quoted in the README), not thresholds tuned to the samples.
 */
class CategoryModelTest {
    private static final Path MODEL = Repo.root().resolve("dictionaries").resolve(CategoryModel.FILE);

    @Test
    void shippedModelWasTrainedOnTheCurrentLabelledData() throws Exception {
        String recorded = new ObjectMapper().readTree(CategoryTraining.metadataFile(MODEL).toFile())
                .get("trainingDataSha256").asText();
        assertEquals(LabelledCorpus.load(Repo.samples(), Repo.dictionaries().root()).sha256(), recorded,
                "labels, sources or term lists changed since the model was trained: run ./shuzhi model train");
        var real = org.shuzhi.pipeline.harness.RealCorpus.locate(Repo.root());
        if (real.isPresent()) { // absent: only the samples' part can be checked
            String realRecorded = new ObjectMapper().readTree(CategoryTraining.metadataFile(MODEL).toFile())
                    .path("realCorpusSha256").asText();
            assertEquals(org.shuzhi.pipeline.harness.RealCorpus.load(real.get()).sha256(), realRecorded,
                    "the real corpus changed since the model was trained: run ./shuzhi model train");
        }
    }

    @Test
    void labelledCorpusLinesUpWithItsSources() throws Exception {
        LabelledCorpus.Corpus c = LabelledCorpus.load(Repo.samples());
        assertTrue(c.reports().size() >= 41, "reports: " + c.reports().size());
        assertTrue(c.reports().stream().anyMatch(r -> r.id().startsWith("seeds/")));
        try (CategoryTraining t = new CategoryTraining(Repo.dictionaries())) {
            assertEquals(c.reports().size(), t.prepare(c, false).size());
            assertEquals(c.reports().size(), t.prepare(c, true).size());
        }
    }

    @Test
    void evaluationReportsEveryModeWithAndWithoutHeadings() throws Exception {
        String report;
        try (CategoryTraining t = new CategoryTraining(Repo.dictionaries())) {
            report = t.evaluate(Repo.samples(), null, 5);
        }
        Path out = Repo.root().resolve("pipeline/target/category-evaluation.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        for (String s : new String[] {"Samples, held-out split", "5-fold cross-validation by unit", "rules", "model",
                "combined, no sequence", "headings stripped", "confusion"}) {
            assertTrue(report.contains(s), s);
        }
    }
}
