/**
 * The quality-analysis phase of {@code shuzhi analyze} (issue 7) and its outputs: {@link
 * org.shuzhi.pipeline.run.AssessPhase} assesses each report against its notice profile (after the corpus comparison,
 * before outputs are written); {@link org.shuzhi.app.quality.DocxReport} writes the analysis as Word,
 * {@link org.shuzhi.app.quality.QualitySummary} the batch summary (HTML, .xlsx, .csv; aggregated with Tablesaw),
 * {@link org.shuzhi.app.quality.Assets} the offline chart library.
 *
 * <p>May import the pipeline, {@code org.shuzhi.app.render}, POI, Tablesaw, Pebble and Jackson.
 */
package org.shuzhi.app.quality;
