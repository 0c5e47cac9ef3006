package org.shuzhi.pipeline.profile;

import java.nio.file.Path;

/** A notice profile that cannot be used: unreadable, malformed, an unknown or missing key, a value out of range. */
public final class ProfileException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final String key;
    private final int line;

    /**
     * @param file   the profile file (or the profiles folder)
     * @param key    the dotted key path, e.g. {@code checks.plans.minAnsweredShare}, or empty when not about one key
     * @param line   1-based line in the file, 0 when unknown
     * @param detail what is wrong
     */
    public ProfileException(Path file, String key, int line, String detail, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + (key.isEmpty() ? "" : ": key '" + key + "'") + ": " + detail, cause);
        this.file = file;
        this.key = key;
        this.line = line;
    }

    /** @return the file */
    public Path file() {
        return file;
    }

    /** @return the dotted key, or empty */
    public String key() {
        return key;
    }

    /** @return the 1-based line, or 0 */
    public int line() {
        return line;
    }
}
