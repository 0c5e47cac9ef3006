package org.shuzhi.pipeline.compare;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * An inverted index from fingerprint to the documents that have it, in three primitive arrays (compressed sparse
 * rows: the distinct fingerprints sorted, the start of each one's postings, the postings). About 4 bytes per posting
 * plus 8 per distinct fingerprint once built; building needs 8 more bytes per posting for a moment. Documents are
 * numbered 0…n-1; numbers below {@code templates} are templates. Immutable once built; thread-safe.
 */
final class FingerprintIndex {
    private final int[] hashes;
    private final int[] offsets;
    private final int[] docs;
    private final int templates;
    private final int maxDocFreq;

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
        int distinct = 0;
        for (int i = 0; i < pairs.length; i++) {
            if (i == 0 || (pairs[i] >> 32) != (pairs[i - 1] >> 32)) {
                distinct++;
            }
        }
        hashes = new int[distinct];
        offsets = new int[distinct + 1];
        docs = new int[pairs.length];
        int g = -1;
        for (int i = 0; i < pairs.length; i++) {
            int h = (int) (pairs[i] >> 32);
            if (g < 0 || hashes[g] != h) {
                g++;
                hashes[g] = h;
                offsets[g] = i;
            }
            docs[i] = (int) pairs[i];
        }
        offsets[distinct] = pairs.length;
        this.templates = templates;
        this.maxDocFreq = maxDocFreq;
    }

    /** @return number of postings */
    long postings() {
        return docs.length;
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
