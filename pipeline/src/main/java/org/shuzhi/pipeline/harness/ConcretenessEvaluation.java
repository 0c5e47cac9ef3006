package org.shuzhi.pipeline.harness;

import org.shuzhi.pipeline.classify.*;
import org.shuzhi.pipeline.compare.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.dict.TermList;
import org.shuzhi.pipeline.dict.TextFold;
import org.shuzhi.pipeline.extract.ExtractionLimits;
import org.shuzhi.pipeline.extract.Extractor;
import org.shuzhi.pipeline.meta.Manifest;
import org.shuzhi.pipeline.model.Features;
import org.shuzhi.pipeline.model.Paragraph;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.model.Sentence;
import org.shuzhi.pipeline.model.TermMatch;
import org.shuzhi.pipeline.run.Pipeline;
import org.shuzhi.pipeline.run.Stages;

/**
 * Concreteness detection measured on hand-labelled spans of real paragraphs ({@value #LABELS}, rules in the README
 * beside it): every labelled paragraph is analysed alone through the pipeline's analysis stages (clean → … →
 * features, the code path of a real run), its vague and concrete hits are mapped back from the cleaned text to the
 * paragraph's own UTF-16 offsets, and compared with the gold spans.
 *
 * <ul>
 *   <li>A gold span is <b>found</b> when a detected span of the same kind overlaps it (recall).</li>
 *   <li>A detected span is <b>correct</b> when it overlaps a gold span of the same kind (precision).</li>
 *   <li>Vague hits in scope: {@code vague-terms} groups {@value #VAGUE_GROUPS_TEXT} and {@code empty-phrases}
 *       groups {@value #EMPTY_GROUPS_TEXT}. Forward, degree and modal hedges (进一步, 不够, 基本) are out of the
 *       labels' scope and not counted.</li>
 *   <li>Concrete hits: every {@link Features#numbers()} and {@link Features#entities()} hit.</li>
 *   <li><b>False evidence</b>: a concrete hit that overlaps no gold concrete span but overlaps a slogan (an
 *       {@code official-phrases} hit, e.g. 四个意识, 三会一课) or a placeholder (a {@code placeholders} hit or a run
 *       of x/X/×/＊, e.g. x次, ×名, XX村, **同志).</li>
 * </ul>
 * Halves: pages with an odd number (RD001 …) are the dev half, even numbers the held-out half.
 */
public final class ConcretenessEvaluation implements AutoCloseable {
    /** The span labels, relative to the repository root. */
    public static final String LABELS = "corpus-samples/real-spans/concreteness.tsv";
    /** The labelled paragraphs (also those without spans), relative to the repository root. */
    public static final String PARAGRAPHS = "corpus-samples/real-spans/concreteness-paragraphs.txt";
    static final String VAGUE_GROUPS_TEXT = "forbidden, who, frequency, extent";
    static final String EMPTY_GROUPS_TEXT = "performance, caution, generic, slogan";
    private static final Set<String> VAGUE_GROUPS = Set.of(VAGUE_GROUPS_TEXT.split(", "));
    private static final Set<String> EMPTY_GROUPS = Set.of(EMPTY_GROUPS_TEXT.split(", "));
    private static final Pattern MASKED = Pattern.compile("[xX×＊*ｘＸ]+");

    /** The two kinds of span. */
    public enum Kind { VAGUE, CONCRETE }

    /**
     * A labelled span.
     *
     * @param start   UTF-16 offset into the paragraph's text, inclusive
     * @param end     exclusive
     * @param subtype quantifier/boilerplate, or quantity/percent/date/title/programme/person/place/org
     */
    public record Gold(String paragraphId, int start, int end, Kind kind, String subtype) {
    }

    /**
     * A detected span in the paragraph's own offsets.
     *
     * @param subtype the hit's group (forbidden, performance, count, date, person …)
     */
    public record Detected(int start, int end, Kind kind, String subtype) {
        boolean overlaps(int s, int e) {
            return start < e && s < end;
        }
    }

