package org.shuzhi.pipeline.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.dict.TermList;
import org.shuzhi.pipeline.model.Comparison;
import org.shuzhi.pipeline.model.Comparison.Anachronism;
import org.shuzhi.pipeline.model.Comparison.CopiedPassage;
import org.shuzhi.pipeline.model.Comparison.CopyStats;
import org.shuzhi.pipeline.model.Comparison.Link;
import org.shuzhi.pipeline.model.Comparison.SharedTemplate;
import org.shuzhi.pipeline.model.Comparison.YearOverYearMatch;
import org.shuzhi.pipeline.model.DocType;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.model.SourceKind;

/**
 * The corpus phase: copy detection across all analysed documents and a template library, and the year-over-year
 * comparison of each report with the same unit's or secretary's earlier reports. Use:
 *
 * <pre>{@code
 * CorpusComparison cc = new CorpusComparison(CompareOptions.defaults(), dictionaries, new InMemoryTextStore());
 * templates.forEach(cc::addTemplate);   // template texts, extracted and cleaned by the same Pipeline
 * batch.forEach(cc::add);               // every analysed document (failed ones are ignored), in any order
 * Map<String, Comparison> byId = cc.compare();
 * doc = doc.withComparison(byId.getOrDefault(doc.id(), Comparison.NONE));
 * }</pre>
 * A large corpus uses {@link #compare(ComparisonStore)} instead, with a store backed by files, so that the results
 * do not stay in memory.
 *
 * <p>{@code add} keeps per document its normalised characters (2 bytes each, about 85% of the text's length), its
 * fingerprints (about 2 / (w + 1) of its characters as 4-byte ints), its year-over-year items (content-word ids) and
 * its metadata; the text goes to the {@link TextStore} and is read again only for pairs that share a passage.
 * {@code compare} orders the documents ({@link ComparedCorpus}), builds the fingerprint index
 * ({@link FingerprintIndex}), aligns only candidate pairs (documents sharing a fingerprint; never all pairs:
 * {@link CandidateAligner}), attributes each passage to the report that copied it ({@link CopyAttribution},
 * {@link SourceKind}) and counts it ({@link CopyStatistics}), runs the year-over-year matching ({@link YearOverYear}:
 * repeats, kept plans, {@link RectificationCoverage}, {@link OpenPromises}), finds anachronisms ({@link YearMarkers},
 * {@link StaleYears}), flags paragraphs ({@link ParagraphFlagger}) and groups 疑似共同范文 ({@link SharedTemplates}).
 * Copy detection covers all documents that were read (reports, speeches, notices); the year-over-year findings and
 * anachronisms only reports with a known year.
 *
 * <p>Dictionaries used: {@value #OFFICIAL_PHRASES} (masked before matching), {@value #YEAR_MARKERS} (anachronisms),
 * {@value #YOY_SYNONYMS} (word folding) and {@code plan-signals} (concrete plans). {@code add} and
 * {@code addTemplate} may be called from several threads; {@code compare} once, after all adds.
 */
public final class CorpusComparison {
    /** The list of phrases that do not count as copied. */
    public static final String OFFICIAL_PHRASES = "official-phrases";
    /** The list of terms with plausible years. */
    public static final String YEAR_MARKERS = "year-markers";
    /** The list of word foldings for year-over-year similarity. */
    public static final String YOY_SYNONYMS = "yoy-synonyms";
    /** Rule id of a year copied unchanged from an earlier report. */
    public static final String STALE_YEAR = StaleYears.RULE;

    /** Reports whose comparisons are assembled together on the threads before they go to the store. */
    private static final int ASSEMBLY_BLOCK = 256;

    private final CompareOptions options;
    private final TextStore store;
    private final TermList official;
    private final TermList planSignals;
    private final YearMarkers yearMarkers;
    private final Vocabulary vocabulary;
    private final CompareFingerprints fingerprints;
    private final List<ComparedCorpus.Document> documents = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private Summary summary;
    private List<SharedTemplates.Group> sharedGroups = List.of();
    private boolean started;

