package org.shuzhi.pipeline.model;

/**
 * One change the cleaning stage made, recorded so that nothing is lost silently (DESIGN.md §3: explainable).
 *
 * @param kind        {@code watermark}, {@code spun-synonym}, {@code traditional}, {@code control-char},
 *                    {@code boilerplate-line}
 * @param original    the text before the change
 * @param replacement the text after (empty for a removal)
 * @param at          offset in the cleaned text where the replacement starts (UTF-16 code units)
 * @param note        why, e.g. the matching pattern
 */
public record CleaningEdit(String kind, String original, String replacement, int at, String note) {
}
