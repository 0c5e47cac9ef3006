package org.shuzhi.pipeline.run;

/**
 * A failure that stops a whole {@link Run} (a bad file never does: it is listed in the run's summary). The message is
 * Chinese, for the user, and says what to do; a command maps the {@link Kind} to its exit code in one table.
 */
public final class RunFailure extends RuntimeException {
    /** What stopped the run. */
    public enum Kind {
        /** The input folder is missing or not a folder. */
        INPUT,
        /** The template folder ({@code --templates}) is missing. */
        TEMPLATES,
        /** The input folder holds no file that could be a report. */
        NO_REPORT_FILES,
        /** The dictionaries folder is missing or a list in it is malformed. */
        DICTIONARIES,
        /** The input's {@code manifest.csv} cannot be read, or lacks a column the options name. */
        MANIFEST,
        /** The notice profile ({@code --profile}) is unknown or a profile is malformed. */
        PROFILE,
        /** An output (folder, index) cannot be written. */
        OUTPUT,
        /** Not one file of the input could be read. */
        NOTHING_READABLE
    }

    private final Kind kind;

    /**
     * @param kind    what stopped the run
     * @param message the Chinese message (without the 错误： prefix)
     * @param cause   the underlying exception, or null
     */
    public RunFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** @return what stopped the run */
    public Kind kind() {
        return kind;
    }
}
