package org.shuzhi.pipeline.harness;

import org.shuzhi.pipeline.classify.*;
import org.shuzhi.pipeline.compare.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.model.Category;
import org.shuzhi.pipeline.model.Counts;
import org.shuzhi.pipeline.model.DocType;
import org.shuzhi.pipeline.model.DocTypeDecision;
import org.shuzhi.pipeline.model.Extraction;
import org.shuzhi.pipeline.model.MetaValue;
import org.shuzhi.pipeline.model.Metadata;
import org.shuzhi.pipeline.model.Paragraph;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.model.Section;
import org.shuzhi.pipeline.model.Span;
import org.shuzhi.pipeline.model.Token;
import org.shuzhi.pipeline.segment.Segmenter;

/**
 * A synthetic corpus of any size for benchmarks, made by mutating and recombining the 36 sample reports of
 * {@code corpus-samples/units/} (with their paragraph labels) and copying from the 003 seed pieces (the template
 * library). Deterministic: the same seed gives the same reports, and the first {@code n} reports do not depend on how
 * many are generated (report {@code i} depends only on the seed and its unit).
 *
 * <p>Each unit has three reports (2023, 2024, 2025). A report follows the outline of a random sample report; each
 * body paragraph is a paragraph of the same category from a random sample report, mutated: words (all but
 * punctuation and numerals) swapped for random words of the same part of speech (probability {@value #SWAP}), numbers
 * changed, clauses of a sentence reordered (probability {@value #REORDER} per sentence). Then the planted copies, recorded with exact offsets on
 * both sides ({@link Planted}):
 * <ul>
 *   <li>recycled: in 2024 and 2025 each body paragraph is, with probability {@value #RECYCLE}, last year's paragraph
 *       at that place (half verbatim, half with changed numbers);</li>
 *   <li>colleague: with probability {@value #COLLEAGUE} a report takes one paragraph from another unit's report of
 *       the same year;</li>
 *   <li>template: with probability {@value #TEMPLATE} a report takes one to three sentences of a template piece into a
 *       paragraph.</li>
 * </ul>
 * Reports come out unit by unit; {@link #write(Path, int)} writes them as UTF-8 text files with a
 * {@code manifest.csv}, for end-to-end benchmarks of the whole pipeline.
 */
public final class SyntheticCorpus {
    /**
     * Probability that a content word is swapped. High, so that reports that start from the same sample paragraph
     * share no more than chance strings (as reports of different writers); the text is word salad with the words and
     * layout of the samples, not meant to be read.
     */
    public static final double SWAP = 0.75;
    /** Probability that the clauses of a sentence are reordered. */
    public static final double REORDER = 0.3;
    /** Probability that a body paragraph of 2024/2025 is last year's. */
    public static final double RECYCLE = 0.15;
    /** Probability that a report takes a paragraph from a colleague. */
    public static final double COLLEAGUE = 0.05;
    /** Probability that a report takes sentences from a template. */
    public static final double TEMPLATE = 0.08;
    /** The years of every unit. */
    public static final List<Integer> YEARS = List.of(2023, 2024, 2025);

    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern SENTENCE = Pattern.compile("[^。；！？]+[。；！？]?");

    /** A line of a sample report: its text, category and whether it is a heading. */
    private record Line(String text, Category category, boolean heading) {
    }

    /** A planted copy: report {@code from}'s text {@code [fromStart, fromEnd)} came from {@code to}'s. */
    public record Planted(Kind kind, String from, int fromStart, int fromEnd, String to, int toStart, int toEnd) {
        /** What was copied from where. */
        public enum Kind { RECYCLED, COLLEAGUE, TEMPLATE }
    }

