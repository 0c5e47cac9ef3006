/**
 * Measured quality of the corpus comparison: PAN text-alignment measures ({@link
 * org.shuzhi.pipeline.compare.eval.PanMetrics}) and the evaluation against the planted ground truth of
 * {@code corpus-samples/units/relations.tsv} ({@link org.shuzhi.pipeline.compare.eval.SampleEvaluation}), used by the
 * {@code compare evaluate} command and its test. May import {@code compare}, {@code model}, {@code dict} and
 * {@code run}.
 */
package org.shuzhi.pipeline.compare.eval;
