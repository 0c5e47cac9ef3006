/**
 * The shuzhi command line (picocli) and the sinks of a run above the engine: each command parses its options, runs
 * the engine ({@link org.shuzhi.pipeline.run.Run}) and maps run failures to exit codes in the one table of
 * {@link org.shuzhi.app.ShuzhiCommand}; {@link org.shuzhi.app.ReportOutputs} writes the run's files (JSON, pages,
 * Word files on request, summaries). The {@code bench} commands measure the same engine as a user runs it.
 *
 * <p>May import the pipeline, the index and its own subpackages ({@code render}, {@code quality}, {@code web}); they
 * never import this package back (ArchitectureTest).
 */
package org.shuzhi.app;