    /**
     * A generated report.
     *
     * @param id         report id (also its file name without {@code .txt})
     * @param unit       unit name
     * @param secretary  secretary name
     * @param year       year
     * @param paragraphs paragraph texts (line 1 is the title)
     * @param categories their categories
     * @param headings   whether each is a heading
     * @param planted    copies planted in this report
     */
    public record Report(String id, String unit, String secretary, int year, List<String> paragraphs,
                         List<Category> categories, List<Boolean> headings, List<Planted> planted) {

        /** @return the text: paragraphs joined by line breaks */
        public String text() {
            return String.join("\n", paragraphs);
        }

        /** @return the offset at which paragraph {@code i} starts in {@link #text()} */
        public int start(int i) {
            int s = 0;
            for (int p = 0; p < i; p++) {
                s += paragraphs.get(p).length() + 1;
            }
            return s;
        }

        /**
         * @return a document as the pipeline would give it for copy detection: cleaned text, paragraphs with their
         *         categories and heading flags, metadata; no sentences or tokens (so no year-over-year items)
         */
        public ReportDocument toDocument() {
            return document(id, text(), paragraphs, categories, headings, unit, secretary, year, DocType.REPORT);
        }
    }

    private final List<List<Line>> samples;
    private final Map<Category, List<String>> byCategory = new EnumMap<>(Category.class);
    private final Map<Character, List<String>> wordsByPos = new HashMap<>();
    private final Map<String, List<Token>> tokens = new HashMap<>();
    private final List<String> templateIds = new ArrayList<>();
    private final List<List<String>> templateSentences = new ArrayList<>();
    private final List<String> templateTexts = new ArrayList<>();
    private final long seed;

    private SyntheticCorpus(List<List<Line>> samples, Map<String, String> templates, Segmenter segmenter, long seed) {
        this.samples = samples;
        this.seed = seed;
        for (List<Line> r : samples) {
            for (Line l : r) {
                if (!l.heading() && l.text().length() > 20) {
                    byCategory.computeIfAbsent(l.category(), k -> new ArrayList<>()).add(l.text());
                    List<Token> ts = segmenter.segment(l.text(), 0);
                    tokens.put(l.text(), ts);
                    for (Token t : ts) {
                        char pos = t.pos().isEmpty() ? 'x' : t.pos().charAt(0);
                        if (swappable(pos)) {
                            wordsByPos.computeIfAbsent(pos, k -> new ArrayList<>()).add(t.word());
                        }
                    }
                }
            }
        }
        wordsByPos.values().forEach(l -> {
            List<String> d = l.stream().distinct().sorted().toList();
            l.clear();
            l.addAll(d);
        });
        templates.forEach((id, text) -> {
            List<String> ss = new ArrayList<>();
            Matcher m = SENTENCE.matcher(text.replace("\n", ""));
            while (m.find()) {
                if (m.group().length() >= 25 && m.group().length() <= 120) {
                    ss.add(m.group());
                }
            }
            if (!ss.isEmpty()) {
                templateIds.add(id);
                templateSentences.add(ss);
                templateTexts.add(text);
            }
        });
    }

