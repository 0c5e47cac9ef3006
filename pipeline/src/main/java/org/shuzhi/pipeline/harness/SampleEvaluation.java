package org.shuzhi.pipeline.harness;

import org.shuzhi.pipeline.classify.*;
import org.shuzhi.pipeline.compare.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.shuzhi.pipeline.compare.CompareOptions;
import org.shuzhi.pipeline.compare.CorpusComparison;
import org.shuzhi.pipeline.compare.InMemoryTextStore;
import org.shuzhi.pipeline.compare.NormalizedText;
import org.shuzhi.pipeline.compare.ReportText;
import org.shuzhi.pipeline.compare.TemplateLibrary;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.dict.TermList;
import org.shuzhi.pipeline.extract.ExtractionLimits;
import org.shuzhi.pipeline.meta.Manifest;
import org.shuzhi.pipeline.model.Comparison;
import org.shuzhi.pipeline.model.Comparison.YearOverYearMatch;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.model.SourceKind;
import org.shuzhi.pipeline.model.Span;
import org.shuzhi.pipeline.run.Batch;
import org.shuzhi.pipeline.run.InputFiles;
import org.shuzhi.pipeline.run.Pipeline;

/**
 * The corpus comparison measured against the planted ground truth of {@code corpus-samples/units/relations.tsv}
 * (format: {@code corpus-samples/units/README.md}). The 36 rendered reports of {@code units/} are analysed by the
 * standard pipeline as {@code analyze} would, the template library is the {@code .shuzhi-templates} folder of
 * {@code corpus-samples/} (the 003 seed pieces), and the comparison runs on them. Measured:
 *
 * <ul>
 *   <li>copied passages from others ({@code copied-colleague-*}, {@code copied-template-*}) and from the unit's own
 *       earlier reports ({@code repeated-problem-*}, {@code repeated-plan}, {@code recycled-report}): PAN
 *       character-level precision, recall, granularity and plagdet ({@link PanMetrics}) over the characters that
 *       count (letters and digits outside official phrases, headings and title lines). The ground truth is closed
 *       under composition: a passage a report took from its own last year, which that report had copied from a
 *       template, is also a copy of the template;</li>
 *   <li>repeated problems, repeated plans, plans kept, anachronisms: precision and recall of (report, line) pairs; a
 *       detection that composes two planted pairs (2025 → 2024 → 2023) is not counted as false;</li>
 *   <li>links across years (all reports of a unit, including the secretary change of {@code jc-univ-foreign}), and
 *       the coverage of last year's problems in reports that have no rectification statement.</li>
 * </ul>
 */
public final class SampleEvaluation {
    private static final Set<String> OWN_VERBATIM = Set.of("repeated-problem-verbatim", "repeated-plan",
            "recycled-report");

    private SampleEvaluation() {
    }

    /** A row of relations.tsv. */
    public record Relation(String kind, String from, String fromLine, String fromText, String to, String toLine,
                           String toText, String note) {
        boolean whole() {
            return fromLine.equals("*");
        }
    }

    /**
     * The analysed samples.
     *
     * @param reports   the 36 reports
     * @param templates the template texts
     * @param byName    report ({@code unit/year}) or template ({@code seed-003#N}) name → document
     * @param lines     report name → lines of its source file
     * @param relations the ground truth
     */
    public record Corpus(List<ReportDocument> reports, List<ReportDocument> templates,
                         Map<String, ReportDocument> byName, Map<String, List<String>> lines,
                         List<Relation> relations) {
    }

    /**
     * Precision and recall of pairs.
     *
     * @param expected  planted pairs
     * @param detected  detected pairs
     * @param found     planted pairs detected
     * @param precision 0–1 (1 when nothing was detected)
     * @param recall    0–1
     * @param missed    planted pairs not detected
     * @param false_    detected pairs that are neither planted nor a composition of planted pairs
     */
    public record PairScore(int expected, int detected, int found, double precision, double recall,
                            List<String> missed, List<String> false_) {
    }

