package org.shuzhi.pipeline.assess;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shuzhi.pipeline.Repo;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.profile.Profiles;
import org.shuzhi.pipeline.run.Pipeline;

/**
 * The 36 reports of corpus-samples/units, analysed once per test JVM from their rendered files (so the manifest's
 * {@code profile} column is in {@code metadata().extra()}), keyed by report id ({@code jc-univ-mech/2023}).
 */
final class UnitCorpus {
    private static Map<String, ReportDocument> docs;
    private static Assessor assessor;

    private UnitCorpus() {
    }

    static synchronized Map<String, ReportDocument> analysed() throws Exception {
        if (docs == null) {
            Path samples = Repo.samples();
            List<String> rows = Files.readAllLines(samples.resolve("units/manifest.csv"), StandardCharsets.UTF_8);
            Map<String, ReportDocument> out = new LinkedHashMap<>();
            try (Pipeline p = Repo.pipeline()) {
                for (String row : rows.subList(1, rows.size())) {
                    String[] c = row.split(",", 3);
                    out.put(c[1], p.analyze(samples, samples.resolve("units").resolve(c[0])));
                }
            }
            docs = out;
        }
        return docs;
    }

    static synchronized Assessor assessor() {
        if (assessor == null) {
            assessor = new Assessor(Repo.dictionaries(), Profiles.load(Repo.root().resolve("dictionaries")));
        }
        return assessor;
    }

    /** @return the report assessed against {@code profile} (null: the manifest's profile) */
    static ReportDocument assessed(String report, String profile) throws Exception {
        ReportDocument d = analysed().get(report);
        if (d == null) {
            throw new IllegalArgumentException("no report " + report);
        }
        return assessor().assess(d, profile, null);
    }
}
