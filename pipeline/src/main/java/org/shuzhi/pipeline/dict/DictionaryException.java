package org.shuzhi.pipeline.dict;

import java.nio.file.Path;

/** A dictionary or profile file that cannot be used: names the file, the line (1-based, 0 if none) and the fault. */
public class DictionaryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DictionaryException(Path file, int line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
    }

    public DictionaryException(Path file, int line, String message, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message, cause);
    }
}
