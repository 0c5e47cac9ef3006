package org.shuzhi.pipeline.compare;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * An inverted index from fingerprint to the documents that have it, in three primitive arrays (compressed sparse
 * rows: the distinct fingerprints sorted, the start of each one's postings, the postings). Only fingerprints of two
 * or more documents are kept (the others pair nothing): about 4 bytes per kept posting plus 8 per kept fingerprint;
 * building needs 8 bytes per fingerprint of all documents for a moment. Documents are
 * numbered 0…n-1; numbers below {@code templates} are templates. Immutable once built; thread-safe.
 */
final class FingerprintIndex {
    private final int[] hashes;
    private final int[] offsets;
    private final int[] docs;
    private final int templates;
    private final int maxDocFreq;
    private final long total;

    /**
     * @param fingerprints per document, its distinct sorted fingerprints
     * @param templates    how many of the first documents are templates
     * @param maxDocFreq   a fingerprint in more than this many non-template documents does not pair them
     */
    FingerprintIndex(List<int[]> fingerprints, int templates, int maxDocFreq) {
        long total = 0;
        for (int[] f : fingerprints) {
            total += f.length;
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("too many fingerprints: " + total);
        }
        long[] pairs = new long[(int) total];
        int n = 0;
        for (int d = 0; d < fingerprints.size(); d++) {
            for (int h : fingerprints.get(d)) {
                pairs[n++] = ((long) h << 32) | d;
            }
        }
        Arrays.sort(pairs);
        // a fingerprint of one document pairs nothing: only shared ones are kept
        int distinct = 0;
        int kept = 0;
        for (int i = 0; i < pairs.length; ) {
            int j = i + 1;
            while (j < pairs.length && (pairs[j] >> 32) == (pairs[i] >> 32)) {
                j++;
            }
            if (j - i > 1) {
                distinct++;
                kept += j - i;
            }
            i = j;
        }
        hashes = new int[distinct];
        offsets = new int[distinct + 1];
        docs = new int[kept];
        int g = 0;
        int at = 0;
        for (int i = 0; i < pairs.length; ) {
            int j = i + 1;
            while (j < pairs.length && (pairs[j] >> 32) == (pairs[i] >> 32)) {
                j++;
            }
            if (j - i > 1) {
                hashes[g] = (int) (pairs[i] >> 32);
                offsets[g] = at;
                for (int x = i; x < j; x++) {
                    docs[at++] = (int) pairs[x];
                }
                g++;
            }
            i = j;
        }
        offsets[distinct] = kept;
        this.total = pairs.length;
        this.templates = templates;
        this.maxDocFreq = maxDocFreq;
    }

    /** @return number of fingerprints indexed (postings before dropping the unshared ones) */
    long postings() {
        return total;
    }

    /** @return number of distinct fingerprints */
    int distinct() {
        return hashes.length;
    }

    /**
     * Calls {@code out} once for every template that shares a fingerprint with document {@code doc}, and once for
     * every non-template document numbered above {@code doc} that shares a fingerprint with it which at most
     * {@code maxDocFreq} non-template documents have.
     *
     * @param doc   the document's number
     * @param fps   its fingerprints
     * @param seen  scratch array of at least the number of documents, owned by the calling thread; entries equal to
     *              {@code doc + 1} mean "already reported"
     */
    void candidates(int doc, int[] fps, int[] seen, IntConsumer out) {
        int stamp = doc + 1;
        for (int h : fps) {
            int g = Arrays.binarySearch(hashes, h);
            if (g < 0) {
                continue;
            }
            int from = offsets[g];
            int to = offsets[g + 1];
            int t = from;
            while (t < to && docs[t] < templates) {
                t++;
            }
            boolean common = to - t > maxDocFreq;
            for (int i = from; i < to; i++) {
                int other = docs[i];
                if (other == doc || seen[other] == stamp || (other >= templates && (common || other < doc))) {
                    continue;
                }
                seen[other] = stamp;
                out.accept(other);
            }
        }
    }
}