    /** Counts of one row. */
    public record Tally(int gold, int found, int detected, int correct) {
        Tally plusGold(boolean f) {
            return new Tally(gold + 1, found + (f ? 1 : 0), detected, correct);
        }

        Tally plusDetected(boolean c) {
            return new Tally(gold, found, detected + 1, correct + (c ? 1 : 0));
        }

        /** @return found / gold, or NaN without gold spans */
        public double recall() {
            return gold == 0 ? Double.NaN : (double) found / gold;
        }

        /** @return correct / detected, or NaN without detections */
        public double precision() {
            return detected == 0 ? Double.NaN : (double) correct / detected;
        }
    }

    /**
     * The figures of one half.
     *
     * @param kinds         per kind
     * @param goldSubtypes  recall per gold subtype ("vague/quantifier" …)
     * @param hitSubtypes   precision per detected group ("concrete/count" …)
     * @param falseEvidence concrete hits on slogans or placeholders
     * @param falseExamples up to 10 of them as paragraph id and offsets (never the text)
     * @param missed        gold spans not found, as {@code id⇥start⇥end⇥kind⇥subtype}
     * @param spurious      detected spans overlapping no gold span of their kind, in the same form
     */
    public record Half(String name, int paragraphs, Map<Kind, Tally> kinds, Map<String, Tally> goldSubtypes,
                       Map<String, Tally> hitSubtypes, int falseEvidence, List<String> falseExamples,
                       List<String> missed, List<String> spurious) {
    }

    private final Dictionaries dict;
    private final Pipeline analysis;
    private final TermList slogans;
    private final TermList placeholders;

    public ConcretenessEvaluation(Dictionaries dict) {
        this.dict = dict;
        this.analysis = new Pipeline(new Extractor(ExtractionLimits.DEFAULT,
                dict.list(Dictionaries.BOILERPLATE_LINES)), Stages.analysis(dict, Manifest.empty()));
        this.slogans = dict.list("official-phrases");
        this.placeholders = dict.list(Dictionaries.PLACEHOLDERS);
    }

    /**
     * @param repoRoot the repository (holding {@value #LABELS})
     * @param real     the real-text folder ({@link RealCorpus#locate})
     * @return dev and held-out figures, in that order
     * @throws IOException if a file cannot be read, or a label names an unknown paragraph or lies outside its text
     */
    public List<Half> evaluate(Path repoRoot, Path real) throws IOException {
        RealCorpus corpus = RealCorpus.load(real);
        Map<String, RealCorpus.Paragraph> byId = new LinkedHashMap<>();
        corpus.paragraphs().forEach(p -> byId.put(p.id(), p));
        Set<String> ids = new LinkedHashSet<>();
        for (String line : Files.readAllLines(repoRoot.resolve(PARAGRAPHS), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                ids.add(line.strip());
            }
        }
        Map<String, List<Gold>> gold = readGold(repoRoot.resolve(LABELS), byId);
        List<Half> out = new ArrayList<>();
        for (boolean dev : new boolean[] {true, false}) {
            List<RealCorpus.Paragraph> ps = new ArrayList<>();
            for (String id : ids) {
                RealCorpus.Paragraph p = byId.get(id);
                if (p == null) {
                    throw new IOException(PARAGRAPHS + ": unknown paragraph " + id);
                }
                if (isDev(p.docId()) == dev) {
                    ps.add(p);
                }
            }
            out.add(score(dev ? "dev" : "held-out", ps, gold));
        }
        return out;
    }

    /** @return true for the dev half: pages with an odd number */
    static boolean isDev(String docId) {
        return Integer.parseInt(docId.replaceAll("\\D", "")) % 2 == 1;
    }

