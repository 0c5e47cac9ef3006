package org.shuzhi.pipeline.harness;

import org.shuzhi.pipeline.classify.*;
import org.shuzhi.pipeline.compare.*;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shuzhi.pipeline.Repo;
import org.shuzhi.pipeline.compare.CompareOptions;

/**
 * The corpus comparison against the planted ground truth of corpus-samples/units (relations.tsv), with the default
 * settings. The floors are what the implementation reaches (figures written to
 * {@code pipeline/target/compare-evaluation.txt}), a little below, so that a regression fails. Precision is measured
 * strictly against the planted relations: the sample reports, written by one author, share further text and repeat
 * further problems that are not planted (see the README), so strict precision is a lower bound.
 */
class SampleEvaluationTest {
    private static SampleEvaluation.Figures figures;

    @BeforeAll
    static void evaluate() throws Exception {
        SampleEvaluation.Corpus corpus = SampleEvaluation.analyse(Repo.samples(), Repo.dictionaries(), 2);
        figures = SampleEvaluation.evaluate(corpus, Repo.dictionaries(), CompareOptions.defaults().withThreads(2));
        Path out = Path.of("target/compare-evaluation.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, figures.lines(), StandardCharsets.UTF_8);
    }

    @Test
    void copiedPassagesFromColleaguesAndTemplatesAreFound() {
        PanMetrics.Result r = figures.copied();
        assertTrue(r.cases() >= 30, "cases " + r.cases());
        assertTrue(r.recall() >= 0.88, "recall " + r.recall());
        assertTrue(r.granularity() <= 1.05, "granularity " + r.granularity());
        assertTrue(r.precision() >= 0.5, "precision " + r.precision());
    }

    @Test
    void recycledTextFromOwnEarlierYearsIsFound() {
        assertTrue(figures.recycledVerbatim().recall() >= 0.95, "recall " + figures.recycledVerbatim().recall());
        assertTrue(figures.recycled().granularity() <= 1.05, "granularity " + figures.recycled().granularity());
        assertTrue(figures.recycled().precision() >= 0.3, "precision " + figures.recycled().precision());
    }

    @Test
    void repeatedProblemsAndPlansAreFound() {
        assertTrue(figures.repeatedProblems().recall() >= 0.85, figures.repeatedProblems().toString());
        assertTrue(figures.repeatedProblems().precision() >= 0.6, figures.repeatedProblems().toString());
        assertTrue(figures.repeatedPlans().recall() >= 0.95, figures.repeatedPlans().toString());
        assertTrue(figures.repeatedPlans().precision() >= 0.5, figures.repeatedPlans().toString());
        assertTrue(figures.plansKept().recall() >= 0.8, figures.plansKept().toString());
    }

    @Test
    void anachronismsAreFoundWithoutFalseAlarms() {
        assertTrue(figures.anachronisms().recall() >= 0.9, figures.anachronisms().toString());
        assertTrue(figures.anachronisms().precision() >= 0.9, figures.anachronisms().toString());
    }

    @Test
    void everyReportIsLinkedToItsUnitsOtherYearsAcrossTheSecretaryChange() {
        assertEquals(1.0, figures.links().recall());
        assertEquals(1.0, figures.links().precision());
        assertTrue(figures.notes().stream().anyMatch(n -> n.contains("jc-univ-foreign/2025 (刘志远) linked to "
                + "jc-univ-foreign/2024 (陈静), same unit true, same secretary false")), figures.notes().toString());
    }

    @Test
    void reportsWithoutARectificationStatementAddressNothing() {
        assertTrue(figures.coverageChecked() >= 10);
        assertEquals(0, figures.coverageWrong());
    }
}
