package org.shuzhi.pipeline.extract;

/**
 * Input-safety limits of extraction (after GROBID: limits are configuration, not code).
 *
 * @param maxBytes       largest file accepted, in bytes (default 50 MiB); larger → TOO_LARGE
 * @param maxChars       most characters extracted from one file (default 2,000,000 UTF-16 units); more → TOO_LARGE
 * @param timeoutSeconds longest time one file may take to parse (default 60 s); longer → TIMEOUT
 * @param minTextChars   fewer CJK characters, letters and digits than this after extraction → EMPTY, or
 *                       SCANNED_NO_TEXT for a PDF (default 20)
 */
public record ExtractionLimits(long maxBytes, int maxChars, int timeoutSeconds, int minTextChars) {

    /** The defaults named above. */
    public static final ExtractionLimits DEFAULT = new ExtractionLimits(50L << 20, 2_000_000, 60, 20);

    /** @throws IllegalArgumentException if a limit is not positive */
    public ExtractionLimits {
        if (maxBytes <= 0 || maxChars <= 0 || timeoutSeconds <= 0 || minTextChars < 0) {
            throw new IllegalArgumentException("extraction limits must be positive");
        }
    }
}
