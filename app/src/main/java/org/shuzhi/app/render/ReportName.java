package org.shuzhi.app.render;

import org.shuzhi.pipeline.model.ReportDocument;

/**
 * The name a person reads for a report in links, titles and tables: its unit and year (白沙镇党委 2023 年), the file
 * name when either is unknown; never the report id (an escaped path such as {@code units__rendered__…}).
 */
public final class ReportName {
    private ReportName() {
    }

    /** @return unit and year, or the unit, or the file name of {@code source} (path relative to the input) */
    public static String of(String unit, Integer year, String source) {
        boolean hasUnit = unit != null && !unit.isBlank();
        if (hasUnit && year != null) {
            return unit + " " + year + " 年";
        }
        String file = source == null ? "" : source.substring(source.lastIndexOf('/') + 1);
        if (hasUnit) {
            return unit + (file.isEmpty() ? "" : "（" + file + "）");
        }
        return year == null || file.isEmpty() ? file : file + "（" + year + " 年）";
    }

    /** @return the name of {@code d} */
    public static String of(ReportDocument d) {
        return of(d.unit(), d.year(), d.source());
    }
}
