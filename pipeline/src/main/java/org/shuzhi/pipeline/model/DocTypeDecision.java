package org.shuzhi.pipeline.model;

import java.util.List;

/**
 * The document type and why.
 *
 * @param type       the decided type
 * @param confidence share of the winning type in the total cue weight, 0–1 (0.5 when no cue fired)
 * @param evidence   the cues that fired, with their weights
 */
public record DocTypeDecision(DocType type, double confidence, List<Evidence<DocType>> evidence) {
    /** The decision for a document that has no text. */
    public static final DocTypeDecision UNKNOWN = new DocTypeDecision(DocType.UNKNOWN, 0, List.of());
}
