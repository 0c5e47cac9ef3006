/**
 * The document model: ReportDocument → Section → Paragraph → Sentence → Token, spans, categories, failures. Immutable records; imports nothing from other shuzhi packages; Jackson annotations only.
 */
package org.shuzhi.pipeline.model;
