package org.shuzhi.pipeline.run;

import java.util.Set;
import org.shuzhi.pipeline.model.ReportDocument;

/**
 * One step of the pipeline (after CoreNLP's annotators): it states which annotations it needs and which it adds, and
 * returns an enriched copy of the document. A stage never re-reads a file or re-segments text. Implementations are
 * thread-safe: one instance serves all documents of a run.
 */
public interface Stage {
    /** Annotation: the extracted text (provided by extraction, before any stage). */
    String RAW_TEXT = "raw-text";
    String CLEAN_TEXT = "clean-text";
    String METADATA = "metadata";
    String DOC_TYPE = "doc-type";
    String STRUCTURE = "structure";
    String TOKENS = "tokens";
    String FEATURES = "features";
    String CATEGORY = "category";

    /** @return the stage's kebab-case name, e.g. {@code clean} */
    String name();

    /** @return the annotations the stage needs */
    Set<String> requires();

    /** @return the annotations the stage adds */
    Set<String> provides();

    /** @return {@code doc} enriched; called only for documents without a failure */
    ReportDocument apply(ReportDocument doc);
}
