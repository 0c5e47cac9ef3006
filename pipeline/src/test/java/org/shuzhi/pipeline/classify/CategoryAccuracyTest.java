package org.shuzhi.pipeline.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.shuzhi.pipeline.Repo;
import org.shuzhi.pipeline.model.Category;
import org.shuzhi.pipeline.model.Paragraph;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.run.Pipeline;

/**
 * Measures the paragraph categories against the hand labels of corpus-samples/units (labels/&lt;unit&gt;/&lt;year&gt;.tsv,
 * one label per line of src/&lt;unit&gt;/&lt;year&gt;.txt). A measurement, not a threshold the samples are tuned to: it
 * writes per-category precision, recall and F1, macro-F1 and the confusion matrix to
 * {@code pipeline/target/category-accuracy.txt} and asserts only that the labels line up with the text.
 */
class CategoryAccuracyTest {
    @Test
    void measureCategoryAccuracyOnTheLabelledCorpus() throws Exception {
        Path units = Repo.samples().resolve("units");
        Path labels = units.resolve("labels");
        if (!Files.isDirectory(labels)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(labels)) {
            files = s.filter(p -> p.toString().endsWith(".tsv")).sorted().toList();
        }
        int[][] confusion = new int[Category.values().length][Category.values().length];
        int total = 0;
        try (Pipeline pipeline = Repo.pipeline()) {
            for (Path lf : files) {
                String rel = labels.relativize(lf).toString().replace(".tsv", ".txt");
                Path src = units.resolve("src").resolve(rel);
                ReportDocument d = pipeline.analyze(units, src);
                List<String[]> rows = new ArrayList<>();
                for (String line : Files.readAllLines(lf, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        rows.add(line.split("\t"));
                    }
                }
                assertEquals(rows.size(), d.paragraphs().size(), rel + ": one label per paragraph");
                for (int i = 0; i < rows.size(); i++) {
                    Paragraph p = d.paragraphs().get(i);
                    assertTrue(p.text().startsWith(rows.get(i)[2].strip().substring(0, 4)), rel + ":" + (i + 1));
                    confusion[Category.fromId(rows.get(i)[1]).ordinal()][p.category().ordinal()]++;
                    total++;
                }
            }
        }
        String report = format(confusion, total, files.size());
        Path out = Repo.root().resolve("pipeline/target/category-accuracy.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.out.println(report);
    }

    private static String format(int[][] c, int total, int reports) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "Paragraph categories vs corpus-samples/units labels: %d reports, %d paragraphs%n", reports, total));
        b.append(String.format(Locale.ROOT, "%-16s %6s %6s %6s %6s%n", "category", "P", "R", "F1", "gold"));
        Map<Category, Double> f1s = new EnumMap<>(Category.class);
        int correct = 0;
        for (Category k : Category.values()) {
            int i = k.ordinal();
            int tp = c[i][i];
            correct += tp;
            int gold = 0;
            int pred = 0;
            for (int j = 0; j < c.length; j++) {
                gold += c[i][j];
                pred += c[j][i];
            }
            double p = pred == 0 ? 0 : (double) tp / pred;
            double r = gold == 0 ? 0 : (double) tp / gold;
            double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
            if (gold > 0) {
                f1s.put(k, f);
            }
            b.append(String.format(Locale.ROOT, "%-16s %6.3f %6.3f %6.3f %6d%n", k.id(), p, r, f, gold));
        }
        b.append(String.format(Locale.ROOT, "accuracy %.3f, macro-F1 %.3f%n", (double) correct / total,
                f1s.values().stream().mapToDouble(Double::doubleValue).average().orElse(0)));
        b.append("confusion (rows gold, columns predicted):\n").append(String.format("%-16s", ""));
        for (Category k : Category.values()) {
            b.append(String.format("%6.6s", k.id()));
        }
        b.append('\n');
        for (Category k : Category.values()) {
            b.append(String.format("%-16s", k.id()));
            for (int j = 0; j < c.length; j++) {
                b.append(String.format("%6d", c[k.ordinal()][j]));
            }
            b.append('\n');
        }
        return b.toString();
    }
}