    /**
     * All figures.
     *
     * @param copied           copies of others' text (colleagues, templates)
     * @param recycled         text from the unit's own earlier reports
     * @param recycledVerbatim recall over the verbatim own-year cases only
     * @param recycledParaphrase recall over the paraphrased repeated problems only
     * @param repeatedProblems problem pairs
     * @param repeatedPlans    plan pairs
     * @param plansKept        plan → achievement pairs
     * @param anachronisms     (report, line) findings
     * @param links            directed links between the reports of a unit
     * @param coverageChecked  previous-year problems checked against reports without a rectification statement
     * @param coverageWrong    of those, marked addressed (should be none)
     * @param coverageAddressed share of previous-year problems marked addressed over all reports with a previous year
     * @param summary          the comparison's summary
     * @param notes            further observations (secretary change)
     */
    public record Figures(PanMetrics.Result copied, PanMetrics.Result recycled, PanMetrics.Result recycledVerbatim,
                          PanMetrics.Result recycledParaphrase, PairScore repeatedProblems, PairScore repeatedPlans,
                          PairScore plansKept, PairScore anachronisms, PairScore links, int coverageChecked,
                          int coverageWrong, double coverageAddressed, CorpusComparison.Summary summary,
                          List<String> notes) {

        /** @return the figures as printable lines (English, for the closing note and the command) */
        public List<String> lines() {
            List<String> l = new ArrayList<>();
            l.add("copy detection, PAN character level (macro)      cases det  prec   rec    gran   plagdet");
            l.add(pan("  copied from others (colleagues, templates)", copied));
            l.add(pan("  recycled from own earlier years", recycled));
            l.add(pan("    of which verbatim cases (recall)", recycledVerbatim));
            l.add(pan("    of which paraphrased problems (recall)", recycledParaphrase));
            l.add("year over year, (report, line) pairs              exp   det  found  prec   rec");
            l.add(pair("  repeated problems", repeatedProblems));
            l.add(pair("  repeated plans", repeatedPlans));
            l.add(pair("  plans kept (plan -> achievement)", plansKept));
            l.add(pair("  anachronisms", anachronisms));
            l.add(pair("  links across years (directed)", links));
            l.add(String.format(Locale.ROOT, "coverage: %.0f%% of last year's problems addressed over all reports with "
                    + "a previous year; %d problems checked in reports without a rectification statement, %d wrongly "
                    + "marked addressed", coverageAddressed * 100, coverageChecked, coverageWrong));
            l.addAll(notes);
            detail(l, "missed copies", copied.missed());
            detail(l, "false copies", copied.falseAlarms());
            detail(l, "missed recycled", recycled.missed());
            detail(l, "false recycled", recycled.falseAlarms());
            detail(l, "missed repeated problems", repeatedProblems.missed());
            detail(l, "false repeated problems", repeatedProblems.false_());
            detail(l, "missed repeated plans", repeatedPlans.missed());
            detail(l, "false repeated plans", repeatedPlans.false_());
            detail(l, "missed plans kept", plansKept.missed());
            detail(l, "false plans kept", plansKept.false_());
            detail(l, "missed anachronisms", anachronisms.missed());
            detail(l, "false anachronisms", anachronisms.false_());
            detail(l, "missed links", links.missed());
            detail(l, "false links", links.false_());
            return l;
        }

        private static String pan(String name, PanMetrics.Result r) {
            return String.format(Locale.ROOT, "%-48s %5d %4d  %.3f  %.3f  %.3f  %.3f", name, r.cases(),
                    r.detections(), r.precision(), r.recall(), r.granularity(), r.plagdet());
        }

        private static String pair(String name, PairScore p) {
            return String.format(Locale.ROOT, "%-48s %4d  %4d  %4d  %.3f  %.3f", name, p.expected(), p.detected(),
                    p.found(), p.precision(), p.recall());
        }

        private static void detail(List<String> l, String title, List<String> items) {
            if (!items.isEmpty()) {
                l.add(title + " (" + items.size() + "):");
                items.forEach(i -> l.add("    " + i));
            }
        }
    }