    private Half score(String name, List<RealCorpus.Paragraph> ps, Map<String, List<Gold>> goldById) {
        Map<Kind, Tally> kinds = new TreeMap<>();
        Map<String, Tally> goldSub = new TreeMap<>();
        Map<String, Tally> hitSub = new TreeMap<>();
        Tally zero = new Tally(0, 0, 0, 0);
        int falseEvidence = 0;
        List<String> examples = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        List<String> spurious = new ArrayList<>();
        for (RealCorpus.Paragraph p : ps) {
            List<Gold> gold = goldById.getOrDefault(p.id(), List.of());
            List<Detected> hits = detect(p.id(), p.text());
            for (Gold g : gold) {
                boolean f = hits.stream().anyMatch(h -> h.kind() == g.kind() && h.overlaps(g.start(), g.end()));
                kinds.merge(g.kind(), zero.plusGold(f), ConcretenessEvaluation::sum);
                goldSub.merge(key(g.kind(), g.subtype()), zero.plusGold(f), ConcretenessEvaluation::sum);
                if (!f) {
                    missed.add(String.join("\t", p.id(), "" + g.start(), "" + g.end(), key(g.kind(), g.subtype())));
                }
            }
            List<int[]> notEvidence = notEvidence(p.text());
            for (Detected h : hits) {
                boolean c = gold.stream().anyMatch(g -> g.kind() == h.kind() && h.overlaps(g.start(), g.end()));
                kinds.merge(h.kind(), zero.plusDetected(c), ConcretenessEvaluation::sum);
                hitSub.merge(key(h.kind(), h.subtype()), zero.plusDetected(c), ConcretenessEvaluation::sum);
                if (!c) {
                    spurious.add(String.join("\t", p.id(), "" + h.start(), "" + h.end(), key(h.kind(), h.subtype())));
                }
                if (h.kind() == Kind.CONCRETE && !c && notEvidence.stream().anyMatch(r -> h.overlaps(r[0], r[1]))) {
                    falseEvidence++;
                    if (examples.size() < 10) {
                        examples.add(p.id() + ":" + h.start() + "-" + h.end());
                    }
                }
            }
        }
        return new Half(name, ps.size(), kinds, goldSub, hitSub, falseEvidence, List.copyOf(examples),
                List.copyOf(missed), List.copyOf(spurious));
    }

    private static Tally sum(Tally a, Tally b) {
        return new Tally(a.gold() + b.gold(), a.found() + b.found(), a.detected() + b.detected(),
                a.correct() + b.correct());
    }

    private static String key(Kind k, String subtype) {
        return k.name().toLowerCase(Locale.ROOT) + "/" + subtype;
    }

    /** @return slogan and placeholder ranges of {@code text} (official phrases, placeholders, x/×/＊ runs) */
    private List<int[]> notEvidence(String text) {
        String folded = TextFold.fold(text);
        List<int[]> out = new ArrayList<>();
        for (TermMatch m : slogans.find(folded, 0, folded.length())) {
            out.add(new int[] {m.span().start(), m.span().end()});
        }
        for (TermMatch m : placeholders.find(folded, 0, folded.length())) {
            out.add(new int[] {m.span().start(), m.span().end()});
        }
        Matcher m = MASKED.matcher(text);
        while (m.find()) {
            out.add(new int[] {Math.max(0, m.start() - 1), Math.min(text.length(), m.end() + 2)});
        }
        return out;
    }

    /**
     * Runs the analysis stages on one paragraph and returns its in-scope hits in the paragraph's own offsets.
     *
     * @param id   a document id
     * @param text the paragraph as found
     */
    public List<Detected> detect(String id, String text) {
        ReportDocument d = analysis.analyzeText(id, text);
        int[] map = align(text, d.text());
        List<Detected> out = new ArrayList<>();
        for (Paragraph p : d.paragraphs()) {
            for (Sentence s : p.sentences()) {
                Features f = s.features();
                for (TermMatch m : f.vagueTerms()) {
                    if (VAGUE_GROUPS.contains(m.group())) {
                        out.add(mapped(m, Kind.VAGUE, map));
                    }
                }
                for (TermMatch m : f.emptyPhrases()) {
                    if (EMPTY_GROUPS.contains(m.group())) {
                        out.add(mapped(m, Kind.VAGUE, map));
                    }
                }
                f.numbers().forEach(m -> out.add(mapped(m, Kind.CONCRETE, map)));
                f.entities().forEach(m -> out.add(mapped(m, Kind.CONCRETE, map)));
            }
        }
        return out;
    }

