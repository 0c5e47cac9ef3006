package org.shuzhi.pipeline.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lexical similarity of items over their content words (canonical forms, {@link Vocabulary}), each word weighted by
 * its inverse document frequency over all items of the corpus (smoothed: {@code ln((1 + N) / (1 + df)) + 1}), and a
 * greedy one-to-one assignment of the best pairs. Two measures:
 *
 * <ul>
 *   <li>{@link Measure#COSINE}: cosine of the two weighted word sets, for items of the same kind (a problem and last
 *       year's problem; a plan and last year's plan);</li>
 *   <li>{@link Measure#OVERLAP}: weight of the shared words over the weight of the smaller set (Szymkiewicz–Simpson),
 *       for a short statement inside a longer one (a plan reported as done in an achievement sentence);</li>
 *   <li>{@link Measure#CONTAINMENT}: weight of the shared words over the weight of the first set, for how much of a
 *       problem's headline a rectification sentence names.</li>
 * </ul>
 * A pair needs at least {@value #MIN_SHARED} shared words. Not thread-safe while {@link #idf} is being filled.
 */
final class ItemMatcher {
    /** Fewest shared content words of a matching pair (one shared word is a coincidence, not a paraphrase). */
    static final int MIN_SHARED = 2;

    /** How two items are compared. */
    enum Measure { COSINE, OVERLAP, CONTAINMENT }

    /** A matched pair: item {@code a} of the first sketch, {@code b} of the second, their similarity and shared words. */
    record Pair(int a, int b, double similarity, int[] shared) {
    }

    private final double[] idf;

    /** @param df per word id, the number of items that contain it; {@code items} the number of items */
    ItemMatcher(int[] df, int items) {
        idf = new double[df.length];
        for (int i = 0; i < df.length; i++) {
            idf[i] = Math.log((1.0 + items) / (1.0 + df[i])) + 1;
        }
    }

    /**
     * @param sketches the items of every document of the corpus (headlines, which repeat words of their problem
     *                 item, and mentions, which only look up promises, do not count)
     * @param words    the size of the vocabulary the items' ids come from
     * @return a matcher with the inverse document frequencies of those items
     */
    static ItemMatcher of(List<ItemSketch> sketches, int words) {
        int[] df = new int[words];
        int items = 0;
        for (ItemSketch s : sketches) {
            for (int i = 0; i < s.size(); i++) {
                if (s.kind(i) == ItemSketch.Kind.HEADLINE || s.kind(i) == ItemSketch.Kind.MENTION) {
                    continue;
                }
                for (int id : s.terms(i)) {
                    df[id]++;
                }
                items++;
            }
        }
        return new ItemMatcher(df, items);
    }

    /** @return the similarity of two sorted id sets, 0–1 */
    double similarity(int[] a, int[] b, Measure m) {
        int[] common = Vocabulary.common(a, b);
        if (common.length < MIN_SHARED) {
            return 0;
        }
        if (m == Measure.COSINE) {
            return weight(common, 2) / Math.sqrt(weight(a, 2) * weight(b, 2));
        }
        if (m == Measure.CONTAINMENT) {
            return weight(common, 1) / weight(a, 1);
        }
        return weight(common, 1) / Math.min(weight(a, 1), weight(b, 1));
    }

    private double weight(int[] ids, int power) {
        double s = 0;
        for (int id : ids) {
            double w = id < idf.length ? idf[id] : 1;
            s += power == 2 ? w * w : w;
        }
        return s;
    }

    /**
     * Best one-to-one pairs between items {@code as} of sketch {@code a} and {@code bs} of sketch {@code b} with
     * similarity ≥ {@code threshold}, highest first.
     */
    List<Pair> match(ItemSketch a, List<Integer> as, ItemSketch b, List<Integer> bs, Measure m, double threshold) {
        List<Pair> all = new ArrayList<>();
        for (int i : as) {
            int[] ta = a.terms(i);
            for (int j : bs) {
                int[] tb = b.terms(j);
                double s = similarity(ta, tb, m);
                if (s >= threshold) {
                    all.add(new Pair(i, j, Math.min(1, s), Vocabulary.common(ta, tb)));
                }
            }
        }
        all.sort(Comparator.comparingDouble(Pair::similarity).reversed().thenComparingInt(Pair::a)
                .thenComparingInt(Pair::b));
        List<Pair> out = new ArrayList<>();
        java.util.Set<Integer> usedA = new java.util.HashSet<>();
        java.util.Set<Integer> usedB = new java.util.HashSet<>();
        for (Pair p : all) {
            if (!usedA.contains(p.a()) && !usedB.contains(p.b())) {
                usedA.add(p.a());
                usedB.add(p.b());
                out.add(p);
            }
        }
        return out;
    }

    /**
     * @return the shared words, longest first, then in code-point order: an order that does not depend on the rest of
     *         the corpus (weights do), so that one report's change does not reorder the words of unrelated reports
     */
    List<String> words(int[] shared, Vocabulary v) {
        List<Integer> ids = new ArrayList<>();
        for (int id : shared) {
            ids.add(id);
        }
        ids.sort(Comparator.comparingInt((Integer id) -> -v.word(id).length()).thenComparing(v::word));
        return ids.stream().map(v::word).toList();
    }
}