    /**
     * Analyses the samples with the standard pipeline.
     *
     * @param samples the {@code corpus-samples/} folder
     * @throws IOException if a file of the ground truth cannot be read
     */
    public static Corpus analyse(Path samples, Dictionaries dict, int threads)
            throws IOException, InterruptedException {
        Manifest manifest = Manifest.load(samples);
        List<ReportDocument> reports = new ArrayList<>();
        List<ReportDocument> templates = new ArrayList<>();
        try (Pipeline pipeline = Pipeline.standard(dict, manifest, ExtractionLimits.DEFAULT)) {
            InputFiles.Listing all = InputFiles.list(samples);
            InputFiles.Listing units = new InputFiles.Listing(all.files().stream()
                    .filter(f -> f.startsWith("units/")).toList(), 0);
            new Batch(pipeline, threads).run(samples, units, reports::add);
            for (TemplateLibrary.TemplateFile f : TemplateLibrary.find(samples, null)) {
                templates.add(pipeline.analyze(f.root(), f.file()));
            }
        }
        reports.sort(java.util.Comparator.comparing(ReportDocument::id));
        Map<String, ReportDocument> byName = new TreeMap<>();
        Map<String, List<String>> lines = new TreeMap<>();
        for (ReportDocument d : reports) {
            String name = d.metadata().extra().get("reportId");
            byName.put(name, d);
            lines.put(name, Files.readAllLines(samples.resolve("units/src/" + name + ".txt"), StandardCharsets.UTF_8));
        }
        for (ReportDocument t : templates) {
            String file = t.source().substring(t.source().lastIndexOf('/') + 1);
            if (file.matches("s3-\\d-.*")) {
                byName.put("seed-003#" + file.charAt(3), t);
            }
        }
        List<Relation> relations = new ArrayList<>();
        List<String> rows = Files.readAllLines(samples.resolve("units/relations.tsv"), StandardCharsets.UTF_8);
        for (String row : rows.subList(1, rows.size())) {
            String[] c = row.split("\t", -1);
            if (c.length >= 8) {
                relations.add(new Relation(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]));
            }
        }
        return new Corpus(reports, templates, byName, lines, relations);
    }

    /** Runs the comparison on the analysed samples and measures it. */
    public static Figures evaluate(Corpus corpus, Dictionaries dict, CompareOptions options) {
        CorpusComparison cc = new CorpusComparison(options, dict, new InMemoryTextStore());
        corpus.templates().forEach(cc::addTemplate);
        corpus.reports().forEach(cc::add);
        Map<String, Comparison> result = cc.compare();
        return new Run(corpus, dict.list(CorpusComparison.OFFICIAL_PHRASES), result, cc.summary()).figures();
    }

    /** One evaluation: the corpus, the comparison's result and the maps between names, ids, lines and spans. */
    private static final class Run {
        private final Corpus corpus;
        private final TermList official;
        private final Map<String, Comparison> result;
        private final CorpusComparison.Summary summary;
        private final Map<String, String> nameById = new HashMap<>();
        private final Map<String, int[]> paragraphLines = new HashMap<>();
        private final Map<String, BitSet> countable = new HashMap<>();

        Run(Corpus corpus, TermList official, Map<String, Comparison> result, CorpusComparison.Summary summary) {
            this.corpus = corpus;
            this.official = official;
            this.result = result;
            this.summary = summary;
            corpus.byName().forEach((n, d) -> nameById.put(d.id(), n));
            corpus.lines().forEach((n, ls) -> paragraphLines.put(n, Locator.paragraphLines(
                    corpus.byName().get(n).paragraphs(), ls)));
        }

        Figures figures() {
            List<String> notes = new ArrayList<>();
            PanMetrics.Result copied = PanMetrics.evaluate(copyCases(), detections(SourceKind::others));
            List<PanMetrics.Passage> own = ownCases(r -> true);
            List<PanMetrics.Passage> ownDet = detections(k -> k == SourceKind.OWN_EARLIER_YEAR);
            PanMetrics.Result recycled = PanMetrics.evaluate(own, ownDet);
            PanMetrics.Result verbatim = PanMetrics.evaluate(ownCases(r -> !r.kind().endsWith("paraphrase")), ownDet);
            PanMetrics.Result paraphrase = PanMetrics.evaluate(ownCases(r -> r.kind().endsWith("paraphrase")),
                    ownDet);
            PairScore problems = pairs(Set.of("repeated-problem-verbatim", "repeated-problem-paraphrase"),
                    YearOverYearMatch.Kind.REPEATED_PROBLEM);
            PairScore plans = pairs(Set.of("repeated-plan"), YearOverYearMatch.Kind.REPEATED_PLAN);
            PairScore kept = pairs(Set.of("plan-kept"), YearOverYearMatch.Kind.PLAN_KEPT);
            PairScore anachronisms = anachronisms();
            PairScore links = links(notes);
            int[] cov = coverage();
            return new Figures(copied, recycled, verbatim, paraphrase, problems, plans, kept, anachronisms, links,
                    cov[0], cov[1], cov[3] == 0 ? 0 : (double) cov[2] / cov[3], summary, notes);
        }

        private BitSet countable(ReportDocument d) {
            return countable.computeIfAbsent(d.id(), k -> {
                return NormalizedText.of(d.text(), ReportText.of(d).comparedMask(), official).countable();
            });
        }

        private BitSet chars(ReportDocument d, Span s) {
            BitSet b = new BitSet();
            if (s != null) {
                b.set(s.start(), s.end());
            }
            b.and(countable(d));
            return b;
        }

        private int hint(String name, String line) {
            int[] pl = paragraphLines.get(name);
            if (pl == null || line.isEmpty() || line.equals("*")) {
                return -1;
            }
            int l = Integer.parseInt(line);
            for (int p = 0; p < pl.length; p++) {
                if (pl[p] == l) {
                    return p;
                }
            }
            return -1;
        }

        private Span locate(String name, String line, String text) {
            ReportDocument d = corpus.byName().get(name);
            return Locator.locate(d.text(), d.paragraphs(), text, hint(name, line));
        }

        private int line(String name, int paragraph) {
            int[] pl = paragraphLines.get(name);
            return pl == null || paragraph < 0 || paragraph >= pl.length ? 0 : pl[paragraph];
        }

        /** A planted passage with its texts: (from, fromText) was taken from (to, toText); null text = whole. */
        private record Fact(String kind, String from, String fromLine, String fromText, String to, String toLine,
                            String toText) {
            String label() {
                return kind + " " + from + ":" + fromLine + " <- " + to + ":" + toLine;
            }
        }

        private PanMetrics.Passage passage(Fact f) {
            ReportDocument a = corpus.byName().get(f.from());
            ReportDocument b = corpus.byName().get(f.to());
            BitSet ca = f.fromText() == null ? chars(a, new Span(0, a.text().length()))
                    : chars(a, locate(f.from(), f.fromLine(), f.fromText()));
            BitSet cb = f.toText() == null ? chars(b, new Span(0, b.text().length()))
                    : chars(b, locate(f.to(), f.toLine(), f.toText()));
            return PanMetrics.Passage.of(a.id(), ca, b.id(), cb, f.label());
        }

        private static Fact fact(Relation r) {
            return new Fact(r.kind(), r.from(), r.fromLine(), r.whole() ? null : r.fromText(), r.to(), r.toLine(),
                    r.whole() ? null : r.toText());
        }

        private static boolean sameText(String a, String b) {
            String x = Locator.letters(a);
            String y = Locator.letters(b);
            return !x.isEmpty() && !y.isEmpty() && (x.contains(y) || y.contains(x));
        }

        /** Copies of others' text, closed under the unit's own reuse (verbatim or paraphrased). */
        private List<PanMetrics.Passage> copyCases() {
            List<Fact> facts = new ArrayList<>(corpus.relations().stream()
                    .filter(r -> r.kind().startsWith("copied-")).map(Run::fact).toList());
            List<Relation> own = corpus.relations().stream().filter(r -> OWN_VERBATIM.contains(r.kind())
                    || r.kind().equals("repeated-problem-paraphrase")).toList();
            Set<String> seen = new HashSet<>();
            facts.forEach(f -> seen.add(f.from() + "|" + f.fromText() + "|" + f.to()));
            boolean grew = true;
            while (grew) {
                grew = false;
                for (Fact f : List.copyOf(facts)) {
                    for (Relation o : own) {
                        if (!o.to().equals(f.from()) || !(o.whole() || o.toLine().equals(f.fromLine())
                                || sameText(o.toText(), f.fromText()))) {
                            continue;
                        }
                        ReportDocument x = corpus.byName().get(o.from());
                        if (Locator.locate(x.text(), x.paragraphs(), f.fromText(), hint(o.from(), o.fromLine()))
                                == null) {
                            continue;
                        }
                        Fact g = new Fact(f.kind() + "(via " + o.kind() + ")", o.from(),
                                o.whole() ? "*" : o.fromLine(), f.fromText(), f.to(), f.toLine(), f.toText());
                        if (seen.add(g.from() + "|" + g.fromText() + "|" + g.to())) {
                            facts.add(g);
                            grew = true;
                        }
                    }
                }
            }
            return facts.stream().map(this::passage).toList();
        }

        /** Own-year reuse, closed under composition (2025 → 2024 → 2023 gives 2025 → 2023). */
        private List<PanMetrics.Passage> ownCases(Predicate<Relation> which) {
            List<Relation> base = corpus.relations().stream().filter(r -> OWN_VERBATIM.contains(r.kind())
                    || r.kind().equals("repeated-problem-paraphrase")).toList();
            List<Fact> facts = new ArrayList<>(base.stream().filter(which).map(Run::fact).toList());
            List<Fact> verbatimBase = base.stream().filter(r -> OWN_VERBATIM.contains(r.kind())).map(Run::fact)
                    .toList();
            Set<String> seen = new HashSet<>();
            facts.forEach(f -> seen.add(f.label()));
            boolean grew = true;
            while (grew) {
                grew = false;
                for (Fact f : List.copyOf(facts)) {
                    for (Fact g : verbatimBase) {
                        Fact h = compose(g, f);
                        if (h != null && seen.add(h.label())) {
                            facts.add(h);
                            grew = true;
                        }
                        h = compose(f, g);
                        if (h != null && seen.add(h.label())) {
                            facts.add(h);
                            grew = true;
                        }
                    }
                }
            }
            return facts.stream().map(this::passage).toList();
        }

        /** @return x ∘ y: x took from y's "from" report what y's report had taken from y's "to", or null */
        private Fact compose(Fact x, Fact y) {
            if (!x.to().equals(y.from()) || x.from().equals(y.to())) {
                return null;
            }
            String kind = x.kind().equals(y.kind()) ? x.kind() : x.kind() + "+" + y.kind();
            if (x.toText() == null && y.fromText() == null) {
                return new Fact(kind, x.from(), "*", null, y.to(), "*", null);
            }
            if (x.toText() == null) {
                return new Fact(kind, x.from(), "*", y.fromText(), y.to(), y.toLine(), y.toText());
            }
            if (y.fromText() == null) {
                return new Fact(kind, x.from(), x.fromLine(), x.fromText(), y.to(), "*", x.toText());
            }
            return x.toLine().equals(y.fromLine()) && sameText(x.toText(), y.fromText())
                    ? new Fact(kind, x.from(), x.fromLine(), x.fromText(), y.to(), y.toLine(), y.toText()) : null;
        }

        private List<PanMetrics.Passage> detections(Predicate<SourceKind> which) {
            List<PanMetrics.Passage> out = new ArrayList<>();
            Map<String, ReportDocument> byId = new HashMap<>();
            corpus.byName().values().forEach(d -> byId.put(d.id(), d));
            for (ReportDocument d : corpus.reports()) {
                for (Comparison.CopiedPassage p : result.get(d.id()).passages()) {
                    ReportDocument src = byId.get(p.sourceId());
                    if (!which.test(p.sourceKind()) || src == null) {
                        continue;
                    }
                    String label = p.sourceKind().id() + " " + nameById.get(d.id()) + ":"
                            + line(nameById.get(d.id()), d.paragraphs().isEmpty() ? -1
                            : paragraphAt(d, p.span().start())) + " <- " + nameById.get(src.id()) + " «"
                            + abbreviate(p.text()) + "»";
                    out.add(PanMetrics.Passage.of(d.id(), chars(d, p.span()), src.id(), chars(src, p.sourceSpan()),
                            label));
                }
            }
            return PanMetrics.distinct(out);
        }

        private static int paragraphAt(ReportDocument d, int offset) {
            for (int i = d.paragraphs().size() - 1; i >= 0; i--) {
                if (d.paragraphs().get(i).start() <= offset) {
                    return i;
                }
            }
            return 0;
        }

        private static String abbreviate(String s) {
            String t = s.replace('\n', '/');
            return t.length() <= 40 ? t : t.substring(0, 40) + "…";
        }

        private PairScore pairs(Set<String> kinds, YearOverYearMatch.Kind kind) {
            Set<String> expected = new LinkedHashSet<>();
            Map<String, Set<String>> next = new HashMap<>();
            for (Relation r : corpus.relations()) {
                if (kinds.contains(r.kind())) {
                    expected.add(r.from() + ":" + r.fromLine() + " <- " + r.to() + ":" + r.toLine());
                    next.computeIfAbsent(r.from() + ":" + r.fromLine(), k -> new HashSet<>())
                            .add(r.to() + ":" + r.toLine());
                }
            }
            Set<String> composed = new HashSet<>(expected);
            next.forEach((a, bs) -> {
                for (String b : bs) {
                    for (String c : next.getOrDefault(b, Set.of())) {
                        composed.add(a + " <- " + c);
                    }
                }
            });
            Set<String> detected = new LinkedHashSet<>();
            for (ReportDocument d : corpus.reports()) {
                String a = nameById.get(d.id());
                for (YearOverYearMatch m : result.get(d.id()).yearOverYear(kind)) {
                    String b = nameById.get(m.previousReportId());
                    detected.add(a + ":" + line(a, m.paragraph()) + " <- " + b + ":" + line(b, m.previousParagraph()));
                }
            }
            return score(expected, composed, detected);
        }

        private static PairScore score(Set<String> expected, Set<String> allowed, Set<String> detected) {
            List<String> missed = expected.stream().filter(e -> !detected.contains(e)).toList();
            List<String> false_ = detected.stream().filter(e -> !allowed.contains(e)).toList();
            int found = expected.size() - missed.size();
            return new PairScore(expected.size(), detected.size(), found,
                    detected.isEmpty() ? 1 : (double) (detected.size() - false_.size()) / detected.size(),
                    expected.isEmpty() ? 1 : (double) found / expected.size(), missed, false_);
        }

        private PairScore anachronisms() {
            Set<String> expected = new LinkedHashSet<>();
            for (Relation r : corpus.relations()) {
                if (r.kind().equals("anachronism")) {
                    expected.add(r.from() + ":" + r.fromLine());
                }
            }
            Set<String> detected = new LinkedHashSet<>();
            for (ReportDocument d : corpus.reports()) {
                String a = nameById.get(d.id());
                for (Comparison.Anachronism x : result.get(d.id()).anachronisms()) {
                    detected.add(a + ":" + line(a, x.paragraph()));
                }
            }
            return score(expected, expected, detected);
        }

        private PairScore links(List<String> notes) {
            Map<String, List<String>> byUnit = new TreeMap<>();
            for (String name : corpus.lines().keySet()) {
                byUnit.computeIfAbsent(name.substring(0, name.indexOf('/')), k -> new ArrayList<>()).add(name);
            }
            Set<String> expected = new LinkedHashSet<>();
            byUnit.values().forEach(ns -> {
                for (String a : ns) {
                    for (String b : ns) {
                        if (!a.equals(b)) {
                            expected.add(a + " -> " + b);
                        }
                    }
                }
            });
            Set<String> detected = new LinkedHashSet<>();
            for (ReportDocument d : corpus.reports()) {
                for (Comparison.Link l : result.get(d.id()).links()) {
                    detected.add(nameById.get(d.id()) + " -> " + nameById.get(l.reportId()));
                }
            }
            ReportDocument changed = corpus.byName().get("jc-univ-foreign/2025");
            if (changed != null) {
                for (Comparison.Link l : result.get(changed.id()).links()) {
                    notes.add("secretary change: jc-univ-foreign/2025 (" + changed.secretary() + ") linked to "
                            + nameById.get(l.reportId()) + " (" + l.secretary() + "), same unit " + l.sameUnit()
                            + ", same secretary " + l.sameSecretary());
                }
            }
            return score(expected, expected, detected);
        }

        /** @return {checked, wrongly addressed, addressed overall, problems overall} */
        private int[] coverage() {
            Set<String> noRectification = new HashSet<>();
            for (Relation r : corpus.relations()) {
                if (r.kind().equals("missing-section") && r.note().equals("rectification")) {
                    noRectification.add(r.from());
                }
            }
            int checked = 0;
            int wrong = 0;
            int addressed = 0;
            int all = 0;
            for (ReportDocument d : corpus.reports()) {
                boolean none = noRectification.contains(nameById.get(d.id()));
                for (Comparison.ProblemCoverage c : result.get(d.id()).coverage()) {
                    all++;
                    boolean a = c.status() == Comparison.ProblemCoverage.Status.ADDRESSED;
                    addressed += a ? 1 : 0;
                    if (none) {
                        checked++;
                        wrong += a ? 1 : 0;
                    }
                }
            }
            return new int[] {checked, wrong, addressed, all};
        }
    }
}
