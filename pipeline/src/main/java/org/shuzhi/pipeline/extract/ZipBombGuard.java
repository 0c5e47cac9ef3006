package org.shuzhi.pipeline.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

/**
 * Refuses a zip-based document (docx, odt, xlsx …) whose entries inflate too far, before any parser sees it. POI
 * builds a docx's whole XML in memory (Tika 3.3 switches POI's own zip-bomb check off, {@code ZipSecureFile}
 * min inflate ratio −1, and relies on a content-handler check that only runs after that XML is built), so a 3 MB
 * docx inflating to gigabytes exhausts the heap instead of failing.
 *
 * <p>Rules, counted on the bytes actually inflated (the sizes in a zip's headers are not trusted, a bomb's lie):
 * <ul>
 *   <li>the entries together inflate to at most {@link ExtractionLimits#maxInflatedBytes()};</li>
 *   <li>no entry inflates to more than {@value #MAX_RATIO} times its compressed size once it is past
 *       {@value #GRACE_BYTES} bytes (the ratio is POI's {@code ZipSecureFile} default minimum inflate ratio 0.01 and
 *       Tika's {@code SecureContentHandler} maximum compression ratio 100; real docx parts stay below 35, e.g.
 *       {@code stylesWithEffects.xml} at 32 in the samples).</li>
 * </ul>
 * Inflation stops at the first rule broken, so checking a bomb costs at most {@code maxInflatedBytes} of inflation
 * and a 64 KiB buffer. The container is read with commons-compress's streaming reader, the one POI uses for a
 * document given as a stream, so whatever POI can read the guard reads too; a container it cannot read through is
 * passed on for the parser to reject. Embedded documents are not looked into: extraction does not parse them.
 */
final class ZipBombGuard {
    /** Largest inflated/compressed ratio of one entry past the grace size (POI, Tika: 100). */
    static final int MAX_RATIO = 100;
    /** Inflated bytes of one entry before its ratio is checked (small parts compress unevenly). */
    static final long GRACE_BYTES = 1L << 20;

    private ZipBombGuard() {
    }

    /**
     * Why a container was refused.
     *
     * @param entry    the entry being inflated when a rule broke
     * @param inflated bytes inflated in total when it broke (≤ the limit + 64 KiB)
     * @param ratio    true if the entry's compression ratio broke the rule, false if the total size did
     */
    record Refusal(String entry, long inflated, boolean ratio) {
    }

    /** @return true if {@code bytes} start with a zip local file header ({@code PK\3\4}) */
    static boolean isZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    /**
     * @param bytes       a zip container
     * @param maxInflated most bytes all entries may inflate to
     * @return why the container breaks a rule, or null when it keeps to them (or cannot be read through: the parser
     *         then decides)
     */
    static Refusal check(byte[] bytes, long maxInflated) {
        byte[] buf = new byte[65536];
        long total = 0;
        try (InputStream raw = new ByteArrayInputStream(bytes);
             ZipArchiveInputStream zip = new ZipArchiveInputStream(raw, "UTF-8", true, true)) {
            ZipArchiveEntry e;
            while ((e = zip.getNextEntry()) != null) {
                long entry = 0;
                int n;
                while ((n = zip.read(buf)) > 0) {
                    entry += n;
                    total += n;
                    if (total > maxInflated) {
                        return new Refusal(e.getName(), total, false);
                    }
                    if (entry > GRACE_BYTES && entry > MAX_RATIO * Math.max(1, zip.getCompressedCount())) {
                        return new Refusal(e.getName(), total, true);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }
}
