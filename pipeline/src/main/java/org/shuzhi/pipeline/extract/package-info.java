/**
 * Reading files: Tika (docx, doc, html …), PDFBox (PDF pages, header/footer removal, line re-joining), charset detection for plain text; translates library errors into FailureKind at this boundary. May import model, dict, structure.Numbering.
 */
package org.shuzhi.pipeline.extract;