    /**
     * @param samples the {@code corpus-samples/} folder (reads {@code units/src}, {@code units/labels} and the
     *                {@code sources/s3-*.txt} template pieces)
     * @param dict    dictionaries for the segmenter (word swaps keep the part of speech)
     * @param seed    the random seed
     * @throws UncheckedIOException if a sample cannot be read
     */
    public static SyntheticCorpus fromSamples(Path samples, Dictionaries dict, long seed) {
        try {
            List<List<Line>> reports = new ArrayList<>();
            Path src = samples.resolve("units/src");
            List<Path> files;
            try (Stream<Path> s = Files.walk(src)) {
                files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
            }
            for (Path f : files) {
                String rel = src.relativize(f).toString().replace(".txt", ".tsv");
                List<String> text = Files.readAllLines(f, StandardCharsets.UTF_8);
                List<String> labels = Files.readAllLines(samples.resolve("units/labels").resolve(rel),
                        StandardCharsets.UTF_8);
                List<Line> lines = new ArrayList<>();
                for (String lab : labels) {
                    String[] c = lab.split("\t");
                    if (c.length < 2) {
                        continue;
                    }
                    String t = text.get(Integer.parseInt(c[0]) - 1).strip();
                    boolean heading = t.length() <= 30 && !t.contains("。") && !t.contains("，");
                    lines.add(new Line(t, Category.fromId(c[1]), heading));
                }
                reports.add(lines);
            }
            Map<String, String> templates = new TreeMap<>();
            try (Stream<Path> s = Files.list(samples.resolve("sources"))) {
                for (Path f : s.filter(p -> p.getFileName().toString().matches("s3-\\d-.*\\.txt")).sorted()
                        .toList()) {
                    templates.put("templates__" + f.getFileName(), Files.readString(f, StandardCharsets.UTF_8));
                }
            }
            return new SyntheticCorpus(reports, templates, new Segmenter(dict), seed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the samples in " + samples, e);
        }
    }

    /** @return the template documents (id, text, one paragraph per line) that planted template copies point into */
    public List<ReportDocument> templates() {
        List<ReportDocument> out = new ArrayList<>();
        for (int i = 0; i < templateIds.size(); i++) {
            String text = templateTexts.get(i);
            List<String> ps = List.of(text.split("\n", -1));
            out.add(document(templateIds.get(i), text, ps, Collections.nCopies(ps.size(), Category.OTHER),
                    Collections.nCopies(ps.size(), false), null, null, null, DocType.UNKNOWN));
        }
        return out;
    }

    /**
     * @param n number of reports, ≥ 0 (units of three years; the last unit may be cut short)
     * @return the reports, generated lazily, unit by unit
     */
    public Iterator<Report> reports(int n) {
        return new Iterator<>() {
            private final Deque<Report> pending = new ArrayDeque<>();
            private final Map<Integer, Deque<Report>> recent = new HashMap<>();
            private int produced;
            private int unit;

            @Override
            public boolean hasNext() {
                return produced < n;
            }

            @Override
            public Report next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                if (pending.isEmpty()) {
                    pending.addAll(unit(unit++, recent));
                }
                produced++;
                return pending.poll();
            }
        };
    }

    /** Where (part of) a paragraph came from: {@code [from, paragraph end)} of it is {@code to[toStart, toEnd)}. */
    private record Origin(Planted.Kind kind, int from, String to, int toStart, int toEnd) {
    }

