package org.shuzhi.pipeline.harness;

import org.shuzhi.pipeline.classify.*;
import org.shuzhi.pipeline.compare.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.shuzhi.pipeline.compare.CompareOptions;
import org.shuzhi.pipeline.compare.CorpusComparison;
import org.shuzhi.pipeline.compare.InMemoryTextStore;
import org.shuzhi.pipeline.compare.NormalizedText;
import org.shuzhi.pipeline.compare.ReportText;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.dict.TermList;
import org.shuzhi.pipeline.harness.RealCorpus;
import org.shuzhi.pipeline.extract.ExtractionLimits;
import org.shuzhi.pipeline.meta.Manifest;
import org.shuzhi.pipeline.model.Comparison;
import org.shuzhi.pipeline.model.Comparison.YearOverYearMatch;
import org.shuzhi.pipeline.model.MetaValue;
import org.shuzhi.pipeline.model.Metadata;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.model.SourceKind;
import org.shuzhi.pipeline.model.Span;
import org.shuzhi.pipeline.run.Pipeline;
import org.shuzhi.pipeline.run.Stages;

/**
 * The corpus comparison measured on the real-text plant set ({@link RealPlantSet}): its reports and templates are
 * analysed by the standard pipeline ({@link Pipeline#analyzeText}, unit, secretary and year given as a manifest
 * would), compared by {@link CorpusComparison} as {@code analyze} does, and scored against the planted truth:
 *
 * <ul>
 *   <li>recall per relation kind and edit type: a repeated problem (plan) is found when the comparison reports a
 *       repeated problem (plan) between the planted line and its source line; a copied or recycled line when
 *       passages from the right source cover at least half of its countable characters;</li>
 *   <li>precision per kind: year-over-year pairs that are neither planted nor a line of a recycled report in the
 *       same section are false; a passage is false when less than half of its countable characters lie in lines
 *       planted from its source;</li>
 *   <li>PAN character-level precision, recall, granularity and plagdet ({@link PanMetrics}) for copies of others'
 *       text (colleagues, templates) and for reuse of the unit's own earlier text (all repeated items and recycled
 *       lines);</li>
 *   <li>the reuse share ({@code recycledRatio}) of each recycled report against the share of its characters that
 *       were planted as reused;</li>
 *   <li>hard negatives linked (by a year-over-year match or a passage): should be none.</li>
 * </ul>
 * Countable characters are those the comparison counts: letters and digits outside official phrases, headings and
 * title lines.
 */
public final class RealPlantEvaluation {
    private static final String ID_PREFIX = "real-plants/";

    private RealPlantEvaluation() {
    }

    /**
     * The analysed plant set.
     *
     * @param set       the generated set
     * @param byName    report or template name → analysed document
     * @param lineSpans name → per line, its span in the cleaned text (null when it could not be located)
     */
    public record Corpus(RealPlantSet.Built set, Map<String, ReportDocument> byName, Map<String, Span[]> lineSpans) {
    }

    /** Recall of one relation kind and edit type. */
    public record Row(String kind, String edit, int cases, int found, List<String> missed) {
        /** @return found / cases (1 without cases) */
        public double recall() {
            return cases == 0 ? 1 : (double) found / cases;
        }
    }

    /** Precision of one kind of detection. */
    public record Precision(String kind, int detected, int correct, List<String> false_) {
        /** @return correct / detected (1 without detections) */
        public double precision() {
            return detected == 0 ? 1 : (double) correct / detected;
        }
    }

    /** The reuse share of a recycled report: planted and detected, 0–1. */
    public record Share(String report, double truth, double detected) {
    }

