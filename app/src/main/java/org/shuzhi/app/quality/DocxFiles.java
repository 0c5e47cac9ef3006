package org.shuzhi.app.quality;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.shuzhi.app.render.JsonOutput;
import org.shuzhi.pipeline.model.ReportDocument;

/**
 * The Word analysis of one report made on demand, from the report's published {@code json/<id>.json} (which holds
 * the comparison and the assessment): what {@code shuzhi docx <报告编号>} writes and what the web UI serves at
 * {@code /docx/<id>.docx}. About 40 ms a report with Apache POI, so the run no longer writes one per report.
 */
public final class DocxFiles {
    /** A report id as {@code analyze} makes them (no path separators, no leading dot). */
    private static final Pattern ID = Pattern.compile("[^/\\\\\\x00]+");

    private DocxFiles() {
    }

    /**
     * @param reports the output folder of {@code analyze}
     * @param id      a report id
     * @return whether {@code id} names a published report of {@code reports}
     */
    public static boolean exists(Path reports, String id) {
        return valid(id) && Files.isRegularFile(json(reports, id));
    }

    /**
     * @param reports the output folder of {@code analyze}
     * @param id      a report id
     * @return the .docx bytes of the report's analysis
     * @throws IOException              if its JSON cannot be read
     * @throws IllegalArgumentException if {@code id} is not a report id
     */
    public static byte[] render(Path reports, String id) throws IOException {
        if (!valid(id)) {
            throw new IllegalArgumentException("报告编号不正确：" + id);
        }
        ReportDocument d = JsonOutput.read(json(reports, id));
        return new DocxReport().render(d);
    }

    private static boolean valid(String id) {
        return id != null && ID.matcher(id).matches() && !id.startsWith(".");
    }

    private static Path json(Path reports, String id) {
        return reports.resolve("json").resolve(id + ".json");
    }
}
