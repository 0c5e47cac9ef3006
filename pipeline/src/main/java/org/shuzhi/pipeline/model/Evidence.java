package org.shuzhi.pipeline.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One piece of evidence behind a decision (a paragraph's category, a document type): which rule fired, on what,
 * how much it weighed, and what it argues for.
 *
 * @param <T>    what the decision chooses: {@link Category} for a paragraph, {@link DocType} for a document
 * @param rule   stable dotted rule id, e.g. {@code category.heading}, {@code category.cue}, {@code doctype.cue}
 * @param detail human-readable detail (Chinese text of the matched heading or cue, the threshold, …)
 * @param span   where in the cleaned text, or null when the evidence is not tied to a place (e.g. position)
 * @param weight the score contributed, in the rule's own units (documented by the rule); 0 when not a score
 * @param toward what the evidence argues for (JSON: its id), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Evidence<T>(String rule, String detail, Span span, double weight, T toward) {
}
