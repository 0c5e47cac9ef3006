/**
 * Lucene indexing and search over pipeline results (schema, HanLP analyzer, indexer, searcher). Depends on
 * {@code org.shuzhi.pipeline}, never the reverse. Empty until the search issue; the module exists so that the build
 * layout is final.
 */
package org.shuzhi.index;
