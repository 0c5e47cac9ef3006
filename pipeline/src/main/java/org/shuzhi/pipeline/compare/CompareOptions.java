package org.shuzhi.pipeline.compare;

/**
 * Settings of the corpus comparison. Every value is checked when the record is made.
 *
 * <table>
 *   <caption>Options</caption>
 *   <tr><th>name</th><th>default</th><th>unit, range</th><th>meaning and source</th></tr>
 *   <tr><td>{@code minMatchChars}</td><td>20</td><td>normalised characters, ≥ {@code seedChars}</td><td>a copied
 *       passage must have at least this many characters in exact matches (punctuation, whitespace and official
 *       phrases do not count): more than one clause. 90% of the clauses (text between ，。；：！？、) of the seed
 *       texts and samples are shorter than 20 字 (median 10); a shared clause is a stock phrase of the genre
 *       (的凝聚力和向心力进一步增强, 13 字), shared text across clauses is copying.</td></tr>
 *   <tr><td>{@code seedChars}</td><td>13</td><td>normalised characters, {@code kgram}–{@code minMatchChars}</td>
 *       <td>a passage grows from an exact match at least this long: the threshold widely reported for Chinese
 *       plagiarism checkers (CNKI: 连续 13 个字相同).</td></tr>
 *   <tr><td>{@code fingerprintChars}</td><td>10</td><td>characters, 1–{@code seedChars}</td><td>length of the
 *       hashed character k-grams the fingerprints are chosen from. The winnowing window is
 *       {@code seedChars - fingerprintChars + 1} k-grams, so every shared string of {@code seedChars} characters is
 *       guaranteed a shared fingerprint; longer k-grams are shared by chance less often (fewer candidate pairs), at
 *       the price of more fingerprints per report (2 / (window + 1) of its characters).</td></tr>
 *   <tr><td>{@code kgram}</td><td>6</td><td>characters, 1–{@code seedChars}</td><td>length of the smallest exact
 *       match an alignment extends a passage with.</td></tr>
 *   <tr><td>{@code maxGap}</td><td>= {@code seedChars}</td><td>characters, ≥ 0</td><td>an edit (changed, added or
 *       dropped words) shorter than this does not split a passage: an edit shorter than a seed cannot hide a match
 *       of its own.</td></tr>
 *   <tr><td>{@code maxDocFreq}</td><td>50</td><td>documents, ≥ 2</td><td>a fingerprint that more than this many
 *       reports share is common phrasing, not a copy from one colleague, and does not make candidates between reports
 *       (the stop-fingerprint rule of MOSS); template fingerprints are always used.</td></tr>
 *   <tr><td>{@code repeatSimilarity}</td><td>0.3</td><td>0–1</td><td>a problem (plan) item is repeated when its
 *       idf-weighted cosine with an earlier year's problem (plan) item reaches this. Calibrated without labels on
 *       the samples: between problem (plan) items of <em>different</em> units, which cannot be repeats, the cosine
 *       exceeds 0.28 (0.29) for only 0.5% of the pairs.</td></tr>
 *   <tr><td>{@code keptSimilarity}</td><td>0.3</td><td>0–1</td><td>an earlier concrete plan is kept when its weighted
 *       content words and those of one achievement or rectification sentence overlap by this much (shared weight
 *       over the smaller side). Between units this exceeds 0.27 for 0.5% of the pairs.</td></tr>
 *   <tr><td>{@code coverageSimilarity}</td><td>0.45</td><td>0–1</td><td>last year's problem is addressed when one
 *       rectification sentence names its headline (share of the headline's weighted words in the sentence) or
 *       overlaps the whole problem item (shared weight over the smaller side) by this much; rectification statements
 *       name the problem in a few words or report the measure taken (seeds 001/002). Between units the larger of
 *       the two exceeds 0.44 for 0.5% of the pairs.</td></tr>
 *   <tr><td>{@code threads}</td><td>number of CPUs</td><td>≥ 1</td><td>threads for aligning candidate pairs.</td></tr>
 * </table>
 *
 * @param minMatchChars      see the table
 * @param seedChars          see the table
 * @param fingerprintChars   see the table
 * @param kgram              see the table
 * @param maxGap             see the table
 * @param maxDocFreq         see the table
 * @param repeatSimilarity   see the table
 * @param keptSimilarity     see the table
 * @param coverageSimilarity see the table
 * @param threads            see the table
 */
