package org.shuzhi.pipeline.harness;

import org.shuzhi.pipeline.classify.*;
import org.shuzhi.pipeline.compare.*;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Character-level precision, recall, granularity and plagdet in the manner of the PAN text-alignment task (Potthast,
 * Stein, Barrón-Cedeño, Rosso: "An Evaluation Framework for Plagiarism Detection", COLING 2010). A case or a
 * detection is a pair of documents with a set of character positions in each; a detection detects a case when both
 * concern the same document pair and overlap in both documents. Pairs are unordered (who copied whom within a year
 * cannot be told from the texts). Macro-averaged:
 *
 * <pre>
 * recall      = mean over cases s of |s ⊓ ∪ detections of s| / |s|
 * precision   = mean over detections r of |r ⊓ ∪ cases detected by r| / |r|
 * granularity = mean over detected cases of the number of detections detecting it (1 is best)
 * plagdet     = F1(precision, recall) / log2(1 + granularity)
 * </pre>
 * where {@code |x|} counts positions in both documents. With no detections, precision is 1 (nothing claimed) and
 * recall 0; with no cases, recall is 1. Stateless.
 */
public final class PanMetrics {
    private PanMetrics() {
    }

    /**
     * A case or a detection.
     *
     * @param docA  one document (the lexicographically smaller id)
     * @param charsA positions in it
     * @param docB  the other document
     * @param charsB positions in it
     * @param label what it is (for reports), e.g. the relation kind
     */
    public record Passage(String docA, BitSet charsA, String docB, BitSet charsB, String label) {
        /** @return the passage with its documents in canonical order */
        public static Passage of(String d1, BitSet c1, String d2, BitSet c2, String label) {
            return d1.compareTo(d2) <= 0 ? new Passage(d1, c1, d2, c2, label) : new Passage(d2, c2, d1, c1, label);
        }

        /** @return positions in both documents */
        public int size() {
            return charsA.cardinality() + charsB.cardinality();
        }

        boolean detects(Passage o) {
            return docA.equals(o.docA) && docB.equals(o.docB) && charsA.intersects(o.charsA)
                    && charsB.intersects(o.charsB);
        }
    }

    /**
     * The measures.
     *
     * @param cases         number of cases
     * @param detections    number of detections
     * @param detected      cases detected by at least one detection
     * @param precision     0–1
     * @param recall        0–1
     * @param granularity   ≥ 1 (1 when nothing was detected)
     * @param plagdet       0–1
     * @param missed        labels of cases with recall below 0.5
     * @param falseAlarms   labels of detections with precision below 0.5
     */
    public record Result(int cases, int detections, int detected, double precision, double recall,
                         double granularity, double plagdet, List<String> missed, List<String> falseAlarms) {
    }

    /** @return the measures of {@code detections} against {@code cases} */
    public static Result evaluate(List<Passage> cases, List<Passage> detections) {
        Map<String, List<Passage>> detectionsByPair = byPair(detections);
        Map<String, List<Passage>> casesByPair = byPair(cases);
        double recallSum = 0;
        int detected = 0;
        long granSum = 0;
        List<String> missed = new ArrayList<>();
        for (Passage s : cases) {
            BitSet a = new BitSet();
            BitSet b = new BitSet();
            int n = 0;
            for (Passage r : detectionsByPair.getOrDefault(s.docA() + "\t" + s.docB(), List.of())) {
                if (r.detects(s)) {
                    a.or(r.charsA());
                    b.or(r.charsB());
                    n++;
                }
            }
            a.and(s.charsA());
            b.and(s.charsB());
            double rec = s.size() == 0 ? 1 : (double) (a.cardinality() + b.cardinality()) / s.size();
            recallSum += rec;
            if (n > 0) {
                detected++;
                granSum += n;
            }
            if (rec < 0.5) {
                missed.add(s.label() + String.format(java.util.Locale.ROOT, " (recall %.2f)", rec));
            }
        }
        double precSum = 0;
        List<String> falseAlarms = new ArrayList<>();
        for (Passage r : detections) {
            BitSet a = new BitSet();
            BitSet b = new BitSet();
            for (Passage s : casesByPair.getOrDefault(r.docA() + "\t" + r.docB(), List.of())) {
                if (r.detects(s)) {
                    a.or(s.charsA());
                    b.or(s.charsB());
                }
            }
            a.and(r.charsA());
            b.and(r.charsB());
            double prec = r.size() == 0 ? 1 : (double) (a.cardinality() + b.cardinality()) / r.size();
            precSum += prec;
            if (prec < 0.5) {
                falseAlarms.add(r.label() + String.format(java.util.Locale.ROOT, " (precision %.2f)", prec));
            }
        }
        double recall = cases.isEmpty() ? 1 : recallSum / cases.size();
        double precision = detections.isEmpty() ? 1 : precSum / detections.size();
        double gran = detected == 0 ? 1 : (double) granSum / detected;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        double plagdet = f1 / (Math.log(1 + gran) / Math.log(2));
        return new Result(cases.size(), detections.size(), detected, precision, recall, gran, plagdet, missed,
                falseAlarms);
    }

    private static Map<String, List<Passage>> byPair(List<Passage> ps) {
        Map<String, List<Passage>> m = new java.util.HashMap<>();
        for (Passage p : ps) {
            m.computeIfAbsent(p.docA() + "\t" + p.docB(), k -> new ArrayList<>()).add(p);
        }
        return m;
    }

    /** @return the passages with the same documents and positions merged into one (duplicates removed) */
    public static List<Passage> distinct(List<Passage> ps) {
        Map<String, Passage> m = new TreeMap<>();
        for (Passage p : ps) {
            m.putIfAbsent(p.docA() + "\t" + p.charsA() + "\t" + p.docB() + "\t" + p.charsB(), p);
        }
        return new ArrayList<>(m.values());
    }
}