    /**
     * What {@code compare} did.
     *
     * @param reports          documents compared (not templates)
     * @param templates        template texts
     * @param postings         fingerprints indexed (sum over documents)
     * @param candidatePairs   pairs that share a fingerprint
     * @param alignedPairs     of those, pairs aligned in this run (the others were unchanged since an earlier run
     *                         and taken from its {@link AlignmentCache})
     * @param pairsWithCopies  of the candidate pairs, pairs with at least one passage
     * @param passages         passages attributed to reports (a passage shared by two same-year colleagues counts
     *                         for both)
     * @param reportsCopying   reports with a copy ratio above 0 (text of others or templates)
     * @param reportsRecycling reports with a recycled ratio above 0
     * @param repeatedProblems problem items repeated from an earlier year
     * @param repeatedPlans    plan items repeated from an earlier year
     * @param plansKept        earlier plans reported as done
     * @param anachronisms     anachronism findings
     * @param indexMillis      time to build the fingerprint index, ms
     * @param alignMillis      time to find and align candidate pairs, ms
     * @param yearMillis       time of the year-over-year comparison and the assembly of the results, ms
     */
    public record Summary(int reports, int templates, long postings, long candidatePairs, long alignedPairs,
                          long pairsWithCopies,
                          long passages, int reportsCopying, int reportsRecycling, int repeatedProblems,
                          int repeatedPlans, int plansKept, int anachronisms, long indexMillis, long alignMillis,
                          long yearMillis) {
    }

    /**
     * @param options settings
     * @param dict    dictionaries with the lists named in the class comment
     * @param store   where texts are kept between {@code add} and {@code compare}
     * @throws IllegalArgumentException if a list is missing
     */
    public CorpusComparison(CompareOptions options, Dictionaries dict, TextStore store) {
        this.options = options;
        this.store = store;
        this.official = dict.list(OFFICIAL_PHRASES);
        this.planSignals = dict.list(Dictionaries.PLAN_SIGNALS);
        this.yearMarkers = new YearMarkers(dict.list(YEAR_MARKERS));
        this.vocabulary = new Vocabulary(dict.list(YOY_SYNONYMS));
        this.fingerprints = new CompareFingerprints(options, dict);
    }

    /**
     * Adds an analysed document. Documents that failed are ignored.
     *
     * @throws IllegalArgumentException if a document with the same id was added before
     * @throws IllegalStateException    if {@link #compare()} has run
     */
    public void add(ReportDocument doc) {
        if (doc.ok()) {
            add(prepare(doc, false), false);
        }
    }

    /**
     * Adds a text of the template library (extracted and cleaned by the pipeline; categories are not needed). Its id
     * must differ from every report id.
     *
     * @throws IllegalArgumentException if a document with the same id was added before
     * @throws IllegalStateException    if {@link #compare()} has run
     */
    public void addTemplate(ReportDocument doc) {
        if (doc.ok()) {
            add(prepare(doc, true), true);
        }
    }

    /**
     * Adds a document prepared earlier (by {@link #prepare}, possibly in an earlier run, read back from a
     * {@link FileTextStore}); its text must be in this comparison's store.
     *
     * @throws IllegalArgumentException if a document with the same id was added before
     * @throws IllegalStateException    if {@link #compare()} has run
     */
    public void add(CompareInput in) {
        add(in, false);
    }

    /**
     * Adds a template text prepared by {@link #prepare} with {@code template} true; its text must be in this
     * comparison's store.
     *
     * @throws IllegalArgumentException if a document with the same id was added before
     * @throws IllegalStateException    if {@link #compare()} has run
     */
    public void addTemplate(CompareInput in) {
        add(in, true);
    }

    /**
     * What the comparison keeps of an analysed document. Thread-safe; does not add it.
     *
     * @param doc      an analysed document that did not fail (tokens and categories filled)
     * @param template true for a text of the template library
     * @throws IllegalArgumentException if the document failed
     */
    public CompareInput prepare(ReportDocument doc, boolean template) {
        if (!doc.ok()) {
            throw new IllegalArgumentException("failed document " + doc.id());
        }
        boolean report = !template && doc.docType() == DocType.REPORT;
        List<CompareInput.ItemRow> items = report && doc.year() != null
                ? ItemSketch.rows(doc, vocabulary, planSignals) : List.of();
        return new CompareInput(doc.id(), doc.unit(), doc.secretary(), doc.year(), report, title(doc),
                ReportText.of(doc), items);
    }

    private void add(CompareInput in, boolean template) {
        char[] normalized = NormalizedText.of(in.text(), official).chars();
        int[] fps = fingerprints.of(normalized);
        synchronized (this) {
            if (started) {
                throw new IllegalStateException("compare() has already run");
            }
            if (!ids.add(in.id())) {
                throw new IllegalArgumentException("duplicate document id " + in.id());
            }
            documents.add(new ComparedCorpus.Document(in.id(), template, in.unit(), in.secretary(), in.year(),
                    in.report(), in.title(), normalized, fps, ItemSketch.of(in.items(), vocabulary),
                    alignmentKey(template, in.year(), in.text().text(), normalized)));
        }
        store.put(in.text());
    }

