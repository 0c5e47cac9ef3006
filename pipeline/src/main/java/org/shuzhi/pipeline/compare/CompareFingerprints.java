package org.shuzhi.pipeline.compare;

import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.dict.TermList;

/**
 * The winnowed fingerprints {@link CorpusComparison} computes for a document when it is added (normalised text with
 * the {@value CorpusComparison#OFFICIAL_PHRASES} masked, k-grams of {@link CompareOptions#fingerprintChars()}
 * characters, window {@link CompareOptions#window()}), for engines that build the fingerprint → documents join
 * elsewhere (module {@code scale}, on Spark) with the same cut-offs. Thread-safe.
 */
public final class CompareFingerprints {
    private final CompareOptions options;
    private final TermList official;

    /** @throws IllegalArgumentException if the dictionaries lack {@value CorpusComparison#OFFICIAL_PHRASES} */
    public CompareFingerprints(CompareOptions options, Dictionaries dict) {
        this.options = options;
        this.official = dict.list(CorpusComparison.OFFICIAL_PHRASES);
    }

    /** @return the document's distinct fingerprints, sorted (as {@code CorpusComparison.add} indexes them) */
    public int[] of(CompareInput in) {
        return of(NormalizedText.of(in.text(), official).chars());
    }

    /** @return the distinct fingerprints of normalised characters, sorted */
    int[] of(char[] normalized) {
        return Fingerprints.winnow(Fingerprints.kgrams(normalized, options.fingerprintChars()), options.window());
    }
}
