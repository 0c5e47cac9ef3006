package org.shuzhi.pipeline.model;

/**
 * A word from the segmenter.
 *
 * @param span the word's place in the cleaned text
 * @param word the word as it stands in the cleaned text
 * @param pos  HanLP part-of-speech tag (PKU tag set, e.g. {@code n}, {@code nr} person, {@code ns} place,
 *             {@code nt} organisation, {@code m} numeral, {@code nz} domain term)
 */
public record Token(Span span, String word, String pos) {
}