    private List<Report> unit(int u, Map<Integer, Deque<Report>> recent) {
        Random rnd = new Random(seed * 1_000_003L + u);
        String unit = String.format(Locale.ROOT, "合成单位%06d党支部", u);
        String secretary = String.format(Locale.ROOT, "书记%06d", u);
        List<Line> outline = samples.get(rnd.nextInt(samples.size()));
        List<Report> out = new ArrayList<>();
        Report last = null;
        for (int year : YEARS) {
            if (year == 2025 && rnd.nextDouble() < 0.05) {
                secretary = String.format(Locale.ROOT, "新书记%06d", u);
            }
            String id = String.format(Locale.ROOT, "syn-%06d-%d", u, year);
            List<String> ps = new ArrayList<>();
            List<Category> cs = new ArrayList<>();
            List<Boolean> hs = new ArrayList<>();
            Map<Integer, List<Origin>> origins = new HashMap<>();
            for (int i = 0; i < outline.size(); i++) {
                Line l = outline.get(i);
                String text;
                if (i == 0) {
                    text = year + "年度" + unit + "书记抓基层党建工作述职报告";
                } else if (i == 1 && l.category() == Category.OTHER && l.text().length() <= 30) {
                    text = unit + "书记 " + secretary;
                } else if (l.heading() || l.text().length() <= 20) {
                    text = l.text();
                } else if (last != null && i < last.paragraphs().size() && !last.headings().get(i)
                        && rnd.nextDouble() < RECYCLE) {
                    text = rnd.nextBoolean() ? last.paragraphs().get(i) : numbers(last.paragraphs().get(i), rnd);
                    origins.put(i, new ArrayList<>(List.of(new Origin(Planted.Kind.RECYCLED, 0, last.id(),
                            last.start(i), last.start(i) + text.length()))));
                } else {
                    List<String> pool = byCategory.getOrDefault(l.category(), List.of(l.text()));
                    text = mutate(pool.get(rnd.nextInt(pool.size())), rnd);
                }
                ps.add(text);
                cs.add(l.category());
                hs.add(l.heading());
            }
            Deque<Report> peers = recent.computeIfAbsent(year, k -> new ArrayDeque<>());
            if (!peers.isEmpty() && rnd.nextDouble() < COLLEAGUE) {
                Report peer = List.copyOf(peers).get(rnd.nextInt(peers.size()));
                int p = body(peer.paragraphs(), peer.headings(), rnd);
                int q = body(ps, hs, rnd);
                if (p >= 0 && q >= 0) {
                    String text = rnd.nextBoolean() ? peer.paragraphs().get(p) : numbers(peer.paragraphs().get(p), rnd);
                    ps.set(q, text);
                    origins.put(q, new ArrayList<>(List.of(new Origin(Planted.Kind.COLLEAGUE, 0, peer.id(),
                            peer.start(p), peer.start(p) + text.length()))));
                }
            }
            if (!templateIds.isEmpty() && rnd.nextDouble() < TEMPLATE) {
                int t = rnd.nextInt(templateIds.size());
                List<String> ss = templateSentences.get(t);
                int q = body(ps, hs, rnd);
                int first = rnd.nextInt(ss.size());
                int count = 1 + rnd.nextInt(Math.min(3, ss.size() - first));
                StringBuilder copy = new StringBuilder();
                for (int x = first; x < first + count; x++) {
                    copy.append(ss.get(x));
                }
                int tStart = templateTexts.get(t).indexOf(copy.toString());
                if (q >= 0 && tStart >= 0) {
                    int at = ps.get(q).length();
                    ps.set(q, ps.get(q) + copy);
                    origins.computeIfAbsent(q, k -> new ArrayList<>()).add(new Origin(Planted.Kind.TEMPLATE, at,
                            templateIds.get(t), tStart, tStart + copy.length()));
                }
            }
            List<Planted> planted = new ArrayList<>();
            int offset = 0;
            for (int i = 0; i < ps.size(); i++) {
                for (Origin o : origins.getOrDefault(i, List.of())) {
                    int len = o.toEnd() - o.toStart();
                    planted.add(new Planted(o.kind(), id, offset + o.from(), offset + o.from() + len, o.to(),
                            o.toStart(), o.toEnd()));
                }
                offset += ps.get(i).length() + 1;
            }
            Report r = new Report(id, unit, secretary, year, List.copyOf(ps), List.copyOf(cs), List.copyOf(hs),
                    List.copyOf(planted));
            peers.addLast(r);
            if (peers.size() > 50) {
                peers.removeFirst();
            }
            out.add(r);
            last = r;
        }
        return out;
    }

    /** @return a random body paragraph (not the title lines, not a heading, longer than 20 characters), or -1 */
    private static int body(List<String> ps, List<Boolean> hs, Random rnd) {
        List<Integer> c = new ArrayList<>();
        for (int i = 2; i < ps.size(); i++) {
            if (!hs.get(i) && ps.get(i).length() > 20) {
                c.add(i);
            }
        }
        return c.isEmpty() ? -1 : c.get(rnd.nextInt(c.size()));
    }

    /** @return true for parts of speech that are swapped: everything but punctuation, numerals and unknown */
    private static boolean swappable(char pos) {
        return pos != 'w' && pos != 'm' && pos != 'x' && pos != 'q';
    }

    private String mutate(String text, Random rnd) {
        StringBuilder b = new StringBuilder(text.length());
        for (Token t : tokens.getOrDefault(text, List.of())) {
            char pos = t.pos().isEmpty() ? 'x' : t.pos().charAt(0);
            List<String> pool = wordsByPos.get(pos);
            if (pool != null && swappable(pos) && rnd.nextDouble() < SWAP) {
                b.append(pool.get(rnd.nextInt(pool.size())));
            } else {
                b.append(t.word());
            }
        }
        String swapped = b.length() == 0 ? text : b.toString();
        StringBuilder out = new StringBuilder(swapped.length());
        Matcher m = SENTENCE.matcher(swapped);
        while (m.find()) {
            String s = m.group();
            if (rnd.nextDouble() < REORDER && s.contains("，")) {
                String end = s.matches(".*[。；！？]") ? s.substring(s.length() - 1) : "";
                List<String> clauses = new ArrayList<>(List.of(s.substring(0, s.length() - end.length())
                        .split("，")));
                Collections.shuffle(clauses, rnd);
                s = String.join("，", clauses) + end;
            }
            out.append(s);
        }
        return numbers(out.toString(), rnd);
    }

