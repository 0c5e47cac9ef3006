/**
 * The corpus phase: year-over-year comparison per unit and secretary, and copy detection across all analysed
 * documents and a template library (DESIGN.md §1 "Before the meeting"; DOMAIN.md §5–§6; seed 003 #6
 * 防止年年述、年年改、年年在).
 *
 * <p>Entry point: {@link org.shuzhi.pipeline.compare.CorpusComparison} — feed it every analysed document
 * ({@code add}) and the template texts ({@code addTemplate}), then {@code compare()} returns a
 * {@link org.shuzhi.pipeline.model.Comparison} per report id (or {@code compare(ComparisonStore)} hands each one to a
 * store as soon as it is computed). Copy detection never compares all pairs: each text is
 * normalised (folded, punctuation and whitespace dropped, digit runs collapsed, official phrases, headings and
 * title lines masked), its character k-grams are winnowed into fingerprints kept in primitive arrays, candidate pairs
 * come from an inverted index of the fingerprints, and only candidates are aligned ({@link
 * org.shuzhi.pipeline.compare.PassageAligner}) into maximal passages. Report texts stay behind
 * {@link org.shuzhi.pipeline.compare.TextStore}, so that they can live on disk.
 *
 * <p>May import {@code model}, {@code dict} and {@code profile} (the counting rule of 字数); never {@code run}, which
 * runs the comparison; no Lucene, no HTTP, no HanLP (tokens come from the sentences the {@code segment} stage filled).
 */
package org.shuzhi.pipeline.compare;
