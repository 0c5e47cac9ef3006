package org.shuzhi.pipeline.classify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.model.Category;

/**
 * The hand-labelled paragraphs of {@code corpus-samples/}: {@code units/labels/<unit>/<year>.tsv} for
 * {@code units/src/<unit>/<year>.txt}, and {@code labels/<name>.tsv} for the real seed pieces in
 * {@code sources/<name>.txt}. A label file has one line per non-blank source line: {@code line⇥category⇥text-prefix}.
 */
public final class LabelledCorpus {
    private LabelledCorpus() {
    }

    /**
     * One labelled report.
     *
     * @param id     e.g. {@code units/jc-univ-mech/2024} or {@code seeds/s3-2-town-report}
     * @param group  the writer/unit, so that cross-validation never splits one unit across train and test
     * @param lines  the non-blank source lines
     * @param labels one category per line
     */
    public record Report(String id, String group, List<String> lines, List<Category> labels) {
        /** @return the lines joined by {@code \n} */
        public String text() {
            return String.join("\n", lines);
        }
    }

    /**
     * The reports and the SHA-256 of the training data: sources and labels in path order, then (when given) the term
     * lists of the dictionaries.
     */
    public record Corpus(List<Report> reports, String sha256) {
        /** @return the number of labelled paragraphs */
        public int paragraphs() {
            return reports.stream().mapToInt(r -> r.labels().size()).sum();
        }
    }

    /**
     * @param samples the {@code corpus-samples/} folder
     * @throws IOException if a file cannot be read, or a label file does not match its source
     */
    public static Corpus load(Path samples) throws IOException {
        return load(samples, null);
    }

    /**
     * @param samples      the {@code corpus-samples/} folder
     * @param dictionaries a {@code dictionaries/} folder whose analysis term lists
     *                     ({@link Dictionaries#ANALYSIS_LISTS}) also go into the hash (they shape the features), or
     *                     null
     * @throws IOException if a file cannot be read, or a label file does not match its source
     */
    public static Corpus load(Path samples, Path dictionaries) throws IOException {
        List<Report> reports = new ArrayList<>();
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Path units = samples.resolve("units");
        for (Path lf : tsvFiles(units.resolve("labels"))) {
            String rel = units.resolve("labels").relativize(lf).toString().replace('\\', '/');
            String name = rel.substring(0, rel.length() - 4);
            reports.add(read("units/" + name, name.substring(0, name.indexOf('/')),
                    units.resolve("src").resolve(name + ".txt"), lf, sha));
        }
        for (Path lf : tsvFiles(samples.resolve("labels"))) {
            String name = lf.getFileName().toString().replace(".tsv", "");
            reports.add(read("seeds/" + name, "seed-" + name, samples.resolve("sources").resolve(name + ".txt"), lf,
                    sha));
        }
        if (dictionaries != null) {
            for (String name : new TreeSet<>(Dictionaries.ANALYSIS_LISTS)) {
                sha.update(Files.readAllBytes(dictionaries.resolve("terms").resolve(name + ".txt")));
            }
        }
        return new Corpus(List.copyOf(reports), HexFormat.of().formatHex(sha.digest()));
    }

    private static List<Path> tsvFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".tsv")).sorted().toList();
        }
    }

    private static Report read(String id, String group, Path source, Path labelFile, MessageDigest sha)
            throws IOException {
        byte[] src = Files.readAllBytes(source);
        byte[] lab = Files.readAllBytes(labelFile);
        sha.update(src);
        sha.update(lab);
        List<String> lines = new String(src, StandardCharsets.UTF_8).lines().map(String::strip)
                .filter(l -> !l.isEmpty()).map(l -> l.startsWith("\uFEFF") ? l.substring(1) : l).toList();
        List<Category> labels = new ArrayList<>();
        for (String l : new String(lab, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList()) {
            String[] c = l.split("\t");
            try {
                labels.add(Category.fromId(c[1]));
            } catch (RuntimeException e) {
                throw new IOException(labelFile + ": bad label line: " + l, e);
            }
        }
        if (labels.size() != lines.size()) {
            throw new IOException(labelFile + ": " + labels.size() + " labels for " + lines.size() + " lines");
        }
        return new Report(id, group, lines, List.copyOf(labels));
    }
}
