package org.shuzhi.index;

/**
 * An index that cannot be opened, read or written, or a query that cannot be run. The message is Chinese and says
 * what to do; it is meant for the user as it is.
 */
public final class IndexException extends RuntimeException {
    /** What went wrong, for exit codes and HTTP statuses. */
    public enum Kind {
        /** No index in the folder: run {@code analyze} first. */
        MISSING,
        /** Another process holds the write lock. */
        LOCKED,
        /** The query does not parse. */
        MALFORMED_QUERY,
        /** Reading or writing failed. */
        IO
    }

    private final Kind kind;

    public IndexException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** @return what went wrong */
    public Kind kind() {
        return kind;
    }
}
