package org.shuzhi.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shuzhi.app.render.JsonOutput;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.extract.ExtractionLimits;
import org.shuzhi.pipeline.meta.Manifest;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.run.Pipeline;

/** The JSON contract reads back into the same document, so later steps can work from the files. */
class JsonOutputTest {
    @Test
    void aDocumentSurvivesTheRoundTrip(@TempDir Path tmp) throws Exception {
        Path root = Path.of(System.getProperty("shuzhi.root", ".."));
        try (Pipeline p = Pipeline.standard(Dictionaries.load(root.resolve("dictionaries")), Manifest.load(
                root.resolve("corpus-samples")), ExtractionLimits.DEFAULT)) {
            Path samples = root.resolve("corpus-samples");
            for (String f : new String[] {"seeds/s3-2-town-report.docx", "units/rendered/city-audit-2025.txt",
                    "broken/encrypted.pdf"}) {
                ReportDocument d = p.analyze(samples, samples.resolve(f));
                Path json = tmp.resolve("d.json");
                Files.writeString(json, JsonOutput.toJson(d), StandardCharsets.UTF_8);
                ReportDocument back = JsonOutput.read(json);
                String a = JsonOutput.toJson(d);
                String b = JsonOutput.toJson(back);
                int at = 0;
                while (at < Math.min(a.length(), b.length()) && a.charAt(at) == b.charAt(at)) {
                    at++;
                }
                int from = Math.max(0, at - 80);
                assertEquals(a.length(), at, f + " differs at " + at + ": " + a.substring(from, Math.min(a.length(),
                        at + 80)) + " // " + b.substring(from, Math.min(b.length(), at + 80)));
                assertEquals(d.paragraphs().size(), back.paragraphs().size(), f);
                assertEquals(d.text(), back.text(), f);
            }
        }
    }
}
