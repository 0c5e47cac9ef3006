/**
 * The harness above the engine: what measures, evaluates and trains it, never used by a run. The synthetic corpus of
 * any size made from the samples and the copy-detection benchmark ({@link org.shuzhi.pipeline.harness.SyntheticCorpus},
 * {@link org.shuzhi.pipeline.harness.CompareBenchmark}); the real labelled text of {@code ../shared/real/} (read at run
 * time, never copied into the repository; {@link org.shuzhi.pipeline.harness.RealCorpus}) and the concreteness
 * evaluation on it; the comparison's evaluations on the planted ground truth of the samples and on a real-text plant
 * set ({@link org.shuzhi.pipeline.harness.SampleEvaluation}, {@link org.shuzhi.pipeline.harness.RealPlantEvaluation});
 * the training and evaluation of the paragraph-category model ({@link org.shuzhi.pipeline.harness.CategoryTraining}).
 *
 * <p>May import every engine package, {@code run} included; no engine package imports it (ArchitectureTest).
 */
package org.shuzhi.pipeline.harness;
