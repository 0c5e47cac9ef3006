package org.shuzhi.pipeline.extract;

import org.shuzhi.pipeline.model.Extraction;
import org.shuzhi.pipeline.model.Failure;

/** The outcome of reading one file: its raw text, or why it could not be read. */
public sealed interface ExtractionResult {

    /**
     * @param info       facts about the file
     * @param text       the extracted text, paragraphs separated by {@code \n}; not yet cleaned
     * @param pageStarts for paged formats (PDF, OFD, scans), the offset in {@code text} where each page begins, in
     *                   page order; empty when the format has no pages (docx, txt …)
     */
    record Text(Extraction info, String text, java.util.List<Integer> pageStarts) implements ExtractionResult {
        public Text {
            pageStarts = pageStarts == null ? java.util.List.of() : java.util.List.copyOf(pageStarts);
        }

        /** Text without page offsets. */
        public Text(Extraction info, String text) {
            this(info, text, java.util.List.of());
        }
    }

    /** @param failure why the file could not be read */
    record Failed(Failure failure) implements ExtractionResult {
    }
}
