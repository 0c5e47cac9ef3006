/**
 * shuzhi on Apache Spark ({@link org.shuzhi.scale.SparkComparison}, {@link org.shuzhi.scale.SparkJob}): the per-report
 * pipeline as a map step over the files, the corpus comparison's fingerprints and candidate pairs as a distributed
 * join with the single-machine cut-offs, and the comparison of the candidates written in the JSON contract of
 * {@code analyze}. Sits above {@code app} (it writes what {@code analyze} writes); nothing below imports it.
 */
package org.shuzhi.scale;