    /**
     * All figures.
     *
     * @param recall          per kind and edit type
     * @param precision       per kind of detection
     * @param copied          PAN, copies of others' text
     * @param own             PAN, reuse of own earlier text
     * @param shares          reuse shares of the recycled reports
     * @param negatives       hard negatives
     * @param negativesLinked of those, linked (names)
     * @param header          what the set is
     */
    public record Figures(List<Row> recall, List<Precision> precision, PanMetrics.Result copied,
                          PanMetrics.Result own, List<Share> shares, int negatives, List<String> negativesLinked,
                          String header) {

        /** @return the row of a kind and edit, or null */
        public Row row(String kind, String edit) {
            return recall.stream().filter(r -> r.kind().equals(kind) && r.edit().equals(edit)).findFirst()
                    .orElse(null);
        }

        /** @return pooled recall over the rows of the given kinds and edits */
        public double recall(Set<String> kinds, Set<String> edits) {
            int c = 0;
            int f = 0;
            for (Row r : recall) {
                if (kinds.contains(r.kind()) && edits.contains(r.edit())) {
                    c += r.cases();
                    f += r.found();
                }
            }
            return c == 0 ? 1 : (double) f / c;
        }

        /** @return the precision of a kind, or null */
        public Precision precision(String kind) {
            return precision.stream().filter(p -> p.kind().equals(kind)).findFirst().orElse(null);
        }

        /** @return the figures as printable lines (English, like the samples' table) */
        public List<String> lines() {
            List<String> l = new ArrayList<>();
            l.add(header);
            l.add("recall by relation and edit type                  cases found  recall");
            for (Row r : recall) {
                l.add(String.format(Locale.ROOT, "  %-47s %5d %5d  %.3f", r.kind() + " / " + r.edit(), r.cases(),
                        r.found(), r.recall()));
            }
            l.add("precision by kind                                 det   correct precision");
            for (Precision p : precision) {
                l.add(String.format(Locale.ROOT, "  %-47s %5d %5d  %.3f", p.kind(), p.detected(), p.correct(),
                        p.precision()));
            }
            l.add("copy detection, PAN character level (macro)      cases det  prec   rec    gran   plagdet");
            l.add(pan("  copied from others (colleagues, templates)", copied));
            l.add(pan("  reused from own earlier years", own));
            for (Share s : shares) {
                l.add(String.format(Locale.ROOT, "reuse share of recycled report %s: planted %.1f%%, detected %.1f%% "
                        + "(%+.1f points)", s.report(), s.truth() * 100, s.detected() * 100,
                        (s.detected() - s.truth()) * 100));
            }
            l.add("hard negatives linked: " + negativesLinked.size() + " of " + negatives);
            negativesLinked.forEach(n -> l.add("    " + n));
            for (Row r : recall) {
                if (!r.missed().isEmpty()) {
                    l.add("missed " + r.kind() + " / " + r.edit() + " (" + r.missed().size() + "):");
                    r.missed().forEach(m -> l.add("    " + m));
                }
            }
            for (Precision p : precision) {
                if (!p.false_().isEmpty()) {
                    l.add("false " + p.kind() + " (" + p.false_().size() + "):");
                    p.false_().forEach(m -> l.add("    " + m));
                }
            }
            return l;
        }

        private static String pan(String name, PanMetrics.Result r) {
            return String.format(Locale.ROOT, "%-48s %5d %4d  %.3f  %.3f  %.3f  %.3f", name, r.cases(),
                    r.detections(), r.precision(), r.recall(), r.granularity(), r.plagdet());
        }
    }

