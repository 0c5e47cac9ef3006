package org.shuzhi.pipeline.model;

/**
 * A file that could not be analysed: its kind, a Chinese message for users (kind's message plus the detail), what
 * to do, and the technical cause for the log.
 *
 * @param kind    the failure kind
 * @param message Chinese, one line: what is wrong with this file
 * @param hint    Chinese, one line: what the user should do
 * @param cause   the underlying library message, possibly empty; never shown as the main message
 */
public record Failure(FailureKind kind, String message, String hint, String cause) {

    /** A failure with the kind's default message and hint. */
    public static Failure of(FailureKind kind, String cause) {
        return new Failure(kind, kind.message(), kind.hint(), cause == null ? "" : cause);
    }

    /** A failure whose message adds a detail after the kind's message, e.g. the size limit that was exceeded. */
    public static Failure of(FailureKind kind, String detail, String cause) {
        return new Failure(kind, kind.message() + "：" + detail, kind.hint(), cause == null ? "" : cause);
    }
}
