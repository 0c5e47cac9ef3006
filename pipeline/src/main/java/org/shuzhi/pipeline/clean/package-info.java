/**
 * Cleaning extracted text (layout, traditional → simplified, boilerplate lines, watermarks, spun synonyms, placeholders), recording every change. May import model, dict, segment.
 */
package org.shuzhi.pipeline.clean;
