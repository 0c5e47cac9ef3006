/**
 * The run engine: the per-document {@link org.shuzhi.pipeline.run.Pipeline} (stages, their order and checks), batch
 * runs over folders, and the {@link org.shuzhi.pipeline.run.Run} of a whole input — ordered phases analyse → compare →
 * assess → publish, resumable from the work store ({@link org.shuzhi.pipeline.run.WorkState},
 * {@link org.shuzhi.pipeline.run.DocumentStore}, {@link org.shuzhi.pipeline.run.PublishLedger}), publishing to
 * {@link org.shuzhi.pipeline.run.Sink}s that live above it. One engine for the command line, the server and the
 * benchmarks; nothing in it calls back into a command. May import every other engine package; no harness package
 * imports it back into the engine.
 */
package org.shuzhi.pipeline.run;
