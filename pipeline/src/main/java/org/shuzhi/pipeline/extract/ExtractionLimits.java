package org.shuzhi.pipeline.extract;

/**
 * Input-safety limits of extraction (after GROBID: limits are configuration, not code). Each is an option of
 * {@code shuzhi analyze} (named below).
 *
 * @param maxBytes         largest file accepted, in bytes (default 50 MiB, {@code --max-bytes}); larger → TOO_LARGE,
 *                         decided from the file size alone, before any byte is read
 * @param maxChars         most characters extracted from one file (default 2,000,000 UTF-16 units,
 *                         {@code --max-chars}); more → TOO_LARGE
 * @param timeoutSeconds   longest time one file may take to parse its text layer (default 60 s, {@code --timeout});
 *                         longer → TIMEOUT. OCR is timed per page instead ({@code ocrPageTimeoutSeconds}).
 * @param minTextChars     fewer CJK characters, letters and digits than this after extraction → EMPTY, or
 *                         SCANNED_NO_TEXT for a PDF (default 20, {@code --min-text-chars})
 * @param maxInflatedBytes most bytes the entries of a zip-based document (docx, odt, ofd …), or the streams of a PDF
 *                         other than images, may inflate to, summed (default 128 MiB, {@code --max-inflated-bytes});
 *                         more → TOO_LARGE before the text is extracted, because POI builds the whole XML of a docx in
 *                         memory (about 20 bytes of heap per byte of XML, measured with POI 5.5.1 / XmlBeans 5.3) and
 *                         PDFBox cannot be stopped once it parses. A real report's docx inflates to about 20 times its
 *                         size (the samples: 40 KB → 0.84 MB), a docx full of photos to about its size.
 * @param ocrDpi           resolution scanned PDF pages are rendered at for OCR, dots per inch (default 300,
 *                         {@code --ocr-dpi}; Tesseract's documentation recommends at least 300 dpi)
 * @param maxOcrPages      most pages of one scan recognised (default 100, {@code --max-ocr-pages}); more → TOO_LARGE
 * @param ocrPageTimeoutSeconds longest time the recognition of one page may take (default 120 s,
 *                         {@code --ocr-page-timeout}); longer → TIMEOUT, and the Tesseract process is killed
 */
public record ExtractionLimits(long maxBytes, int maxChars, int timeoutSeconds, int minTextChars,
                               long maxInflatedBytes, int ocrDpi, int maxOcrPages, int ocrPageTimeoutSeconds) {

    /** Default of {@link #maxInflatedBytes()}: 128 MiB. */
    public static final long DEFAULT_MAX_INFLATED_BYTES = 128L << 20;
    /** Default of {@link #ocrDpi()}. */
    public static final int DEFAULT_OCR_DPI = 300;
    /** Default of {@link #maxOcrPages()}. */
    public static final int DEFAULT_MAX_OCR_PAGES = 100;
    /** Default of {@link #ocrPageTimeoutSeconds()}. */
    public static final int DEFAULT_OCR_PAGE_TIMEOUT = 120;

    /** The defaults named above. */
    public static final ExtractionLimits DEFAULT = new ExtractionLimits(50L << 20, 2_000_000, 60, 20);

    /** @throws IllegalArgumentException if a limit is not positive ({@code minTextChars} may be 0) */
    public ExtractionLimits {
        if (maxBytes <= 0 || maxChars <= 0 || timeoutSeconds <= 0 || minTextChars < 0 || maxInflatedBytes <= 0
                || ocrDpi < 50 || maxOcrPages <= 0 || ocrPageTimeoutSeconds <= 0) {
            throw new IllegalArgumentException("extraction limits must be positive (ocrDpi at least 50)");
        }
    }

    /**
     * Limits with the default OCR limits.
     *
     * @throws IllegalArgumentException if a limit is not positive ({@code minTextChars} may be 0)
     */
    public ExtractionLimits(long maxBytes, int maxChars, int timeoutSeconds, int minTextChars, long maxInflatedBytes) {
        this(maxBytes, maxChars, timeoutSeconds, minTextChars, maxInflatedBytes, DEFAULT_OCR_DPI,
                DEFAULT_MAX_OCR_PAGES, DEFAULT_OCR_PAGE_TIMEOUT);
    }

    /**
     * Limits with the default {@link #maxInflatedBytes()} ({@value #DEFAULT_MAX_INFLATED_BYTES} bytes) and OCR limits.
     *
     * @throws IllegalArgumentException if a limit is not positive ({@code minTextChars} may be 0)
     */
    public ExtractionLimits(long maxBytes, int maxChars, int timeoutSeconds, int minTextChars) {
        this(maxBytes, maxChars, timeoutSeconds, minTextChars, DEFAULT_MAX_INFLATED_BYTES);
    }
}
