package org.shuzhi.pipeline.extract;

import org.shuzhi.pipeline.model.Extraction;
import org.shuzhi.pipeline.model.Failure;

/** The outcome of reading one file: its raw text, or why it could not be read. */
public sealed interface ExtractionResult {

    /**
     * @param info facts about the file
     * @param text the extracted text, paragraphs separated by {@code \n}; not yet cleaned
     */
    record Text(Extraction info, String text) implements ExtractionResult {
    }

    /** @param failure why the file could not be read */
    record Failed(Failure failure) implements ExtractionResult {
    }
}
