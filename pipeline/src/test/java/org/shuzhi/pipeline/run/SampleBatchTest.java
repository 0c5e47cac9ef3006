package org.shuzhi.pipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shuzhi.pipeline.DocumentInvariants;
import org.shuzhi.pipeline.Repo;
import org.shuzhi.pipeline.meta.Manifest;
import org.shuzhi.pipeline.model.FailureKind;
import org.shuzhi.pipeline.model.Paragraph;
import org.shuzhi.pipeline.model.ReportDocument;

/** The whole of corpus-samples/ through the standard pipeline, checked against its manifest. */
class SampleBatchTest {
    private static final Map<String, ReportDocument> DOCS = new TreeMap<>();
    private static RunSummary summary;
    private static Manifest manifest;

    @BeforeAll
    static void run() throws Exception {
        Path root = Repo.samples();
        manifest = Manifest.load(root);
        try (Pipeline p = Repo.pipeline()) {
            summary = new Batch(p, 2).run(root, InputFiles.list(root), d -> DOCS.put(d.source(), d));
        }
    }

    @AfterAll
    static void clear() {
        DOCS.clear();
    }

    @Test
    void everyManifestRowIsAnalysedWithItsExpectedOutcome() {
        int checked = 0;
        for (ReportDocument d : DOCS.values()) {
            Map<String, String> row = manifest.row(d.source());
            if (row.isEmpty()) {
                continue;
            }
            checked++;
            String expected = row.getOrDefault("expected", "ok");
            if (expected.equals("ok")) {
                assertTrue(d.ok(), () -> d.source() + " failed: " + d.failure());
                assertEquals(row.get("docType"), d.docType().id(), d.source());
                assertFalse(d.paragraphs().isEmpty(), d.source());
            } else {
                assertFalse(d.ok(), d.source());
                assertEquals(FailureKind.fromId(expected), d.failure().kind(), d.source()); // the manifest may say EMPTY
                assertFalse(d.failure().message().isBlank());
                assertFalse(d.failure().hint().isBlank());
            }
        }
        assertTrue(checked >= 18, "manifest rows checked: " + checked);
        assertEquals(DOCS.size(), summary.files());
        assertEquals(summary.files() - summary.failures().size(), summary.ok());
        assertTrue(summary.failures().size() >= 6);
    }

    @Test
    void sourcesFolderWithIgnoreMarkerIsNotAnalysed() {
        assertTrue(DOCS.keySet().stream().noneMatch(s -> s.startsWith("sources/")));
        assertTrue(summary.skipped() > 0);
    }

    @Test
    void everySpanIsInBoundsAndNested() {
        for (ReportDocument d : DOCS.values()) {
            DocumentInvariants.check(d);
            for (Paragraph p : d.paragraphs()) {
                assertTrue(p.confidence() > 0 && p.confidence() <= 1, d.source() + " #" + p.index());
                assertFalse(p.evidence().isEmpty());
            }
        }
    }

    @Test
    void pdfAndDocxOfTheSameReportAgreeOnCategories() {
        List<String> docx = categories(DOCS.get("seeds/s3-2-town-report.docx"));
        List<String> pdf = categories(DOCS.get("seeds/s3-2-town-report.pdf"));
        // the docx carries its running header as a first line; the rest lines up paragraph by paragraph
        List<String> tail = docx.subList(docx.size() - pdf.size(), docx.size());
        for (int i = 0; i < pdf.size(); i++) {
            assertEquals(tail.get(i), pdf.get(i), "paragraph " + i);
        }
    }

    private static List<String> categories(ReportDocument d) {
        return d.paragraphs().stream().map(p -> p.category().id() + " " + p.text()).toList();
    }

    @Test
    void gbkTextAndDocGiveTheSameText() {
        ReportDocument txt = DOCS.get("seeds/s3-3-landbureau-report.txt");
        ReportDocument doc = DOCS.get("seeds/s3-3-landbureau-report.doc");
        assertTrue(txt.extraction().encoding().startsWith("GB"), txt.extraction().encoding());
        assertTrue(doc.text().endsWith(txt.text().substring(txt.text().length() - 200)));
    }
}
