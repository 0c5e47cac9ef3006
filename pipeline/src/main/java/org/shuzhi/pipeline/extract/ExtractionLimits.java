package org.shuzhi.pipeline.extract;

/**
 * Input-safety limits of extraction (after GROBID: limits are configuration, not code).
 *
 * @param maxBytes         largest file accepted, in bytes (default 50 MiB); larger → TOO_LARGE, decided from the file
 *                         size alone, before any byte is read
 * @param maxChars         most characters extracted from one file (default 2,000,000 UTF-16 units); more → TOO_LARGE
 * @param timeoutSeconds   longest time one file may take to parse (default 60 s); longer → TIMEOUT
 * @param minTextChars     fewer CJK characters, letters and digits than this after extraction → EMPTY, or
 *                         SCANNED_NO_TEXT for a PDF (default 20)
 * @param maxInflatedBytes most bytes the entries of a zip-based document (docx, odt …), or the streams of a PDF
 *                         other than images, may inflate to, summed (default 128 MiB); more → TOO_LARGE before the
 *                         text is extracted, because POI builds the whole XML of a docx in memory (about 20 bytes of
 *                         heap per byte of XML, measured with POI 5.5.1 / XmlBeans 5.3) and PDFBox cannot be stopped
 *                         once it parses. A real report's docx inflates to about 20 times its size (the samples:
 *                         40 KB → 0.84 MB), a docx full of photos to about its size.
 */
public record ExtractionLimits(long maxBytes, int maxChars, int timeoutSeconds, int minTextChars,
                               long maxInflatedBytes) {

    /** Default of {@link #maxInflatedBytes()}: 128 MiB. */
    public static final long DEFAULT_MAX_INFLATED_BYTES = 128L << 20;

    /** The defaults named above. */
    public static final ExtractionLimits DEFAULT = new ExtractionLimits(50L << 20, 2_000_000, 60, 20);

    /** @throws IllegalArgumentException if a limit is not positive ({@code minTextChars} may be 0) */
    public ExtractionLimits {
        if (maxBytes <= 0 || maxChars <= 0 || timeoutSeconds <= 0 || minTextChars < 0 || maxInflatedBytes <= 0) {
            throw new IllegalArgumentException("extraction limits must be positive");
        }
    }

    /**
     * Limits with the default {@link #maxInflatedBytes()} ({@value #DEFAULT_MAX_INFLATED_BYTES} bytes).
     *
     * @throws IllegalArgumentException if a limit is not positive ({@code minTextChars} may be 0)
     */
    public ExtractionLimits(long maxBytes, int maxChars, int timeoutSeconds, int minTextChars) {
        this(maxBytes, maxChars, timeoutSeconds, minTextChars, DEFAULT_MAX_INFLATED_BYTES);
    }
}