    /**
     * Builds and analyses the set when the real corpus is there.
     *
     * @param repoRoot the repository (the real corpus is looked up by {@link RealCorpus#locate})
     * @return empty when the real corpus is absent
     * @throws IOException if the real corpus cannot be read
     */
    public static Optional<Corpus> analyse(Path repoRoot, Dictionaries dict) throws IOException {
        Optional<Path> dir = RealCorpus.locate(repoRoot);
        if (dir.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(analyse(RealCorpus.load(dir.get()), dict, RealPlantSet.SEED));
    }

    /** Builds the set with a seed and analyses it with the standard pipeline. */
    public static Corpus analyse(RealCorpus real, Dictionaries dict, long seed) {
        RealPlantSet.Built set = RealPlantSet.build(real, dict.list(CorpusComparison.OFFICIAL_PHRASES), seed);
        Map<String, ReportDocument> byName = new TreeMap<>();
        Map<String, Span[]> spans = new TreeMap<>();
        try (Pipeline p = Pipeline.standard(dict, Manifest.empty(), ExtractionLimits.DEFAULT)) {
            for (RealPlantSet.Template t : set.templates()) {
                ReportDocument d = p.analyzeText(ID_PREFIX + t.name(), t.text());
                byName.put(t.name(), d);
                spans.put(t.name(), spans(d, t.lines()));
            }
            for (RealPlantSet.Report r : set.reports()) {
                ReportDocument d = p.analyzeText(ID_PREFIX + r.name().replace('/', '-'), r.text())
                        .withMetadata(new Metadata(new MetaValue(r.unit(), "manifest"),
                                new MetaValue(r.secretary(), "manifest"),
                                new MetaValue(String.valueOf(r.year()), "manifest"), Map.of()));
                byName.put(r.name(), d);
                spans.put(r.name(), spans(d, r.lines()));
            }
        }
        return new Corpus(set, byName, spans);
    }

    private static Span[] spans(ReportDocument d, List<String> lines) {
        int[] pl = Locator.paragraphLines(d.paragraphs(), lines);
        Span[] out = new Span[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            int hint = -1;
            for (int p = 0; p < pl.length; p++) {
                if (pl[p] == i + 1) {
                    hint = p;
                    break;
                }
            }
            out[i] = Locator.locate(d.text(), d.paragraphs(), lines.get(i).strip(), hint);
        }
        return out;
    }

    /** Runs the comparison on the analysed set and scores it. */
    public static Figures evaluate(Corpus corpus, Dictionaries dict, CompareOptions options) {
        CorpusComparison cc = new CorpusComparison(options, dict, new InMemoryTextStore());
        for (RealPlantSet.Template t : corpus.set().templates()) {
            cc.addTemplate(corpus.byName().get(t.name()));
        }
        for (RealPlantSet.Report r : corpus.set().reports()) {
            cc.add(corpus.byName().get(r.name()));
        }
        return new Run(corpus, dict.list(CorpusComparison.OFFICIAL_PHRASES), cc.compare()).figures();
    }

    private static final class Run {
        private final Corpus corpus;
        private final TermList official;
        private final Map<String, Comparison> result;
        private final Map<String, String> nameById = new HashMap<>();
        private final Map<String, BitSet> countable = new HashMap<>();
        private final Map<String, RealPlantSet.Report> reports = new HashMap<>();

        Run(Corpus corpus, TermList official, Map<String, Comparison> result) {
            this.corpus = corpus;
            this.official = official;
            this.result = result;
            corpus.byName().forEach((n, d) -> nameById.put(d.id(), n));
            corpus.set().reports().forEach(r -> reports.put(r.name(), r));
        }

        private BitSet countable(String name) {
            return countable.computeIfAbsent(name, k -> {
                ReportDocument d = corpus.byName().get(name);
                return NormalizedText.of(d.text(), ReportText.of(d).comparedMask(), official).countable();
            });
        }

        private BitSet chars(String name, int line) {
            Span s = corpus.lineSpans().get(name)[line];
            BitSet b = new BitSet();
            if (s != null) {
                b.set(s.start(), s.end());
            }
            b.and(countable(name));
            return b;
        }

        private BitSet chars(String name, Span s) {
            BitSet b = new BitSet();
            b.set(s.start(), s.end());
            b.and(countable(name));
            return b;
        }

        /** @return the 0-based line of a paragraph of a report, or -1 */
        private int lineOf(String name, int paragraph) {
            ReportDocument d = corpus.byName().get(name);
            if (paragraph < 0 || paragraph >= d.paragraphs().size()) {
                return -1;
            }
            Span p = d.paragraphs().get(paragraph).span();
            Span[] ls = corpus.lineSpans().get(name);
            for (int i = 0; i < ls.length; i++) {
                if (ls[i] != null && ls[i].start() < p.end() && p.start() < ls[i].end()) {
                    return i;
                }
            }
            return -1;
        }

        /** @return "problem", "plan" or "" for the section a line of a report stands in */
        private String section(String name, int line) {
            List<String> ls = reports.get(name).lines();
            String s = "";
            for (int i = 0; i <= line && i < ls.size(); i++) {
                String l = ls.get(i);
                if (l.equals("二、存在的问题")) {
                    s = "problem";
                } else if (l.equals("四、下一步打算")) {
                    s = "plan";
                } else if (l.equals("一、主要做法及成效") || l.equals("三、原因剖析")) {
                    s = "";
                }
            }
            return s;
        }

        Figures figures() {
            List<RealPlantSet.Plant> plants = corpus.set().plants();
            // detected year-over-year pairs
            Map<YearOverYearMatch.Kind, Set<String>> yoy = new LinkedHashMap<>();
            for (RealPlantSet.Report r : corpus.set().reports()) {
                for (YearOverYearMatch m : result.get(corpus.byName().get(r.name()).id()).yearOverYear()) {
                    String b = nameById.get(m.previousReportId());
                    yoy.computeIfAbsent(m.kind(), k -> new LinkedHashSet<>()).add(r.name() + ":"
                            + lineOf(r.name(), m.paragraph()) + " <- " + b + ":" + lineOf(b, m.previousParagraph()));
                }
            }
            // detected passages by kind, with their characters
            List<Det> dets = new ArrayList<>();
            for (RealPlantSet.Report r : corpus.set().reports()) {
                for (Comparison.CopiedPassage p : result.get(corpus.byName().get(r.name()).id()).passages()) {
                    String src = nameById.get(p.sourceId());
                    dets.add(new Det(r.name(), src, p.sourceKind(), chars(r.name(), p.span()),
                            chars(src, p.sourceSpan()), p.text()));
                }
            }
            List<Row> rows = new ArrayList<>();
            Map<String, List<RealPlantSet.Plant>> byKindEdit = new TreeMap<>();
            for (RealPlantSet.Plant p : plants) {
                byKindEdit.computeIfAbsent(p.kind() + "\t" + p.edit(), k -> new ArrayList<>()).add(p);
            }
            List<String> order = List.of("repeated-problem", "repeated-plan", "recycled", "colleague", "template");
            for (String kind : order) {
                List<String> edits = new ArrayList<>(RealPlantSet.EDITS);
                edits.addAll(List.of("short-line", "years-moved", "evidence", "no-evidence"));
                for (String edit : edits) {
                    List<RealPlantSet.Plant> ps = byKindEdit.get(kind + "\t" + edit);
                    if (ps == null) {
                        continue;
                    }
                    int found = 0;
                    List<String> missed = new ArrayList<>();
                    for (RealPlantSet.Plant p : ps) {
                        if (countable(p).isEmpty()) {
                            continue; // a heading or title line of a recycled report: nothing to find
                        }
                        boolean ok = kind.startsWith("repeated-")
                                ? yoy.getOrDefault(kind.equals("repeated-problem")
                                        ? YearOverYearMatch.Kind.REPEATED_PROBLEM : YearOverYearMatch.Kind.REPEATED_PLAN,
                                        Set.of()).contains(key(p))
                                : covered(p, dets);
                        if (ok) {
                            found++;
                        } else {
                            missed.add(key(p) + " «" + abbreviate(reports.get(p.report()).lines().get(p.line())) + "»");
                        }
                    }
                    rows.add(new Row(kind, edit, found + missed.size(), found, missed));
                }
            }
            List<Precision> precision = new ArrayList<>();
            precision.add(yoyPrecision("repeated problems (pairs)", YearOverYearMatch.Kind.REPEATED_PROBLEM,
                    "repeated-problem", "problem", yoy, plants));
            precision.add(yoyPrecision("repeated plans (pairs)", YearOverYearMatch.Kind.REPEATED_PLAN,
                    "repeated-plan", "plan", yoy, plants));
            for (SourceKind k : SourceKind.values()) {
                precision.add(passagePrecision("passages " + k.id(), k, dets, plants));
            }
            PanMetrics.Result copied = PanMetrics.evaluate(cases(plants, Set.of("colleague", "template")),
                    PanMetrics.distinct(dets.stream().filter(d -> d.kind().others()).map(Det::passage).toList()));
            PanMetrics.Result own = PanMetrics.evaluate(cases(plants, Set.of("repeated-problem", "repeated-plan",
                    "recycled")), PanMetrics.distinct(dets.stream().filter(d -> d.kind() == SourceKind.OWN_EARLIER_YEAR)
                    .map(Det::passage).toList()));
            List<Share> shares = new ArrayList<>();
            Map<String, BitSet> recycled = new TreeMap<>();
            for (RealPlantSet.Plant p : plants) {
                if (p.kind().equals("recycled")) {
                    recycled.computeIfAbsent(p.report(), k -> new BitSet()).or(chars(p.report(), p.line()));
                }
            }
            recycled.forEach((name, b) -> {
                ReportDocument d = corpus.byName().get(name);
                shares.add(new Share(name, (double) b.cardinality() / Stages.charCount(d.text()),
                        result.get(d.id()).copyStats().recycledRatio()));
            });
            List<String> linked = new ArrayList<>();
            int negatives = 0;
            for (RealPlantSet.Plant p : plants) {
                if (!p.kind().equals("negative")) {
                    continue;
                }
                negatives++;
                boolean viaYoy = yoy.values().stream().anyMatch(s -> s.contains(key(p)));
                BitSet a = chars(p.report(), p.line());
                BitSet b = chars(p.source(), p.sourceLine());
                boolean viaPassage = dets.stream().anyMatch(d -> d.report().equals(p.report())
                        && d.source().equals(p.source()) && d.chars().intersects(a) && d.sourceChars().intersects(b));
                if (viaYoy || viaPassage) {
                    linked.add(p.edit() + " " + key(p) + (viaYoy ? " (year over year)" : " (passage)"));
                }
            }
            String header = String.format(Locale.ROOT, "real-text plant set (seed %d): %d reports of %d units × %d "
                    + "years, %d templates, %d real paragraphs drawn, %d plants; edits are rule-made",
                    RealPlantSet.SEED, corpus.set().reports().size(),
                    corpus.set().reports().stream().map(RealPlantSet.Report::unit).distinct().count(),
                    corpus.set().reports().stream().map(RealPlantSet.Report::year).distinct().count(),
                    corpus.set().templates().size(), corpus.set().paragraphsUsed(), plants.size());
            return new Figures(rows, precision, copied, own, shares, negatives, linked, header);
        }

        private BitSet countable(RealPlantSet.Plant p) {
            return chars(p.report(), p.line());
        }

        private static String key(RealPlantSet.Plant p) {
            return p.report() + ":" + p.line() + " <- " + p.source() + ":" + p.sourceLine();
        }

        /** A detected passage: report, source, kind, countable characters on both sides. */
        private record Det(String report, String source, SourceKind kind, BitSet chars, BitSet sourceChars,
                           String text) {
            PanMetrics.Passage passage() {
                return PanMetrics.Passage.of(report, chars, source, sourceChars, kind.id() + " " + report + " <- "
                        + source + " «" + abbreviate(text) + "»");
            }
        }

        /** @return true when passages from the plant's source cover at least half of its countable characters */
        private boolean covered(RealPlantSet.Plant p, List<Det> dets) {
            BitSet want = chars(p.report(), p.line());
            BitSet got = new BitSet();
            for (Det d : dets) {
                if (d.report().equals(p.report()) && d.source().equals(p.source())) {
                    got.or(d.chars());
                }
            }
            got.and(want);
            return !want.isEmpty() && got.cardinality() * 2 >= want.cardinality();
        }

        private Precision yoyPrecision(String name, YearOverYearMatch.Kind kind, String plantKind, String section,
                                       Map<YearOverYearMatch.Kind, Set<String>> yoy,
                                       List<RealPlantSet.Plant> plants) {
            Set<String> allowed = new LinkedHashSet<>();
            for (RealPlantSet.Plant p : plants) {
                if (p.kind().equals(plantKind) || (p.kind().equals("recycled")
                        && section(p.report(), p.line()).equals(section))) {
                    allowed.add(key(p));
                }
            }
            Set<String> detected = yoy.getOrDefault(kind, Set.of());
            List<String> false_ = new ArrayList<>();
            for (String d : detected) {
                if (!allowed.contains(d)) {
                    false_.add(d + " «" + abbreviate(lineText(d)) + "»");
                }
            }
            return new Precision(name, detected.size(), detected.size() - false_.size(), false_);
        }

        private String lineText(String key) {
            String a = key.substring(0, key.indexOf(' '));
            int line = Integer.parseInt(a.substring(a.lastIndexOf(':') + 1));
            RealPlantSet.Report r = reports.get(a.substring(0, a.lastIndexOf(':')));
            return line < 0 ? "?" : r.lines().get(line);
        }

        private Precision passagePrecision(String name, SourceKind kind, List<Det> dets,
                                           List<RealPlantSet.Plant> plants) {
            int n = 0;
            int ok = 0;
            List<String> false_ = new ArrayList<>();
            for (Det d : dets) {
                if (d.kind() != kind || d.chars().isEmpty()) {
                    continue;
                }
                n++;
                BitSet planted = new BitSet();
                for (RealPlantSet.Plant p : plants) {
                    if (p.kind().equals("negative")) {
                        continue;
                    }
                    if (p.report().equals(d.report()) && p.source().equals(d.source())) {
                        planted.or(chars(p.report(), p.line()));
                    } else if (kind == SourceKind.COLLEAGUE_SAME_YEAR && p.kind().equals("colleague")
                            && p.source().equals(d.report()) && p.report().equals(d.source())) {
                        planted.or(chars(p.source(), p.sourceLine())); // direction is not decided here
                    }
                }
                planted.and(d.chars());
                if (planted.cardinality() * 2 >= d.chars().cardinality()) {
                    ok++;
                } else {
                    false_.add(d.report() + " <- " + d.source() + " «" + abbreviate(d.text()) + "»");
                }
            }
            return new Precision(name, n, ok, false_);
        }

        private List<PanMetrics.Passage> cases(List<RealPlantSet.Plant> plants, Set<String> kinds) {
            List<PanMetrics.Passage> out = new ArrayList<>();
            for (RealPlantSet.Plant p : plants) {
                if (kinds.contains(p.kind())) {
                    BitSet a = chars(p.report(), p.line());
                    if (!a.isEmpty()) {
                        out.add(PanMetrics.Passage.of(p.report(), a, p.source(), chars(p.source(), p.sourceLine()),
                                p.kind() + "/" + p.edit() + " " + key(p)));
                    }
                }
            }
            return out;
        }

        private static String abbreviate(String s) {
            String t = s.replace('\n', '/');
            return t.length() <= 40 ? t : t.substring(0, 40) + "…";
        }
    }
}
