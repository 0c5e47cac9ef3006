package org.shuzhi.pipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shuzhi.pipeline.Repo;
import org.shuzhi.pipeline.model.DocType;
import org.shuzhi.pipeline.model.ReportDocument;

/**
 * Issue 12: a two-line plain text saying it is not a Word document, named .docx, was analysed as a report with two
 * achievements. It is read (it is text), typed as other text, and has no report categories to speak of.
 */
class NotAReportTest {
    @TempDir
    Path dir;

    @Test
    void aTextNamedDocxThatSaysItIsNoWordFileIsOtherText() throws Exception {
        Path f = dir.resolve("2025年述职报告.docx");
        Files.writeString(f, "此文件不是 Word 文档。\n原文件已损坏，请联系管理员重新上传。\n", StandardCharsets.UTF_8);
        try (Pipeline p = Repo.pipeline()) {
            ReportDocument d = p.analyze(dir, f);
            assertTrue(d.ok(), () -> String.valueOf(d.failure()));
            assertEquals(DocType.OTHER, d.docType(), () -> d.docTypeDecision().evidence().toString());
            assertEquals("doctype.empty", d.docTypeDecision().evidence().get(0).rule());
        }
    }
}