    private static Detected mapped(TermMatch m, Kind kind, int[] map) {
        int s = map[m.span().start()];
        int e = Math.max(s + 1, map[m.span().end() - 1] + 1);
        return new Detected(s, e, kind, m.group());
    }

    /**
     * Aligns the cleaned text with the original by edit distance (substitutions such as traditional → simplified
     * keep their place; removed noise and trimmed spaces shift it).
     *
     * @return for each UTF-16 index of {@code cleaned}, the index of the original character it stands for (an
     *         inserted character maps to the next original one)
     */
    static int[] align(String raw, String cleaned) {
        int n = raw.length();
        int m = cleaned.length();
        int[] map = new int[m + 1];
        if (raw.equals(cleaned) || n == m) {
            for (int j = 0; j <= m; j++) {
                map[j] = Math.min(j, n);
            }
            return map;
        }
        int[][] cost = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            cost[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            cost[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int sub = cost[i - 1][j - 1] + (raw.charAt(i - 1) == cleaned.charAt(j - 1) ? 0 : 1);
                cost[i][j] = Math.min(sub, Math.min(cost[i - 1][j], cost[i][j - 1]) + 1);
            }
        }
        int i = n;
        int j = m;
        map[m] = n;
        while (j > 0) {
            if (i > 0 && cost[i][j] == cost[i - 1][j - 1] + (raw.charAt(i - 1) == cleaned.charAt(j - 1) ? 0 : 1)) {
                map[j - 1] = i - 1;
                i--;
                j--;
            } else if (i > 0 && cost[i][j] == cost[i - 1][j] + 1) {
                i--;
            } else {
                map[j - 1] = Math.min(i, n);
                j--;
            }
        }
        return map;
    }

    private static Map<String, List<Gold>> readGold(Path file, Map<String, RealCorpus.Paragraph> byId)
            throws IOException {
        Map<String, List<Gold>> out = new LinkedHashMap<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t");
            RealCorpus.Paragraph p = byId.get(c.length == 5 ? c[0] : "");
            if (p == null) {
                throw new IOException(file + ":" + lineNo + ": expected id⇥start⇥end⇥kind⇥subtype with a known id");
            }
            int s = Integer.parseInt(c[1]);
            int e = Integer.parseInt(c[2]);
            if (s < 0 || e <= s || e > p.text().length()) {
                throw new IOException(file + ":" + lineNo + ": span " + s + "-" + e + " outside " + p.id());
            }
            out.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(new Gold(p.id(), s, e,
                    Kind.valueOf(c[3].toUpperCase(Locale.ROOT)), c[4]));
        }
        return out;
    }

    /** @return the halves as a plain-text table (Chinese headers, English keys) */
    public static String table(List<Half> halves) {
        StringBuilder b = new StringBuilder();
        for (Half h : halves) {
            b.append(String.format(Locale.ROOT, "== %s（%d 段）==%n", h.name(), h.paragraphs()));
            b.append(String.format(Locale.ROOT, "%-24s %6s %6s %7s %6s %6s %7s%n", "类别", "标注", "命中", "召回率",
                    "检出", "正确", "精确率"));
            h.kinds().forEach((k, t) -> b.append(row(k.name().toLowerCase(Locale.ROOT), t)));
            b.append("-- 按标注子类（召回率）--\n");
            h.goldSubtypes().forEach((k, t) -> b.append(row(k, t)));
            b.append("-- 按检出分组（精确率）--\n");
            h.hitSubtypes().forEach((k, t) -> b.append(row(k, t)));
            b.append(String.format(Locale.ROOT, "口号或占位符被当作具体证据：%d %s%n%n", h.falseEvidence(),
                    h.falseExamples()));
        }
        return b.toString();
    }

    private static String row(String key, Tally t) {
        return String.format(Locale.ROOT, "%-24s %6d %6d %7s %6d %6d %7s%n", key, t.gold(), t.found(), pct(t.recall()),
                t.detected(), t.correct(), pct(t.precision()));
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    @Override
    public void close() {
        analysis.close();
    }
}
