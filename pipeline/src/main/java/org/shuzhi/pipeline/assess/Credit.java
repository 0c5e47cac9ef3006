package org.shuzhi.pipeline.assess;

/**
 * How much a checked rule contributes to its dimension's score, 0–1 (documented in the README, "Scores"):
 * <ul>
 *   <li>at most {@code t} ({@link #atMost}): 1 when {@code v ≤ t}, else {@code max(0, 1 − (v − t) / t)}, so twice
 *       the cap gives 0;</li>
 *   <li>at least {@code t} ({@link #atLeast}): 1 when {@code v ≥ t}, else {@code v / t};</li>
 *   <li>about {@code t} ± tolerance {@code r} ({@link #about}): with the relative deviation {@code d = |v − t| / t},
 *       1 when {@code d ≤ r}, else {@code max(0, 1 − (d − r))};</li>
 *   <li>a count of at most {@code t} hits ({@link #countAtMost}): 1 when {@code v ≤ t}, else each hit over the cap
 *       costs 1/3, down to 0.</li>
 * </ul>
 */
final class Credit {
    private Credit() {
    }

    static double atMost(double v, double t) {
        return v <= t ? 1 : t <= 0 ? 0 : clamp(1 - (v - t) / t);
    }

    static double atLeast(double v, double t) {
        return v >= t ? 1 : t <= 0 ? 1 : clamp(v / t);
    }

    static double about(double v, double t, double tolerance) {
        double d = Math.abs(v - t) / t;
        return d <= tolerance ? 1 : clamp(1 - (d - tolerance));
    }

    static double countAtMost(double v, double t) {
        return v <= t ? 1 : clamp(1 - (v - t) / 3.0);
    }

    static double clamp(double x) {
        return Math.max(0, Math.min(1, x));
    }
}
