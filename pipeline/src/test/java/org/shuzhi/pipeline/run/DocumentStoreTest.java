package org.shuzhi.pipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shuzhi.pipeline.Repo;
import org.shuzhi.pipeline.model.ReportDocument;

/** The work store gives back the analysed document as it was stored, tokens included. */
class DocumentStoreTest {
    private static Pipeline pipeline;

    @BeforeAll
    static void open() throws Exception {
        pipeline = Repo.pipeline();
    }

    @AfterAll
    static void close() {
        pipeline.close();
    }

    @Test
    void aStoredDocumentComesBackEqualWithItsTokens(@TempDir Path dir) throws Exception {
        String source = InputFiles.list(Repo.samples()).files().stream().filter(f -> f.startsWith("units/"))
                .findFirst().orElseThrow();
        ReportDocument d = pipeline.analyze(Repo.samples(), Repo.samples().resolve(source));
        assertTrue(d.ok());
        DocumentStore store = new DocumentStore(dir);
        assertFalse(store.contains(d.id()));
        store.save(d);
        assertTrue(store.contains(d.id()));
        ReportDocument back = store.load(d.id());
        assertEquals(d.paragraphs().get(3).sentences().get(0).tokens(),
                back.paragraphs().get(3).sentences().get(0).tokens());
        assertFalse(back.paragraphs().get(3).sentences().get(0).tokens().isEmpty());
        assertEquals(d.text(), back.text());
        assertEquals(d.paragraphs(), back.paragraphs());
        assertEquals(d.sections(), back.sections());
        ReportDocument light = store.loadWithoutTokens(d.id());
        assertEquals(d.text(), light.text());
        assertTrue(light.paragraphs().get(3).sentences().get(0).tokens() == null
                || light.paragraphs().get(3).sentences().get(0).tokens().isEmpty());
    }

    @Test
    void anUnreadableFileReadsAsAbsent(@TempDir Path dir) throws Exception {
        DocumentStore store = new DocumentStore(dir);
        Files.writeString(dir.resolve("x" + DocumentStore.EXTENSION), "not smile");
        assertNull(store.find("x"));
        assertNull(store.find("y"));
    }
}
