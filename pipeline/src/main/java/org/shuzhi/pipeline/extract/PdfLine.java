package org.shuzhi.pipeline.extract;

/**
 * One text line of a PDF page with its geometry, in PDF user-space units.
 *
 * @param text  the line's text
 * @param left  x of its first glyph
 * @param right x of the end of its last glyph
 * @param em    the width of its widest glyph, about one CJK character
 */
record PdfLine(String text, float left, float right, float em) {
}
