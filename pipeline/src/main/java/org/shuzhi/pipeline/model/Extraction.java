package org.shuzhi.pipeline.model;

import java.util.List;

/**
 * What extraction found out about the file, besides the text.
 *
 * @param mediaType the detected media type, e.g. {@code application/pdf}
 * @param encoding  the detected charset for plain text (e.g. {@code GB18030}), or null for other formats
 * @param pages     page count for PDFs, else 0
 * @param rawChars  length of the extracted text before cleaning, UTF-16 code units
 * @param notes     what extraction removed or repaired, in Chinese (e.g. 删除页眉页脚 12 行)
 */
public record Extraction(String mediaType, String encoding, int pages, int rawChars, List<String> notes) {
    /** Nothing extracted. */
    public static final Extraction NONE = new Extraction("", null, 0, 0, List.of());
}
