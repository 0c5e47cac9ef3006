package org.shuzhi.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.UncheckedIOException;
import java.util.List;
import org.shuzhi.app.render.SummaryRow;

/** {@code summary.csv}: UTF-8 with a BOM (so that Excel shows the Chinese), a header line, one row per file. */
final class SummaryCsv {
    private static final CsvMapper MAPPER = new CsvMapper();
    private static final CsvSchema SCHEMA = MAPPER.schemaFor(SummaryRow.class).withHeader();

    private SummaryCsv() {
    }

    static String toCsv(List<SummaryRow> rows) {
        try {
            return "\uFEFF" + MAPPER.writer(SCHEMA).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
