/**
 * Headings, numbering levels, sections with kinds, paragraphs, sentences and enumerated items. May import model, dict.
 */
package org.shuzhi.pipeline.structure;