    /**
     * The {@link AlignmentCache} key of a document: FNV-1a (64 bits) over the alignment settings, the template flag,
     * the year, the cleaned text and the normalised characters — everything the alignment of a pair reads of it.
     */
    private long alignmentKey(boolean template, Integer year, String text, char[] normalized) {
        long h = 0xcbf29ce484222325L;
        int[] head = {options.kgram(), options.seedChars(), options.minMatchChars(), options.maxGap(),
                template ? 1 : 0, year == null ? Integer.MIN_VALUE : year, text.length(), normalized.length};
        for (int v : head) {
            h = (h ^ v) * 0x100000001b3L;
        }
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001b3L;
        }
        for (char c : normalized) {
            h = (h ^ c) * 0x100000001b3L;
        }
        return h;
    }

    private static String title(ReportDocument doc) {
        if (!doc.paragraphs().isEmpty() && doc.paragraphs().get(0).text().length() <= 60) {
            return doc.paragraphs().get(0).text();
        }
        return doc.source().substring(doc.source().lastIndexOf('/') + 1);
    }

    /** @return the summary of {@link #compare()}, or null before it ran */
    public synchronized Summary summary() {
        return summary;
    }

    /**
     * Runs the comparison and keeps every result in memory.
     *
     * @return per added document id (not templates), its comparison
     * @throws IllegalStateException if {@code compare} was called before
     */
    public Map<String, Comparison> compare() {
        Map<String, Comparison> out = new TreeMap<>();
        compare(ComparisonStore.of(out));
        return out;
    }

    /**
     * Runs the comparison and puts each report's comparison into {@code out} as soon as it is computed (reports with
     * 疑似共同范文 a second time, once the groups are known). Besides what {@code add} kept, it holds only the
     * passages of every report (for the groups) until it returns.
     *
     * @param out where the comparison of every added document (not templates) goes, by id
     * @throws IllegalStateException if {@code compare} was called before
     */
    public void compare(ComparisonStore out) {
        compare(out, AlignmentCache.NONE);
    }

    /**
     * Runs the comparison as {@link #compare(ComparisonStore)} does, taking the alignment of a candidate pair from
     * {@code cache} when neither document changed since the run that kept it, and keeping this run's alignments
     * there. The results are the same as without a cache.
     *
     * @param out   where the comparison of every added document (not templates) goes, by id
     * @param cache alignments of earlier runs ({@link AlignmentCache#NONE}: align every candidate pair)
     * @throws IllegalStateException        if {@code compare} was called before
     * @throws java.io.UncheckedIOException if the cache cannot be read or written
     */
    public void compare(ComparisonStore out, AlignmentCache cache) {
        ComparedCorpus corpus;
        synchronized (this) {
            if (started) {
                throw new IllegalStateException("compare() has already run");
            }
            started = true;
            corpus = new ComparedCorpus(documents, store, official);
            // compare() runs once: the per-document data (normalised text, fingerprints, items) lives on in the
            // corpus until compare() returns, then the caller's next phase can use the memory
            documents.clear();
        }
        long t0 = System.nanoTime();
        FingerprintIndex index = new FingerprintIndex(corpus.documents().stream()
                .map(ComparedCorpus.Document::fingerprints).toList(), corpus.templates(), options.maxDocFreq());
        long t1 = System.nanoTime();
        CandidateAligner.Result aligned = new CandidateAligner(options).align(corpus, index, cache);
        long t2 = System.nanoTime();
        CopyAttribution attribution = new CopyAttribution(corpus, aligned.passages());
        YearOverYear yearOverYear = new YearOverYear(corpus, vocabulary, options);
        Map<String, List<CopiedPassage>> passages = new TreeMap<>();
        Map<String, String> units = new HashMap<>();
        Tally tally = new Tally();
        // each report's comparison only reads what was built above, so blocks of reports are assembled on the
        // comparison's threads; the results are handed to the store one at a time, in report order
        ForkJoinPool pool = new ForkJoinPool(options.threads());
        try {
            for (int from = corpus.templates(); from < corpus.size(); from += ASSEMBLY_BLOCK) {
                int first = from;
                int to = Math.min(corpus.size(), from + ASSEMBLY_BLOCK);
                List<Comparison> block = pool.submit(() -> IntStream.range(first, to).parallel()
                        .mapToObj(r -> comparison(corpus, r, attribution, yearOverYear)).toList()).get();
                for (int r = from; r < to; r++) {
                    Comparison c = block.get(r - from);
                    out.put(corpus.get(r).id(), c);
                    passages.put(corpus.get(r).id(), c.passages());
                    units.put(corpus.get(r).id(), corpus.get(r).unit());
                    tally.add(c);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("comparison failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
        List<SharedTemplates.Group> groups = sharedTemplates(out, passages, units);
        long t3 = System.nanoTime();
        synchronized (this) {
            sharedGroups = groups;
            summary = new Summary(corpus.size() - corpus.templates(), corpus.templates(), index.postings(),
                    aligned.candidatePairs(), aligned.alignedPairs(), attribution.pairsWithCopies(), tally.passages, tally.copying,
                    tally.recycling, tally.repeatedProblems, tally.repeatedPlans, tally.kept, tally.anachronisms,
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
        }
    }

    /** @return the comparison of report {@code r}: its links, passages, statistics and year-over-year findings */
    private Comparison comparison(ComparedCorpus corpus, int r, CopyAttribution attribution,
                                  YearOverYear yearOverYear) {
        ComparedCorpus.Document e = corpus.get(r);
        ReportText text = corpus.text(r);
        List<CopiedPassage> ps = attribution.passages(r, text);
        CopyStats stats = CopyStatistics.of(text, corpus.normalize(text), ps);
        YearLinks links = corpus.links();
        List<Link> ls = new ArrayList<>();
        for (int o : links.linked(r)) {
            ComparedCorpus.Document x = corpus.get(o);
            ls.add(new Link(x.id(), x.year(), x.unit(), x.secretary(), links.sameUnit(r, o), links.sameSecretary(r, o)));
        }
        YearOverYear.Findings yoy = YearOverYear.Findings.NONE;
        List<Anachronism> an = new ArrayList<>();
        if (e.report() && e.year() != null) {
            yoy = yearOverYear.of(r, text);
            an.addAll(yearMarkers.find(text.text(), e.year(), text::paragraphAt));
            an.addAll(StaleYears.findings(text, e.year(), attribution.staleYears(r), corpus));
            an.sort(Comparator.comparing(Anachronism::span));
        }
        return new Comparison(ls, yoy.matches(), yoy.coverage(), an, ps, stats,
                ParagraphFlagger.flags(text, ps, yoy.matches(), an), yoy.openPromises(), List.of());
    }

    /** The counts of {@link Summary} over the reports' comparisons. */
    private static final class Tally {
        long passages;
        int copying;
        int recycling;
        int repeatedProblems;
        int repeatedPlans;
        int kept;
        int anachronisms;

        void add(Comparison c) {
            passages += c.passages().size();
            copying += c.copyStats().copyRatio() > 0 ? 1 : 0;
            recycling += c.copyStats().recycledRatio() > 0 ? 1 : 0;
            repeatedProblems += c.yearOverYear(YearOverYearMatch.Kind.REPEATED_PROBLEM).size();
            repeatedPlans += c.yearOverYear(YearOverYearMatch.Kind.REPEATED_PLAN).size();
            kept += c.yearOverYear(YearOverYearMatch.Kind.PLAN_KEPT).size();
            anachronisms += c.anachronisms().size();
        }
    }

    /**
     * Groups the passages shared by reports of {@link SharedTemplates#MIN_UNITS} or more units and puts each
     * report's passages (with their paragraph flags) into its comparison in {@code out}.
     *
     * @param passages the passages of every report, by id
     * @param units    the unit of every report, by id
     * @return the groups
     */
    private List<SharedTemplates.Group> sharedTemplates(ComparisonStore out, Map<String, List<CopiedPassage>> passages,
                                                        Map<String, String> units) {
        List<SharedTemplates.Group> groups = SharedTemplates.findIn(passages, units, SharedTemplates.MIN_UNITS);
        Map<String, List<SharedTemplate>> byReport = new TreeMap<>();
        for (SharedTemplates.Group g : groups) {
            for (SharedTemplates.Member m : g.members()) {
                ReportText text = store.get(m.reportId());
                int from = Math.max(0, text.paragraphAt(m.span().start()));
                int to = Math.max(from, text.paragraphAt(Math.max(m.span().start(), m.span().end() - 1)));
                byReport.computeIfAbsent(m.reportId(), k -> new ArrayList<>())
                        .add(new SharedTemplate(g.id(), from, to, m.span(), m.text(), g.units()));
            }
        }
        byReport.forEach((id, list) -> {
            list.sort(Comparator.comparing(SharedTemplate::span));
            out.put(id, out.get(id).withSharedTemplates(list));
        });
        return groups;
    }

    /** @return the 疑似共同范文 groups of the last {@link #compare()}, empty before it */
    public synchronized List<SharedTemplates.Group> sharedTemplates() {
        return sharedGroups;
    }
}
