package org.shuzhi.pipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shuzhi.pipeline.Repo;
import org.shuzhi.pipeline.compare.CompareOptions;
import org.shuzhi.pipeline.compare.ComparisonStore;
import org.shuzhi.pipeline.compare.CorpusComparison;
import org.shuzhi.pipeline.compare.InMemoryTextStore;
import org.shuzhi.pipeline.model.Comparison;
import org.shuzhi.pipeline.model.MetaValue;
import org.shuzhi.pipeline.model.Metadata;
import org.shuzhi.pipeline.model.ReportDocument;

/** The comparison results spilled to the work store come back equal to the ones computed, and a new run clears them. */
class ComparisonFilesTest {

    private static ReportDocument report(Pipeline p, int year) throws Exception {
        String text = Files.readString(Repo.samples().resolve("units/src/city-audit/" + year + ".txt"),
                StandardCharsets.UTF_8);
        return p.analyzeText("city-audit-" + year, text).withMetadata(new Metadata(
                new MetaValue("市审计局机关党支部", "manifest"), new MetaValue("吴振华", "manifest"),
                new MetaValue(String.valueOf(year), "manifest"), Map.of()));
    }

    @Test
    void spilledComparisonsComeBackEqualAndAreClearedForTheNextRun(@TempDir Path dir) throws Exception {
        CorpusComparison cc = new CorpusComparison(CompareOptions.defaults().withThreads(1), Repo.dictionaries(),
                new InMemoryTextStore());
        try (Pipeline p = Repo.pipeline()) {
            cc.add(report(p, 2023));
            cc.add(report(p, 2024));
        }
        Map<String, Comparison> computed = new TreeMap<>();
        ComparisonFiles files = new ComparisonFiles(dir);
        cc.compare(new ComparisonStore() {
            @Override
            public void put(String reportId, Comparison comparison) {
                computed.put(reportId, comparison);
                files.put(reportId, comparison);
            }

            @Override
            public Comparison get(String reportId) {
                return files.get(reportId);
            }
        });
        assertEquals(java.util.Set.of("city-audit-2023", "city-audit-2024"), computed.keySet());
        Comparison later = computed.get("city-audit-2024");
        // a real result: the 2024 report recycles its 2023 text and repeats its problems
        assertFalse(later.passages().isEmpty());
        assertFalse(later.yearOverYear().isEmpty());
        assertFalse(later.anachronisms().isEmpty());
        computed.forEach((id, c) -> assertEquals(c, files.get(id), id));
        assertNull(files.get("unknown"));
        files.clear();
        assertNull(files.get("city-audit-2024"));
    }
}
