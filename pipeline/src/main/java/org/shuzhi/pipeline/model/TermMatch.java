package org.shuzhi.pipeline.model;

/**
 * A hit of a dictionary term list in the cleaned text.
 *
 * @param list  the term list's name, i.e. its file name without {@code .txt} (e.g. {@code vague-terms})
 * @param term  the dictionary entry that matched (for {@code re:} entries the pattern)
 * @param group the entry's second column (e.g. {@code forbidden}, {@code first-person}), or empty
 * @param span  the matched text
 */
public record TermMatch(String list, String term, String group, Span span) {
}