    /** @return the text with every number that is not a year replaced by a random one of the same length */
    private static String numbers(String text, Random rnd) {
        Matcher m = NUMBER.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String d = m.group();
            boolean year = d.length() == 4 && d.startsWith("20");
            StringBuilder r = new StringBuilder();
            for (int i = 0; i < d.length(); i++) {
                r.append(i == 0 && d.length() > 1 ? (char) ('1' + rnd.nextInt(9)) : (char) ('0' + rnd.nextInt(10)));
            }
            m.appendReplacement(out, year ? d : r.toString());
        }
        m.appendTail(out);
        return out.toString();
    }

    private static ReportDocument document(String id, String text, List<String> ps, List<Category> cs,
                                           List<Boolean> hs, String unit, String secretary, Integer year,
                                           DocType type) {
        List<Paragraph> paragraphs = new ArrayList<>();
        int at = 0;
        for (int i = 0; i < ps.size(); i++) {
            String p = ps.get(i);
            paragraphs.add(new Paragraph(i, p, at, at + p.length(), hs.get(i), 0, List.of(), List.of(), cs.get(i), 1,
                    List.of(), Counts.ZERO));
            at += p.length() + 1;
        }
        Section whole = new Section(0, 0, "", "", new Span(0, text.length()), -1, List.of(), Section.KindOrigin.NONE, Counts.ZERO);
        Metadata meta = new Metadata(value(unit), value(secretary), value(year == null ? null : year.toString()),
                Map.of());
        return ReportDocument.of(id, id + ".txt", "", text.length())
                .withExtraction(new Extraction("text/plain", "UTF-8", 0, text.length(), List.of()), text)
                .withText(text, List.of(), List.of()).withMetadata(meta)
                .withDocType(new DocTypeDecision(type, 1, List.of())).withStructure(List.of(whole), paragraphs);
    }

    private static MetaValue value(String v) {
        return v == null ? MetaValue.NONE : new MetaValue(v, "manifest");
    }

    /**
     * Writes {@code n} reports as UTF-8 text files {@code <id>.txt} and a {@code manifest.csv} (file, unit,
     * secretary, year) into {@code dir}, plus the template pieces in a {@code templates/} folder marked as a template
     * library. For end-to-end benchmarks ({@code shuzhi analyze dir}).
     *
     * @throws UncheckedIOException if a file cannot be written
     */
    public void write(Path dir, int n) {
        try {
            Files.createDirectories(dir.resolve("templates"));
            Files.writeString(dir.resolve("templates/.shuzhi-templates"), "# synthetic benchmark templates\n",
                    StandardCharsets.UTF_8);
            for (int i = 0; i < templateIds.size(); i++) {
                Files.writeString(dir.resolve("templates").resolve(templateIds.get(i).replace("templates__", "")),
                        templateTexts.get(i), StandardCharsets.UTF_8);
            }
            StringBuilder manifest = new StringBuilder("file,unit,secretary,year\n");
            for (Iterator<Report> it = reports(n); it.hasNext(); ) {
                Report r = it.next();
                Files.writeString(dir.resolve(r.id() + ".txt"), r.text() + "\n", StandardCharsets.UTF_8);
                manifest.append(r.id()).append(".txt,").append(r.unit()).append(',').append(r.secretary())
                        .append(',').append(r.year()).append('\n');
            }
            Files.writeString(dir.resolve("manifest.csv"), manifest, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the synthetic corpus to " + dir, e);
        }
    }
}
