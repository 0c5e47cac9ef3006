package org.shuzhi.pipeline.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the maximal passages two normalised texts share ("extension by alignment" after candidate retrieval).
 *
 * <ol>
 *   <li>Every maximal exact match of at least {@code k} characters is found through a hash table of the first
 *       text's k-grams (each match once, from its left end).</li>
 *   <li>Matches of at least {@code seed} characters are seeds. A seed absorbs every other match that lies within
 *       {@code maxGap} characters of it on <em>both</em> sides, repeatedly, so that a copy with changed words,
 *       inserted or dropped words, or locally reordered clauses stays one passage (the extension step of the PAN
 *       text-alignment systems, e.g. Sanchez-Perez et al. 2014). A passage is kept when its matches cover at least
 *       {@code minMatch} characters: a single stock phrase is shorter than that, an edited copy is a run of
 *       matches.</li>
 *   <li>Of passages that overlap by more than half on either side, the one with more matched characters wins (a
 *       sentence that stands twice in one text is aligned once).</li>
 *   <li>A gap is never bridged across a {@link NormalizedText#BREAK} (a paragraph end, a heading) while a passage
 *       grows (an official phrase, {@link NormalizedText#MASK}, is), so that two stock phrases on either side of a heading do not add up to a passage.
 *       Passages that each stand on their own and follow each other across a break on both sides (the next
 *       paragraph of a copied section) are joined at the end.</li>
 * </ol>
 * Units: normalised characters ({@link NormalizedText}). Instances are immutable and thread-safe.
 */
public final class PassageAligner {
    private final int k;
    private final int seed;
    private final int minMatch;
    private final int maxGap;

    /**
     * A passage in normalised coordinates: {@code a[aStart, aEnd)} corresponds to {@code b[bStart, bEnd)}.
     *
     * @param matched   characters of {@code a} covered by exact matches, ≤ {@code aEnd - aStart}
     * @param fragments the exact matches it is made of, as triples (aStart, bStart, length), sorted by aStart
     */
    public record Alignment(int aStart, int aEnd, int bStart, int bEnd, int matched, int[] fragments) {
        /** @return matched characters over the longer side, 0–1 */
        public double similarity() {
            return (double) matched / Math.max(aEnd - aStart, bEnd - bStart);
        }
    }

    /**
     * @param k        length of exact matches considered, ≥ 1
     * @param seed     minimum length of the exact match a passage grows from, ≥ k
     * @param minMatch minimum number of matched characters of a passage, ≥ seed
     * @param maxGap   largest gap bridged between matches of one passage, ≥ 0
     * @throws IllegalArgumentException if the parameters are out of range
     */
    public PassageAligner(int k, int seed, int minMatch, int maxGap) {
        if (k < 1 || seed < k || minMatch < seed || maxGap < 0) {
            throw new IllegalArgumentException("need 1 <= k <= seed <= minMatch and maxGap >= 0: k=" + k + " seed="
                    + seed + " minMatch=" + minMatch + " maxGap=" + maxGap);
        }
        this.k = k;
        this.seed = seed;
        this.minMatch = minMatch;
        this.maxGap = maxGap;
    }

    /** The k-grams of one text in a hash table, to align it against many others. */
    public final class Indexed {
        private final char[] a;
        private final long[] keys;
        private final int[] head;
        private final int[] next;
        private final int mask;

        private Indexed(char[] a) {
            this.a = a;
            long[] h = Fingerprints.kgrams(a, k);
            int cap = Integer.highestOneBit(Math.max(4, h.length * 2 - 1)) << 1;
            keys = new long[cap];
            head = new int[cap];
            Arrays.fill(head, -1);
            next = new int[h.length];
            mask = cap - 1;
            for (int i = h.length - 1; i >= 0; i--) {
                if (h[i] == Fingerprints.NONE) {
                    next[i] = -1;
                    continue;
                }
                int slot = slot(h[i]);
                keys[slot] = h[i];
                next[i] = head[slot];
                head[slot] = i;
            }
        }

        private int slot(long key) {
            int s = (int) (key ^ (key >>> 32)) & mask;
            while (head[s] != -1 && keys[s] != key) {
                s = (s + 1) & mask;
            }
            return s;
        }

        /** @return the first position of a k-gram with this hash, or -1 */
        int first(long key) {
            return head[slot(key)];
        }
    }

    /** @return the k-gram table of {@code a} */
    public Indexed index(NormalizedText a) {
        return new Indexed(a.chars());
    }

    /** @return the k-gram table of normalised characters (as {@link NormalizedText} makes them; not copied) */
    public Indexed index(char[] a) {
        return new Indexed(a);
    }

    /** @return the passages {@code a} and {@code b} share, ordered by {@code aStart} */
    public List<Alignment> align(NormalizedText a, NormalizedText b) {
        return align(index(a), b);
    }

    /** @return the passages the indexed text and {@code b} share, ordered by {@code aStart} */
    public List<Alignment> align(Indexed ia, NormalizedText bt) {
        return align(ia, bt.chars());
    }

    /** @return the passages the indexed text and the normalised characters {@code b} share, ordered by aStart */
    public List<Alignment> align(Indexed ia, char[] b) {
        char[] a = ia.a;
        long[] hb = Fingerprints.kgrams(b, k);
        List<int[]> frags = new ArrayList<>();
        for (int j = 0; j < hb.length; j++) {
            if (hb[j] == Fingerprints.NONE) {
                continue;
            }
            for (int i = ia.first(hb[j]); i != -1; i = ia.next[i]) {
                if (i > 0 && j > 0 && a[i - 1] == b[j - 1] && !NormalizedText.gap(a[i - 1])) {
                    continue; // inside a match found from its left end
                }
                int len = 0;
                while (i + len < a.length && j + len < b.length && a[i + len] == b[j + len]
                        && !NormalizedText.gap(a[i + len])) {
                    len++;
                }
                if (len >= k) {
                    frags.add(new int[] {i, j, len});
                }
            }
        }
        if (frags.isEmpty()) {
            return List.of();
        }
        frags.sort(Comparator.comparingInt((int[] f) -> -f[2]).thenComparingInt(f -> f[0]).thenComparingInt(f -> f[1]));
        boolean[] used = new boolean[frags.size()];
        List<Alignment> passages = new ArrayList<>();
        for (int s = 0; s < frags.size() && frags.get(s)[2] >= seed; s++) {
            if (used[s]) {
                continue;
            }
            used[s] = true;
            int[] seed = frags.get(s);
            int aS = seed[0];
            int aE = seed[0] + seed[2];
            int bS = seed[1];
            int bE = seed[1] + seed[2];
            List<int[]> members = new ArrayList<>();
            members.add(seed);
            boolean changed = true;
            while (changed) {
                changed = false;
                for (int f = 0; f < frags.size(); f++) {
                    if (used[f]) {
                        continue;
                    }
                    int[] x = frags.get(f);
                    if (gap(aS, aE, x[0], x[0] + x[2]) <= maxGap && gap(bS, bE, x[1], x[1] + x[2]) <= maxGap
                            && !breakBetween(a, aS, aE, x[0], x[0] + x[2])
                            && !breakBetween(b, bS, bE, x[1], x[1] + x[2])) {
                        used[f] = true;
                        members.add(x);
                        aS = Math.min(aS, x[0]);
                        aE = Math.max(aE, x[0] + x[2]);
                        bS = Math.min(bS, x[1]);
                        bE = Math.max(bE, x[1] + x[2]);
                        changed = true;
                    }
                }
            }
            members.sort(Comparator.comparingInt((int[] f) -> f[0]).thenComparingInt(f -> f[1]));
            int[] flat = new int[members.size() * 3];
            int matched = 0;
            int covered = Integer.MIN_VALUE;
            for (int m = 0; m < members.size(); m++) {
                int[] x = members.get(m);
                System.arraycopy(x, 0, flat, m * 3, 3);
                int from = Math.max(x[0], covered);
                if (x[0] + x[2] > from) {
                    matched += x[0] + x[2] - from;
                }
                covered = Math.max(covered, x[0] + x[2]);
            }
            if (matched >= minMatch) {
                passages.add(new Alignment(aS, aE, bS, bE, matched, flat));
            }
        }
        passages.sort(Comparator.comparingInt(Alignment::matched).reversed().thenComparingInt(Alignment::aStart));
        List<Alignment> kept = new ArrayList<>();
        for (Alignment p : passages) {
            boolean clash = false;
            for (Alignment q : kept) {
                if (overlap(p.aStart, p.aEnd, q.aStart, q.aEnd) * 2 > p.aEnd - p.aStart
                        || overlap(p.bStart, p.bEnd, q.bStart, q.bEnd) * 2 > p.bEnd - p.bStart) {
                    clash = true;
                    break;
                }
            }
            if (!clash) {
                kept.add(p);
            }
        }
        kept.sort(Comparator.comparingInt(Alignment::aStart));
        List<Alignment> joined = new ArrayList<>();
        for (Alignment p : kept) {
            Alignment q = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (q != null && p.aStart() >= q.aEnd() && p.aStart() - q.aEnd() <= maxGap && p.bStart() >= q.bEnd()
                    && p.bStart() - q.bEnd() <= maxGap) {
                int[] f = Arrays.copyOf(q.fragments(), q.fragments().length + p.fragments().length);
                System.arraycopy(p.fragments(), 0, f, q.fragments().length, p.fragments().length);
                joined.set(joined.size() - 1, new Alignment(q.aStart(), p.aEnd(), q.bStart(), p.bEnd(),
                        q.matched() + p.matched(), f));
            } else {
                joined.add(p);
            }
        }
        return joined;
    }

    /** @return true when a break stands between the two ranges (in the gap that separates them) */
    private static boolean breakBetween(char[] s, int s1, int e1, int s2, int e2) {
        int from = Math.min(e1, e2);
        int to = Math.max(s1, s2);
        for (int i = from; i < to; i++) {
            if (s[i] == NormalizedText.BREAK) {
                return true;
            }
        }
        return false;
    }

    private static int gap(int s1, int e1, int s2, int e2) {
        return Math.max(0, Math.max(s2 - e1, s1 - e2));
    }

    private static int overlap(int s1, int e1, int s2, int e2) {
        return Math.max(0, Math.min(e1, e2) - Math.max(s1, s2));
    }
}
