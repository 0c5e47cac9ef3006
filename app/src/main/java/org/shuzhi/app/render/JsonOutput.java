package org.shuzhi.app.render;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.shuzhi.pipeline.model.ReportDocument;

/**
 * The JSON form of a {@link ReportDocument}: the integration contract documented in the README (pretty-printed
 * UTF-8, record components in declaration order, map keys sorted), and its reading back. Derived properties written
 * for readers (unit, secretary, year) are ignored when reading.
 */
public final class JsonOutput {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final ObjectWriter WRITER = MAPPER.writerWithDefaultPrettyPrinter();
    private static final ObjectReader READER = MAPPER.readerFor(ReportDocument.class);

    private JsonOutput() {
    }

    /** @return the mapper every JSON output of shuzhi uses (map entries sorted by key, unknown properties ignored) */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** @return the document as JSON text */
    public static String toJson(ReportDocument doc) {
        try {
            return WRITER.writeValueAsString(doc) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param file a file written from {@link #toJson}
     * @throws IOException if it cannot be read or is not a report document
     */
    public static ReportDocument read(Path file) throws IOException {
        return READER.readValue(file.toFile());
    }
}
