package org.shuzhi.app.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.shuzhi.pipeline.model.ReportDocument;

/**
 * The JSON form of a {@link ReportDocument}: the integration contract documented in the README (pretty-printed
 * UTF-8, record components in declaration order, map keys sorted).
 */
public final class JsonOutput {
    private static final ObjectWriter WRITER = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .writerWithDefaultPrettyPrinter();

    private JsonOutput() {
    }

    /** @return the document as JSON text */
    public static String toJson(ReportDocument doc) {
        try {
            return WRITER.writeValueAsString(doc) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
