package org.shuzhi.pipeline.compare;

import java.util.Arrays;

/**
 * Character k-gram hashes and winnowing (Schleimer, Wilkerson, Aiken: "Winnowing: local algorithms for document
 * fingerprinting", SIGMOD 2003, the method behind MOSS). With k-grams of length {@code k} and windows of {@code w}
 * consecutive k-grams, every substring of at least {@code w + k - 1} characters that two texts share yields at least
 * one fingerprint they share, while only about {@code 2 / (w + 1)} of the positions are kept. Stateless.
 */
public final class Fingerprints {
    private static final long BASE = 0x100000001B3L;

    private Fingerprints() {
    }

    /** The hash given to a k-gram that contains a break or a mask ({@link NormalizedText#gap}): never a fingerprint. */
    public static final long NONE = Long.MAX_VALUE;

    /**
     * @param s the normalised characters
     * @param k the k-gram length, ≥ 1
     * @return the 64-bit hash of every k-gram: element {@code i} hashes {@code s[i, i + k)}, or is {@link #NONE}
     *         when that k-gram contains a break; empty when {@code s.length < k}
     */
    public static long[] kgrams(char[] s, int k) {
        int n = s.length - k + 1;
        if (n <= 0) {
            return new long[0];
        }
        long pow = 1;
        for (int i = 1; i < k; i++) {
            pow *= BASE;
        }
        long[] out = new long[n];
        long h = 0;
        for (int i = 0; i < k; i++) {
            h = h * BASE + s[i] + 1;
        }
        out[0] = mix(h);
        for (int i = 1; i < n; i++) {
            h = (h - (s[i - 1] + 1) * pow) * BASE + s[i + k - 1] + 1;
            out[i] = mix(h);
        }
        int lastBreak = -1;
        for (int i = 0; i < s.length; i++) {
            if (NormalizedText.gap(s[i])) {
                lastBreak = i;
            }
            int first = i - k + 1;
            if (first >= 0 && lastBreak >= first) {
                out[first] = NONE;
            }
        }
        return out;
    }

    /** @return a well-spread 64-bit value (the finaliser of MurmurHash3), never {@link #NONE} */
    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == NONE ? NONE - 1 : h;
    }

    /**
     * Robust winnowing: in each window of {@code w} consecutive k-gram hashes the minimum is selected (the rightmost
     * one on ties), and each selected position is recorded once.
     *
     * @param hashes k-gram hashes from {@link #kgrams(char[], int)}
     * @param w      window length in k-grams, ≥ 1
     * @return the distinct fingerprints (upper 32 bits of the selected hashes), sorted ascending; when there are
     *         fewer than {@code w} k-grams, the minimum of all
     */
    public static int[] winnow(long[] hashes, int w) {
        if (hashes.length == 0) {
            return new int[0];
        }
        int[] out = new int[hashes.length];
        int n = 0;
        int last = -1;
        int windows = Math.max(1, hashes.length - w + 1);
        int min = -1;
        for (int start = 0; start < windows; start++) {
            int end = Math.min(hashes.length, start + w);
            if (min < start) {
                min = start;
                for (int i = start + 1; i < end; i++) {
                    if (hashes[i] <= hashes[min]) {
                        min = i;
                    }
                }
            } else if (hashes[end - 1] <= hashes[min]) {
                min = end - 1;
            }
            if (min != last) {
                if (hashes[min] != NONE) {
                    out[n++] = (int) (hashes[min] >>> 32);
                }
                last = min;
            }
        }
        int[] fp = Arrays.copyOf(out, n);
        Arrays.sort(fp);
        int u = 0;
        for (int i = 0; i < fp.length; i++) {
            if (i == 0 || fp[i] != fp[i - 1]) {
                fp[u++] = fp[i];
            }
        }
        return Arrays.copyOf(fp, u);
    }
}
