package org.shuzhi.pipeline.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that a reader (or the next run after a crash) sees either the old content or the new one, never
 * a part: the bytes go to {@code <name>.tmp} beside the target, which is then renamed over it (atomically where the
 * file system can).
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /**
     * @param target the file to write; its folder must exist
     * @param bytes  the whole content
     * @throws UncheckedIOException if it cannot be written (message in Chinese, naming the file)
     */
    public static void write(Path target, byte[] bytes) {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("无法写入 " + target + "：" + e.getMessage(), e);
        }
    }

    /** Writes {@code text} as UTF-8; see {@link #write(Path, byte[])}. */
    public static void write(Path target, String text) {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }
}
