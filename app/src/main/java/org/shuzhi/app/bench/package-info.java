/**
 * Benchmarks run as commands ({@code shuzhi bench …}): synthetic corpora made by mutating the bundled samples, and
 * measurements of throughput, latency and memory. Figures are printed, never asserted.
 */
package org.shuzhi.app.bench;
