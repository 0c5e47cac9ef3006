package org.shuzhi.pipeline.classify;

import java.util.Locale;
import org.shuzhi.pipeline.model.Category;

/** A confusion matrix over {@link Category} (rows gold, columns predicted) with the usual figures. Not thread-safe. */
public final class Confusion {
    private final int[][] counts = new int[Category.values().length][Category.values().length];

    /** Counts one decision. */
    public void add(Category gold, Category predicted) {
        counts[gold.ordinal()][predicted.ordinal()]++;
    }

    /** Adds all counts of another matrix. */
    public void addAll(Confusion o) {
        for (int i = 0; i < counts.length; i++) {
            for (int j = 0; j < counts.length; j++) {
                counts[i][j] += o.counts[i][j];
            }
        }
    }

    /** @return the number of decisions */
    public int total() {
        int t = 0;
        for (int[] row : counts) {
            for (int v : row) {
                t += v;
            }
        }
        return t;
    }

    private int gold(Category c) {
        int g = 0;
        for (int v : counts[c.ordinal()]) {
            g += v;
        }
        return g;
    }

    private int predicted(Category c) {
        int p = 0;
        for (int[] row : counts) {
            p += row[c.ordinal()];
        }
        return p;
    }

    /** @return precision of {@code c}, 0–1 (0 when never predicted) */
    public double precision(Category c) {
        int p = predicted(c);
        return p == 0 ? 0 : (double) counts[c.ordinal()][c.ordinal()] / p;
    }

    /** @return recall of {@code c}, 0–1 (0 when it never occurs) */
    public double recall(Category c) {
        int g = gold(c);
        return g == 0 ? 0 : (double) counts[c.ordinal()][c.ordinal()] / g;
    }

    /** @return F1 of {@code c}, 0–1 */
    public double f1(Category c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** @return the mean F1 over the categories that occur in the gold labels, 0–1 */
    public double macroF1() {
        double sum = 0;
        int n = 0;
        for (Category c : Category.values()) {
            if (gold(c) > 0) {
                sum += f1(c);
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** @return the share of correct decisions, 0–1 */
    public double accuracy() {
        int correct = 0;
        for (int i = 0; i < counts.length; i++) {
            correct += counts[i][i];
        }
        int t = total();
        return t == 0 ? 0 : (double) correct / t;
    }

    /**
     * @return a plain-text table: per-category P/R/F1 and support, accuracy, macro-F1, the confusion matrix (categories
     *         neither labelled nor predicted are left out)
     */
    public String format() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-16s %6s %6s %6s %6s%n", "category", "P", "R",
                "F1", "gold"));
        java.util.List<Category> shown = java.util.Arrays.stream(Category.values())
                .filter(c -> gold(c) > 0 || predicted(c) > 0).toList();
        for (Category c : shown) {
            b.append(String.format(Locale.ROOT, "%-16s %6.3f %6.3f %6.3f %6d%n", c.id(), precision(c), recall(c),
                    f1(c), gold(c)));
        }
        b.append(String.format(Locale.ROOT, "accuracy %.3f, macro-F1 %.3f (%d paragraphs)%n", accuracy(), macroF1(),
                total()));
        b.append("confusion (rows gold, columns predicted):\n").append(String.format("%-16s", ""));
        for (Category c : shown) {
            b.append(String.format("%7.6s", c.id()));
        }
        b.append('\n');
        for (Category c : shown) {
            b.append(String.format("%-16s", c.id()));
            for (Category p : shown) {
                b.append(String.format("%7d", counts[c.ordinal()][p.ordinal()]));
            }
            b.append('\n');
        }
        return b.toString();
    }
}
