/**
 * Real labelled text for evaluation and training: the paragraphs of public pages in {@code ../shared/real/} (read at
 * run time, never copied into the repository), grouped by page and by site. May import model.
 */
package org.shuzhi.pipeline.eval;
