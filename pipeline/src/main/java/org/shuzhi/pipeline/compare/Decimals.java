package org.shuzhi.pipeline.compare;

/** How the comparison rounds the numbers it reports. Stateless. */
final class Decimals {
    private Decimals() {
    }

    /** @return a ratio or passage similarity as reported: four decimals */
    static double four(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    /**
     * A year-over-year similarity as reported: two decimals. The weights behind it are document frequencies over the
     * whole corpus, so any other report's change moves it in the third or fourth decimal; reported with two, a
     * report's comparison — and so its outputs — change only when a related report does (re-runs redo less).
     */
    static double two(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
