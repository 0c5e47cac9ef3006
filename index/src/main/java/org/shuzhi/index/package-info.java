/**
 * Lucene indexing and search over pipeline results: the schema ({@link org.shuzhi.index.Schema}, every field name in
 * one place), the HanLP analyzer ({@link org.shuzhi.index.HanlpAnalyzer}, the pipeline's segmenter configuration in
 * index mode), the writer ({@link org.shuzhi.index.ReportIndexer}) and the reader side
 * ({@link org.shuzhi.index.ReportSearcher}: queries, filters, facets, highlighting, more-like-this). Depends on
 * {@code org.shuzhi.pipeline} and Lucene; knows nothing of HTTP or the command line.
 */
package org.shuzhi.index;
