package org.shuzhi.pipeline.compare;

import java.util.HashMap;
import java.util.Map;

/**
 * Disjoint sets over values with {@code equals}/{@code hashCode} (path compression): which passages or items belong
 * to one group (a chain of repeated problems, passages shared by several reports). A value never added is its own
 * set. Not thread-safe.
 *
 * @param <T> the element type
 */
public final class UnionFind<T> {
    private final Map<T, T> parent = new HashMap<>();

    /** @return the representative of {@code x}'s set */
    public T find(T x) {
        T p = parent.getOrDefault(x, x);
        if (p.equals(x)) {
            return x;
        }
        T r = find(p);
        parent.put(x, r);
        return r;
    }

    /** Joins the sets of {@code a} and {@code b}. */
    public void union(T a, T b) {
        T ra = find(a);
        T rb = find(b);
        if (!ra.equals(rb)) {
            parent.put(ra, rb);
        }
    }
}