public record CompareOptions(int minMatchChars, int seedChars, int fingerprintChars, int kgram, int maxGap, int maxDocFreq, double repeatSimilarity,
                             double keptSimilarity, double coverageSimilarity, int threads) {

    /** Default minimum number of matched characters of a passage, normalised characters. */
    public static final int DEFAULT_MIN_MATCH = 20;
    /** Default seed length, normalised characters. */
    public static final int DEFAULT_SEED = 13;

    /** @throws IllegalArgumentException if a value is out of its range (the message names it) */
    public CompareOptions {
        if (seedChars < 1 || seedChars > minMatchChars) {
            throw new IllegalArgumentException("seedChars must be 1.." + minMatchChars + ": " + seedChars);
        }
        if (fingerprintChars < 1 || fingerprintChars > seedChars) {
            throw new IllegalArgumentException("fingerprintChars must be 1.." + seedChars + ": " + fingerprintChars);
        }
        if (kgram < 1 || kgram > seedChars) {
            throw new IllegalArgumentException("kgram must be 1.." + seedChars + ": " + kgram);
        }
        if (maxGap < 0) {
            throw new IllegalArgumentException("maxGap must be >= 0: " + maxGap);
        }
        if (maxDocFreq < 2) {
            throw new IllegalArgumentException("maxDocFreq must be >= 2: " + maxDocFreq);
        }
        check("repeatSimilarity", repeatSimilarity);
        check("keptSimilarity", keptSimilarity);
        check("coverageSimilarity", coverageSimilarity);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
    }

    private static void check(String name, double v) {
        if (!(v > 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1]: " + v);
        }
    }

    /** @return the defaults of the table */
    public static CompareOptions defaults() {
        return withMinMatch(DEFAULT_MIN_MATCH);
    }

    /**
     * @param minMatchChars the minimum number of matched characters of a passage; {@code seedChars} becomes
     *                      {@code min(13, minMatchChars)}, {@code fingerprintChars} {@code min(10, seedChars)},
     *                      {@code kgram} {@code min(6, seedChars)}, {@code maxGap} equals {@code seedChars}; the rest
     *                      are defaults
     * @throws IllegalArgumentException if {@code minMatchChars < 1}
     */
    public static CompareOptions withMinMatch(int minMatchChars) {
        if (minMatchChars < 1) {
            throw new IllegalArgumentException("minMatchChars must be >= 1: " + minMatchChars);
        }
        int seed = Math.min(DEFAULT_SEED, minMatchChars);
        return new CompareOptions(minMatchChars, seed, Math.min(10, seed), Math.min(6, seed), seed, 50, 0.3, 0.3, 0.45,
                Runtime.getRuntime().availableProcessors());
    }

    /** @return a copy with another thread count */
    public CompareOptions withThreads(int n) {
        return new CompareOptions(minMatchChars, seedChars, fingerprintChars, kgram, maxGap, maxDocFreq, repeatSimilarity, keptSimilarity,
                coverageSimilarity, n);
    }

    /** @return a copy with other year-over-year thresholds */
    public CompareOptions withSimilarities(double repeat, double kept, double coverage) {
        return new CompareOptions(minMatchChars, seedChars, fingerprintChars, kgram, maxGap, maxDocFreq, repeat, kept, coverage, threads);
    }

    /** @return a copy with another document-frequency cap */
    public CompareOptions withMaxDocFreq(int n) {
        return new CompareOptions(minMatchChars, seedChars, fingerprintChars, kgram, maxGap, n, repeatSimilarity, keptSimilarity,
                coverageSimilarity, threads);
    }

    /** @return the winnowing window in k-grams: {@code seedChars - fingerprintChars + 1} */
    public int window() {
        return seedChars - fingerprintChars + 1;
    }
}
