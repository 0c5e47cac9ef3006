package org.shuzhi.pipeline.model;

import java.util.List;

/**
 * What extraction found out about the file, besides the text.
 *
 * @param mediaType the detected media type, e.g. {@code application/pdf}
 * @param encoding  the detected charset for plain text (e.g. {@code GB18030}), or null for other formats
 * @param pages     page count for PDFs, OFD files and OCR'd images, else 0
 * @param rawChars  length of the extracted text before cleaning, UTF-16 code units
 * @param notes     what extraction removed or repaired, in Chinese (e.g. 删除页眉页脚 12 行)
 * @param ocr       how the text was recognised when it came from OCR of page images (a scan, a photo), else null:
 *                  such text carries recognition errors, and findings on it must say so
 * @param part      where this report stands in a compiled booklet (述职材料汇编) it was split from, else null
 */
public record Extraction(String mediaType, String encoding, int pages, int rawChars, List<String> notes,
                         OcrInfo ocr, BookletPart part) {
    /** Nothing extracted. */
    public static final Extraction NONE = new Extraction("", null, 0, 0, List.of());

    public Extraction {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** Text read from a text layer, not from OCR, and not part of a booklet. */
    public Extraction(String mediaType, String encoding, int pages, int rawChars, List<String> notes) {
        this(mediaType, encoding, pages, rawChars, notes, null, null);
    }

    /** @return true when the text came from OCR (not serialized: {@link #ocr()} says it) */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean fromOcr() {
        return ocr != null;
    }

    /** @return a copy describing one report of a booklet, with its own length and notes */
    public Extraction asPart(BookletPart p, int partChars, List<String> partNotes) {
        return new Extraction(mediaType, encoding, p.lastPage() > 0 ? p.lastPage() - p.firstPage() + 1 : 0,
                partChars, partNotes, ocr, p);
    }

    /**
     * Text recognised from images.
     *
     * @param engine         the OCR engine and its version, e.g. {@code tesseract 5.3.0 chi_sim}
     * @param dpi            the resolution pages were rendered at for recognition (PDF pages), dots per inch; 0 for
     *                       images recognised as they are
     * @param meanConfidence the engine's mean word confidence over the document, 0–100 (Tesseract's {@code conf})
     * @param paragraphs     each recognised paragraph's confidence, in text order
     */
    public record OcrInfo(String engine, int dpi, double meanConfidence, List<ParagraphConfidence> paragraphs) {
        public OcrInfo {
            paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
        }
    }

    /**
     * @param page       1-based page the paragraph starts on
     * @param start      the first characters of the paragraph as recognised (at most 20), to find it in the text
     * @param confidence mean word confidence of its lines, 0–100
     */
    public record ParagraphConfidence(int page, String start, double confidence) {
    }

    /**
     * One report of a compiled booklet (述职材料汇编): a file holding several secretaries' reports one after another.
     *
     * @param bookletId     the report id the whole file would have had
     * @param index         1-based position of this report in the booklet
     * @param count         number of reports found in the booklet
     * @param firstPage     1-based first page of this report in the booklet, 0 when the format has no pages (docx)
     * @param lastPage      1-based last page, 0 when unknown
     * @param title         the report's title line as it stands in the booklet
     */
    public record BookletPart(String bookletId, int index, int count, int firstPage, int lastPage, String title) {
    }
}
