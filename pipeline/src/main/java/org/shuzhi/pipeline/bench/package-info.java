/**
 * Benchmarks: a synthetic corpus of any size made from the samples ({@link
 * org.shuzhi.pipeline.bench.SyntheticCorpus}), reusable by other benchmarks (index, end to end), and the copy
 * detection benchmark ({@link org.shuzhi.pipeline.bench.CompareBenchmark}). May import every other pipeline package.
 */
package org.shuzhi.pipeline.bench;
