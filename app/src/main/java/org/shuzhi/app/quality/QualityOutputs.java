package org.shuzhi.app.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.shuzhi.pipeline.model.ReportDocument;

/**
 * The quality outputs of issue 7 (the assessment itself is the engine's {@link org.shuzhi.pipeline.run.AssessPhase}):
 * {@link #write} per assessed report (the summary row, and the .docx when the run writes Word files), {@link #keep}
 * per report whose outputs are current, {@link #finish} once (the summary and the chart library). Thread-safe.
 *
 * <p>Word files are not written by default (issue 15: Apache POI took 37 % of the publishing phase): a user gets
 * one with {@code shuzhi docx <报告编号>} or the 下载 Word 分析 link of {@code shuzhi serve} ({@link DocxFiles}), or all
 * of them with {@code analyze --docx}.
 */
public final class QualityOutputs {
    private final DocxReport docx = new DocxReport();
    private final Path out;
    private final Path docxDir;
    private final boolean wordFiles;
    private final List<QualityRow> rows = new ArrayList<>();

    /**
     * @param out        the output folder
     * @param wordFiles  whether to write {@code <out>/docx/<id>.docx} for every report ({@code analyze --docx})
     * @throws UncheckedIOException if {@code <out>/docx} cannot be created
     */
    public QualityOutputs(Path out, boolean wordFiles) {
        this.out = out;
        this.docxDir = out.resolve("docx");
        this.wordFiles = wordFiles;
        if (wordFiles) {
            try {
                Files.createDirectories(docxDir);
            } catch (IOException e) {
                throw new UncheckedIOException("无法创建 " + docxDir + "：" + e.getMessage(), e);
            }
        }
    }

    /** Keeps the summary row of an assessed report and, with Word files on, writes its {@code <out>/docx/<id>.docx}. */
    public void write(ReportDocument doc) {
        QualityRow row = QualityRow.of(doc);
        if (row == null) {
            return;
        }
        synchronized (rows) {
            rows.add(row);
        }
        if (!wordFiles) {
            return;
        }
        byte[] bytes;
        try {
            bytes = docx.render(doc);
        } catch (RuntimeException e) {
            // one report's Word file must not stop the batch; its HTML, JSON and summary row are still written
            System.err.println("警告：" + doc.source() + " 的 Word 分析文件无法生成：" + e);
            return;
        }
        org.shuzhi.pipeline.io.AtomicFiles.write(docxDir.resolve(doc.id() + ".docx"), bytes);
    }

    /** Keeps the summary row of a report whose outputs are current (not published again); null is ignored. */
    public void keep(QualityRow row) {
        if (row != null) {
            synchronized (rows) {
                rows.add(row);
            }
        }
    }

    /** Writes the batch summary and copies the chart library into {@code <out>/assets/}. */
    public void finish(String runLine) {
        Assets.copy(out);
        List<QualityRow> all;
        synchronized (rows) {
            all = List.copyOf(rows);
        }
        new QualitySummary().write(out, all, runLine, wordFiles);
    }
}
