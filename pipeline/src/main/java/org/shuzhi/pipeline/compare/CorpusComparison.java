package org.shuzhi.pipeline.compare;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.dict.TermList;
import org.shuzhi.pipeline.model.Category;
import org.shuzhi.pipeline.model.Comparison;
import org.shuzhi.pipeline.model.Comparison.Anachronism;
import org.shuzhi.pipeline.model.Comparison.CopiedPassage;
import org.shuzhi.pipeline.model.Comparison.CopyStats;
import org.shuzhi.pipeline.model.Comparison.Link;
import org.shuzhi.pipeline.model.Comparison.OpenPromise;
import org.shuzhi.pipeline.model.Comparison.ParagraphFlags;
import org.shuzhi.pipeline.model.Comparison.ProblemCoverage;
import org.shuzhi.pipeline.model.Comparison.SectionShare;
import org.shuzhi.pipeline.model.Comparison.SharedTemplate;
import org.shuzhi.pipeline.model.Comparison.SourceShare;
import org.shuzhi.pipeline.model.Comparison.YearOverYearMatch;
import org.shuzhi.pipeline.model.DocType;
import org.shuzhi.pipeline.model.ParagraphFlag;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.model.SourceKind;
import org.shuzhi.pipeline.model.Span;

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
 *
 * <p>{@code add} keeps per document its normalised characters (2 bytes each, about 85% of the text's length), its
 * fingerprints (about 2 / (w + 1) of its characters as 4-byte ints), its year-over-year items (content-word ids) and
 * its metadata; the text goes to the {@link TextStore} and is read again only for pairs that share a passage. {@code compare}
 * builds the fingerprint index, aligns only candidate pairs (documents sharing a fingerprint; never all pairs),
 * attributes each passage to the report that copied it ({@link SourceKind}), and runs the year-over-year matching.
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
    public static final String STALE_YEAR = "anachronism.stale-year";

    private final CompareOptions options;
    private final TextStore store;
    private final TermList official;
    private final TermList planSignals;
    private final YearMarkers yearMarkers;
    private final Vocabulary vocabulary;
    private final PassageAligner aligner;
    private final List<Entry> entries = new ArrayList<>();
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
     * @param candidatePairs   pairs that share a fingerprint and were aligned
     * @param pairsWithCopies  of those, pairs with at least one passage
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
    public record Summary(int reports, int templates, long postings, long candidatePairs, long pairsWithCopies,
                          long passages, int reportsCopying, int reportsRecycling, int repeatedProblems,
                          int repeatedPlans, int plansKept, int anachronisms, long indexMillis, long alignMillis,
                          long yearMillis) {
    }

    private record Entry(String id, boolean template, String unit, String secretary, Integer year, boolean report,
                         String title, char[] normalized, int[] fingerprints, ItemSketch items) {
    }

    /** A passage of document {@code a} shared with document {@code b}, in cleaned-text offsets of each. */
    private record Shared(int a, int b, int aStart, int aEnd, int bStart, int bEnd, int matched, double similarity,
                          List<int[]> staleA, List<int[]> staleB, int naStart, int naEnd, int nbStart, int nbEnd) {
    }

    private record Attributed(int source, SourceKind kind, int start, int end, int sourceStart, int sourceEnd,
                              int matched, double similarity, Comparison.Direction direction, List<String> evidence) {
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
        this.aligner = new PassageAligner(options.kgram(), options.seedChars(), options.minMatchChars(), options.maxGap());
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
        char[] normalized = normalize(in.text()).chars();
        int[] fps = Fingerprints.winnow(Fingerprints.kgrams(normalized, options.fingerprintChars()),
                options.window());
        synchronized (this) {
            if (started) {
                throw new IllegalStateException("compare() has already run");
            }
            if (!ids.add(in.id())) {
                throw new IllegalArgumentException("duplicate document id " + in.id());
            }
            entries.add(new Entry(in.id(), template, in.unit(), in.secretary(), in.year(), in.report(), in.title(),
                    normalized, fps, ItemSketch.of(in.items(), vocabulary)));
        }
        store.put(in.text());
    }

    private static String title(ReportDocument doc) {
        if (!doc.paragraphs().isEmpty() && doc.paragraphs().get(0).text().length() <= 60) {
            return doc.paragraphs().get(0).text();
        }
        return doc.source().substring(doc.source().lastIndexOf('/') + 1);
    }

    private NormalizedText normalize(ReportText t) {
        return NormalizedText.of(t.text(), t.comparedMask(), official);
    }

    /** @return the summary of {@link #compare()}, or null before it ran */
    public synchronized Summary summary() {
        return summary;
    }

    /**
     * Runs the comparison.
     *
     * @return per added document id (not templates), its comparison
     * @throws IllegalStateException if called twice
     */
    public Map<String, Comparison> compare() {
        List<Entry> order;
        synchronized (this) {
            if (started) {
                throw new IllegalStateException("compare() has already run");
            }
            started = true;
            // sorted by id, templates first: the same input gives the same output whatever the order of the adds
            order = new ArrayList<>(entries.stream().filter(Entry::template).sorted(Comparator.comparing(Entry::id))
                    .toList());
            order.addAll(entries.stream().filter(e -> !e.template()).sorted(Comparator.comparing(Entry::id)).toList());
        }
        int templates = (int) order.stream().filter(Entry::template).count();
        int n = order.size();
        long t0 = System.nanoTime();
        FingerprintIndex index = new FingerprintIndex(order.stream().map(Entry::fingerprints).toList(), templates,
                options.maxDocFreq());
        long t1 = System.nanoTime();
        List<YearLinks.Meta> metas = new ArrayList<>();
        for (Entry e : order) {
            metas.add(e.template() ? null : new YearLinks.Meta(e.unit(), e.secretary(), e.year()));
        }
        YearLinks links = new YearLinks(metas);
        long[] candidates = new long[1];
        List<List<Shared>> shared = alignAll(order, templates, index, candidates);
        long t2 = System.nanoTime();

        List<List<Attributed>> byDoc = new ArrayList<>();
        List<List<int[]>> stale = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byDoc.add(new ArrayList<>());
            stale.add(new ArrayList<>());
        }
        long pairsWithCopies = 0;
        CopyDirection direction = new CopyDirection();
        for (List<Shared> list : shared) {
            for (Shared s : list) {
                if (bothWays(order, links, s)) {
                    direction.want(order.get(s.a()).normalized(), s.naStart(), s.naEnd());
                }
            }
        }
        for (Entry e : order) {
            if (!e.template()) {
                direction.count(e.normalized());
            }
        }
        for (List<Shared> list : shared) {
            if (!list.isEmpty()) {
                pairsWithCopies += list.stream().map(s -> s.b()).distinct().count();
            }
            for (Shared s : list) {
                SourceKind ab = kind(order, links, s.a(), s.b());
                SourceKind ba = order.get(s.b()).template() ? null : kind(order, links, s.b(), s.a());
                Comparison.Direction dab = Comparison.Direction.TAKEN;
                Comparison.Direction dba = Comparison.Direction.TAKEN;
                List<String> evA = ab == null ? List.of() : evidence(order, s.b(), ab);
                List<String> evB = ba == null ? List.of() : evidence(order, s.a(), ba);
                if (ab != null && ba != null) {
                    Entry x = order.get(s.a());
                    Entry y = order.get(s.b());
                    CopyDirection.Verdict v = direction.decide(x.normalized(), s.naStart(), s.naEnd(), y.normalized(),
                            s.nbStart(), s.nbEnd(), store.get(x.id()).text().substring(s.aStart(), s.aEnd()),
                            java.util.Arrays.asList(x.unit(), x.secretary()),
                            java.util.Arrays.asList(y.unit(), y.secretary()));
                    dab = v.aTook() > 0 ? Comparison.Direction.TAKEN : v.aTook() < 0 ? Comparison.Direction.GIVEN
                            : Comparison.Direction.UNKNOWN;
                    dba = v.aTook() > 0 ? Comparison.Direction.GIVEN : v.aTook() < 0 ? Comparison.Direction.TAKEN
                            : Comparison.Direction.UNKNOWN;
                    evA = v.evidence();
                    evB = v.evidence();
                }
                if (ab != null) {
                    byDoc.get(s.a()).add(new Attributed(s.b(), ab, s.aStart(), s.aEnd(), s.bStart(), s.bEnd(),
                            s.matched(), s.similarity(), dab, evA));
                    if (dab == Comparison.Direction.TAKEN) {
                        s.staleA().forEach(x -> stale.get(s.a()).add(new int[] {x[0], x[1], s.b()}));
                    }
                }
                if (ba != null) {
                    byDoc.get(s.b()).add(new Attributed(s.a(), ba, s.bStart(), s.bEnd(), s.aStart(), s.aEnd(),
                            s.matched(), s.similarity(), dba, evB));
                    if (dba == Comparison.Direction.TAKEN) {
                        s.staleB().forEach(x -> stale.get(s.b()).add(new int[] {x[0], x[1], s.a()}));
                    }
                }
            }
        }

        int[] df = new int[vocabulary.size()];
        int items = 0;
        for (Entry e : order) {
            for (int i = 0; i < e.items().size(); i++) {
                if (e.items().kind(i) == ItemSketch.Kind.HEADLINE || e.items().kind(i) == ItemSketch.Kind.MENTION) {
                    continue; // a headline repeats words of its problem item; mentions only look up promises
                }
                for (int id : e.items().terms(i)) {
                    df[id]++;
                }
                items++;
            }
        }
        ItemMatcher matcher = new ItemMatcher(df, items);
        Map<String, Comparison> out = new TreeMap<>();
        Map<String, String> units = new HashMap<>();
        int copying = 0;
        int recycling = 0;
        int repeatedProblems = 0;
        int repeatedPlans = 0;
        int kept = 0;
        int anachronisms = 0;
        long passages = 0;
        for (int r = templates; r < n; r++) {
            Entry e = order.get(r);
            ReportText text = store.get(e.id());
            List<CopiedPassage> ps = passages(order, text, byDoc.get(r));
            CopyStats stats = stats(text, ps);
            List<Link> ls = new ArrayList<>();
            for (int o : links.linked(r)) {
                Entry x = order.get(o);
                ls.add(new Link(x.id(), x.year(), x.unit(), x.secretary(), links.sameUnit(r, o),
                        links.sameSecretary(r, o)));
            }
            List<YearOverYearMatch> yoy = new ArrayList<>();
            List<ProblemCoverage> coverage = new ArrayList<>();
            List<Anachronism> an = new ArrayList<>();
            List<OpenPromise> open = new ArrayList<>();
            if (e.report() && e.year() != null) {
                List<Integer> earlier = links.earlier(r);
                yoy.addAll(yearOverYear(order, r, text, earlier, matcher));
                if (!earlier.isEmpty()) {
                    coverage.addAll(coverage(order, r, text, earlier.get(0), matcher, yoy));
                    open.addAll(openPromises(order, r, earlier.get(0), yoy));
                }
                an.addAll(yearMarkers.find(text.text(), e.year(), text::paragraphAt));
                an.addAll(staleYears(order, text, e.year(), stale.get(r)));
                an.sort(Comparator.comparing(Anachronism::span));
            }
            Comparison c = new Comparison(ls, yoy, coverage, an, ps, stats, flags(text, ps, yoy, an), open,
                    List.of());
            out.put(e.id(), c);
            units.put(e.id(), e.unit());
            passages += ps.size();
            copying += stats.copyRatio() > 0 ? 1 : 0;
            recycling += stats.recycledRatio() > 0 ? 1 : 0;
            repeatedProblems += c.yearOverYear(YearOverYearMatch.Kind.REPEATED_PROBLEM).size();
            repeatedPlans += c.yearOverYear(YearOverYearMatch.Kind.REPEATED_PLAN).size();
            kept += c.yearOverYear(YearOverYearMatch.Kind.PLAN_KEPT).size();
            anachronisms += an.size();
        }
        List<SharedTemplates.Group> groups = sharedTemplates(out, units);
        long t3 = System.nanoTime();
        synchronized (this) {
            sharedGroups = groups;
            summary = new Summary(n - templates, templates, index.postings(), candidates[0], pairsWithCopies,
                    passages, copying, recycling, repeatedProblems, repeatedPlans, kept, anachronisms,
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
            // compare() runs once: the per-document data (normalised text, fingerprints, items) is not needed again,
            // and at 100,000 reports it is about a gigabyte the caller's next phase can use
            entries.clear();
        }
        return out;
    }

    // ---- copy detection -------------------------------------------------------------------------------------

    private List<List<Shared>> alignAll(List<Entry> order, int templates, FingerprintIndex index, long[] count) {
        int n = order.size();
        ThreadLocal<int[]> seen = ThreadLocal.withInitial(() -> new int[n]);
        java.util.concurrent.atomic.LongAdder pairs = new java.util.concurrent.atomic.LongAdder();
        ForkJoinPool pool = new ForkJoinPool(options.threads());
        try {
            List<List<Shared>> r = pool.submit(() -> IntStream.range(templates, n).parallel().mapToObj(a -> {
                List<Integer> cands = new ArrayList<>();
                index.candidates(a, order.get(a).fingerprints(), seen.get(), cands::add);
                if (cands.isEmpty()) {
                    return List.<Shared>of();
                }
                pairs.add(cands.size());
                cands.sort(null);
                PassageAligner.Indexed ia = aligner.index(order.get(a).normalized());
                List<Shared> out = new ArrayList<>();
                ReportText ta = null;
                NormalizedText na = null;
                for (int b : cands) {
                    List<PassageAligner.Alignment> als = aligner.align(ia, order.get(b).normalized());
                    if (als.isEmpty()) {
                        continue;
                    }
                    if (ta == null) {
                        ta = store.get(order.get(a).id());
                        na = normalize(ta);
                    }
                    ReportText tb = store.get(order.get(b).id());
                    NormalizedText nb = normalize(tb);
                    for (PassageAligner.Alignment al : als) {
                        out.add(shared(a, b, order, ta, na, tb, nb, al));
                    }
                }
                return out;
            }).toList()).get();
            count[0] = pairs.sum();
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("alignment failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private static Shared shared(int a, int b, List<Entry> order, ReportText ta, NormalizedText na, ReportText tb,
                                 NormalizedText nb, PassageAligner.Alignment al) {
        List<int[]> staleA = new ArrayList<>();
        List<int[]> staleB = new ArrayList<>();
        Integer ya = order.get(a).year();
        Integer yb = order.get(b).template() ? null : order.get(b).year();
        if (ya != null && yb != null && !ya.equals(yb)) {
            int[] f = al.fragments();
            for (int x = 0; x < f.length; x += 3) {
                for (int p = f[x]; p + 4 <= f[x] + f[x + 2]; p++) {
                    int q = p - f[x] + f[x + 1];
                    Integer y = yearMention(ta.text(), na.start(p), na.end(p + 3));
                    if (y == null || yearMention(tb.text(), nb.start(q), nb.end(q + 3)) == null) {
                        continue;
                    }
                    if (y.equals(yb) && ya > yb) {
                        staleA.add(new int[] {na.start(p), na.end(p + 3) + 1});
                    } else if (y.equals(ya) && yb > ya) {
                        staleB.add(new int[] {nb.start(q), nb.end(q + 3) + 1});
                    }
                }
            }
        }
        return new Shared(a, b, na.start(al.aStart()), na.end(al.aEnd() - 1), nb.start(al.bStart()),
                nb.end(al.bEnd() - 1), al.matched(), al.similarity(), staleA, staleB, al.aStart(), al.aEnd(),
                al.bStart(), al.bEnd());
    }

    /**
     * @return the year when {@code text[s, e)} is a four-digit year 19xx/20xx standing alone (no digit before it) and
     *         followed by 年, else null
     */
    private static Integer yearMention(String text, int s, int e) {
        if (e - s != 4 || e >= text.length() || text.charAt(e) != '年' || (s > 0 && Character.isDigit(text.charAt(s - 1)))) {
            return null;
        }
        String y = text.substring(s, e);
        return y.matches("(19|20)\\d\\d") ? Integer.valueOf(y) : null;
    }

    /** @return true when both reports of a shared passage could have taken it from the other (same or unknown year) */
    private static boolean bothWays(List<Entry> order, YearLinks links, Shared s) {
        return !order.get(s.b()).template() && kind(order, links, s.a(), s.b()) != null
                && kind(order, links, s.b(), s.a()) != null;
    }

    /** @return the evidence that a report took a passage from {@code source} when the kind alone settles it */
    private static List<String> evidence(List<Entry> order, int source, SourceKind kind) {
        Entry src = order.get(source);
        if (kind == SourceKind.TEMPLATE) {
            return List.of("来源为范文库文本“" + src.title() + "”");
        }
        return List.of("来源为 " + src.year() + " 年度报告，早于本报告");
    }

    private static SourceKind kind(List<Entry> order, YearLinks links, int a, int b) {
        Entry x = order.get(a);
        Entry y = order.get(b);
        if (y.template()) {
            return SourceKind.TEMPLATE;
        }
        if (x.year() == null || y.year() == null) {
            return SourceKind.OTHER_REPORT;
        }
        int c = Integer.compare(y.year(), x.year());
        if (c > 0) {
            return null;
        }
        if (links.related(a, b)) {
            return c < 0 ? SourceKind.OWN_EARLIER_YEAR : SourceKind.OTHER_REPORT;
        }
        return c == 0 ? SourceKind.COLLEAGUE_SAME_YEAR : SourceKind.OTHER_REPORT;
    }

    private List<CopiedPassage> passages(List<Entry> order, ReportText text, List<Attributed> list) {
        List<CopiedPassage> out = new ArrayList<>();
        for (Attributed a : list) {
            Entry src = order.get(a.source());
            String srcText = store.get(src.id()).text();
            out.add(new CopiedPassage(new Span(a.start(), a.end()), text.text().substring(a.start(), a.end()),
                    src.id(), a.kind(), src.template() ? null : src.year(), src.template() ? src.title() : src.unit(),
                    new Span(a.sourceStart(), a.sourceEnd()), srcText.substring(a.sourceStart(), a.sourceEnd()),
                    a.matched(), round(a.similarity()), a.direction(), a.evidence()));
        }
        out.sort(Comparator.comparing(CopiedPassage::span).thenComparing(CopiedPassage::sourceId));
        return out;
    }

    /** 字数 positions (letters and digits) of the compared text that are not in official phrases. */
    private BitSet countable(ReportText text) {
        NormalizedText nt = normalize(text);
        BitSet b = new BitSet(text.text().length());
        for (int i = 0; i < nt.length(); i++) {
            if (!NormalizedText.gap(nt.charAt(i))) {
                b.set(nt.start(i));
            }
        }
        return b;
    }

    private CopyStats stats(ReportText text, List<CopiedPassage> ps) {
        String t = text.text();
        int total = org.shuzhi.pipeline.profile.CountingRule.LETTERS_DIGITS.count(t);
        if (total == 0) {
            return CopyStats.NONE;
        }
        BitSet countable = countable(text);
        BitSet others = new BitSet(t.length());
        BitSet own = new BitSet(t.length());
        Map<String, BitSet> bySource = new LinkedHashMap<>();
        Map<String, CopiedPassage> first = new HashMap<>();
        BitSet unknown = new BitSet(t.length());
        BitSet given = new BitSet(t.length());
        Map<String, BitSet> takenBySource = new LinkedHashMap<>();
        for (CopiedPassage p : ps) {
            if (p.taken()) {
                (p.sourceKind().others() ? others : own).set(p.span().start(), p.span().end());
                takenBySource.computeIfAbsent(p.sourceId(), k -> new BitSet(t.length()))
                        .set(p.span().start(), p.span().end());
            } else {
                (p.direction() == Comparison.Direction.GIVEN ? given : unknown).set(p.span().start(), p.span().end());
            }
            bySource.computeIfAbsent(p.sourceId(), k -> new BitSet(t.length())).set(p.span().start(), p.span().end());
            first.putIfAbsent(p.sourceId(), p);
        }
        others.and(countable);
        own.and(countable);
        unknown.and(countable);
        unknown.andNot(others);
        unknown.andNot(own);
        given.and(countable);
        given.andNot(others);
        given.andNot(own);
        given.andNot(unknown);
        List<SourceShare> sources = new ArrayList<>();
        for (Map.Entry<String, BitSet> e : bySource.entrySet()) {
            BitSet b = e.getValue();
            b.and(countable);
            CopiedPassage p = first.get(e.getKey());
            sources.add(new SourceShare(e.getKey(), p.sourceKind(), p.sourceYear(), p.sourceUnit(), b.cardinality(),
                    round((double) b.cardinality() / total)));
        }
        sources.sort(Comparator.comparingInt(SourceShare::chars).reversed().thenComparing(SourceShare::sourceId));
        // the largest source counts only text this report took (direction TAKEN): a report others copied from is not
        // said to have copied
        SourceShare largest = null;
        for (Map.Entry<String, BitSet> e : takenBySource.entrySet()) {
            CopiedPassage p = first.get(e.getKey());
            if (!p.sourceKind().others()) {
                continue;
            }
            BitSet b = e.getValue();
            b.and(countable);
            if (b.cardinality() > 0 && (largest == null || b.cardinality() > largest.chars()
                    || (b.cardinality() == largest.chars() && e.getKey().compareTo(largest.sourceId()) < 0))) {
                largest = new SourceShare(e.getKey(), p.sourceKind(), p.sourceYear(), p.sourceUnit(), b.cardinality(),
                        round((double) b.cardinality() / total));
            }
        }
        Map<Category, int[]> sec = new java.util.EnumMap<>(Category.class);
        for (int i = 0; i < text.paragraphs(); i++) {
            int[] acc = sec.computeIfAbsent(text.category(i), k -> new int[3]);
            for (int j = text.starts()[i]; j < text.ends()[i]; j++) {
                if (Character.isLetterOrDigit(t.charAt(j))) {
                    acc[0]++;
                    acc[1] += others.get(j) ? 1 : 0;
                    acc[2] += own.get(j) ? 1 : 0;
                }
            }
        }
        List<SectionShare> sections = new ArrayList<>();
        sec.forEach((c, acc) -> {
            if (acc[0] > 0) {
                sections.add(new SectionShare(c, acc[0], round((double) acc[1] / acc[0]),
                        round((double) acc[2] / acc[0])));
            }
        });
        return new CopyStats(total, round((double) others.cardinality() / total),
                round((double) own.cardinality() / total), largest == null ? null : largest.sourceId(),
                largest == null ? null : largest.sourceKind(), largest == null ? 0 : largest.ratio(), sections,
                sources, round((double) unknown.cardinality() / total), round((double) given.cardinality() / total));
    }

    // ---- year over year -------------------------------------------------------------------------------------

    private List<YearOverYearMatch> yearOverYear(List<Entry> order, int r, ReportText text, List<Integer> earlier,
                                                 ItemMatcher matcher) {
        List<YearOverYearMatch> out = new ArrayList<>();
        ItemSketch a = order.get(r).items();
        for (YearOverYearMatch.Kind kind : List.of(YearOverYearMatch.Kind.REPEATED_PROBLEM,
                YearOverYearMatch.Kind.REPEATED_PLAN)) {
            ItemSketch.Kind k = kind == YearOverYearMatch.Kind.REPEATED_PROBLEM ? ItemSketch.Kind.PROBLEM
                    : ItemSketch.Kind.PLAN;
            List<Integer> open = new ArrayList<>(a.of(k));
            for (int o : earlier) {
                if (open.isEmpty()) {
                    break;
                }
                ItemSketch b = order.get(o).items();
                for (ItemMatcher.Pair p : matcher.match(a, open, b, b.of(k), ItemMatcher.Measure.COSINE,
                        options.repeatSimilarity())) {
                    out.add(match(kind, order, text, a, p, o, matcher));
                    open.remove(Integer.valueOf(p.a()));
                }
            }
        }
        if (!earlier.isEmpty()) {
            int o = earlier.get(0);
            ItemSketch b = order.get(o).items();
            List<Integer> done = new ArrayList<>(a.of(ItemSketch.Kind.DONE));
            done.addAll(a.of(ItemSketch.Kind.RECTIFICATION));
            for (ItemMatcher.Pair p : matcher.match(a, done, b, b.of(ItemSketch.Kind.PROMISE),
                    ItemMatcher.Measure.OVERLAP, options.keptSimilarity())) {
                out.add(match(YearOverYearMatch.Kind.PLAN_KEPT, order, text, a, p, o, matcher));
            }
        }
        out.sort(Comparator.comparing(YearOverYearMatch::span).thenComparing(YearOverYearMatch::kind));
        return out;
    }

    private YearOverYearMatch match(YearOverYearMatch.Kind kind, List<Entry> order, ReportText text, ItemSketch a,
                                    ItemMatcher.Pair p, int o, ItemMatcher matcher) {
        Entry prev = order.get(o);
        ItemSketch b = prev.items();
        String prevText = store.get(prev.id()).text();
        String ta = text.text().substring(a.start(p.a()), a.end(p.a()));
        String tb = prevText.substring(b.start(p.b()), b.end(p.b()));
        boolean verbatim = letters(ta).equals(letters(tb));
        return new YearOverYearMatch(kind, a.paragraph(p.a()), new Span(a.start(p.a()), a.end(p.a())), ta,
                prev.id(), prev.year(), b.paragraph(p.b()), new Span(b.start(p.b()), b.end(p.b())), tb,
                verbatim ? 1.0 : similarity(p.similarity()), verbatim, matcher.words(p.shared(), vocabulary));
    }

    /** @return the letters of a text (no digits, punctuation or whitespace): what "verbatim" compares */
    private static String letters(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(Character::isLetter).forEach(b::appendCodePoint);
        return b.toString();
    }

    /**
     * The concrete plans (promises) of report {@code o} that report {@code r} does not mention: not kept (no
     * {@code PLAN_KEPT} match), and its key words — the content words of the promise that no other item of its own
     * report uses, at least {@value #PROMISE_KEY_WORDS} — appear in no item or sentence of {@code r} and nowhere in
     * its text. Only the two reports decide (no corpus-wide weight), so the finding does not move when an unrelated
     * report changes. Measured on corpus-samples, a promise whose topic the later report takes up in other words
     * (工作法 → 支部工作法作了交流) keeps a key word and is not open: the finding says only what is true.
     */
    private List<OpenPromise> openPromises(List<Entry> order, int r, int o, List<YearOverYearMatch> yoy) {
        Entry prev = order.get(o);
        ItemSketch a = order.get(r).items();
        ItemSketch b = prev.items();
        int[] here = IntStream.range(0, a.size()).flatMap(i -> IntStream.of(a.terms(i))).distinct().sorted()
                .toArray();
        String text = null;
        String prevText = null;
        List<OpenPromise> out = new ArrayList<>();
        for (int j : b.of(ItemSketch.Kind.PROMISE)) {
            Span promise = new Span(b.start(j), b.end(j));
            if (yoy.stream().anyMatch(m -> m.kind() == YearOverYearMatch.Kind.PLAN_KEPT
                    && m.previousReportId().equals(prev.id()) && m.previousSpan().equals(promise))) {
                continue;
            }
            int[] others = IntStream.range(0, b.size())
                    .filter(i -> b.end(i) <= promise.start() || b.start(i) >= promise.end())
                    .flatMap(i -> IntStream.of(b.terms(i))).distinct().sorted().toArray();
            int[] key = IntStream.of(b.terms(j)).filter(id -> java.util.Arrays.binarySearch(others, id) < 0).toArray();
            if (key.length < PROMISE_KEY_WORDS || Vocabulary.common(key, here).length > 0) {
                continue;
            }
            if (text == null) {
                text = store.get(order.get(r).id()).text();
                prevText = store.get(prev.id()).text();
            }
            List<String> words = new ArrayList<>();
            for (int id : key) {
                words.add(vocabulary.word(id));
            }
            String t = text;
            if (words.stream().anyMatch(t::contains)) {
                continue; // a key word stands in the text inside a longer word: the report may mention it
            }
            words.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
            out.add(new OpenPromise(prev.id(), prev.year(), b.paragraph(j), promise,
                    prevText.substring(promise.start(), promise.end()), words));
        }
        return out;
    }

    /** Fewest key words a promise must have for its absence to be a finding. */
    static final int PROMISE_KEY_WORDS = 2;

    // ---- 疑似共同范文 ----------------------------------------------------------------------------------------

    /**
     * Groups the passages shared by reports of {@link SharedTemplates#MIN_UNITS} or more units and puts each
     * report's passages (with their paragraph flags) into its comparison in {@code out}.
     *
     * @return the groups
     */
    private List<SharedTemplates.Group> sharedTemplates(Map<String, Comparison> out, Map<String, String> units) {
        List<SharedTemplates.Group> groups = SharedTemplates.find(out, units, SharedTemplates.MIN_UNITS);
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

    private List<ProblemCoverage> coverage(List<Entry> order, int r, ReportText text, int o, ItemMatcher matcher,
                                           List<YearOverYearMatch> yoy) {
        Entry prev = order.get(o);
        ItemSketch a = order.get(r).items();
        ItemSketch b = prev.items();
        String prevText = store.get(prev.id()).text();
        List<Integer> rect = a.of(ItemSketch.Kind.RECTIFICATION);
        Set<Span> repeated = new HashSet<>();
        for (YearOverYearMatch m : yoy) {
            if (m.kind() == YearOverYearMatch.Kind.REPEATED_PROBLEM && m.previousReportId().equals(prev.id())) {
                repeated.add(m.previousSpan());
            }
        }
        List<ProblemCoverage> out = new ArrayList<>();
        for (int j : b.of(ItemSketch.Kind.PROBLEM)) {
            int[] headline = b.terms(b.headline(j));
            int[] item = b.terms(j);
            int best = -1;
            double bestSim = 0;
            for (int i : rect) {
                int[] ti = a.terms(i);
                double s = Math.max(matcher.similarity(headline, ti, ItemMatcher.Measure.CONTAINMENT),
                        matcher.similarity(item, ti, ItemMatcher.Measure.OVERLAP));
                if (s > bestSim) {
                    bestSim = s;
                    best = i;
                }
            }
            Span ps = new Span(b.start(j), b.end(j));
            String problemText = ps.of(prevText);
            List<String> named = List.of();
            if (best >= 0 && bestSim >= options.coverageSimilarity()) {
                // the rectification sentence names the problem only when words of it stand there literally: a
                // similarity carried by folded synonyms or generic words is no evidence that the statement speaks
                // of this problem (issue 13)
                String rectText = text.text().substring(a.start(best), a.end(best));
                int[] common = Vocabulary.common(union(headline, item), a.terms(best));
                String problemWords = problemText + "\n" + prevText.substring(b.start(b.headline(j)), b.end(b.headline(j)));
                int[] literal = IntStream.of(common).filter(id -> {
                    String w = vocabulary.word(id);
                    return w.length() >= 2 && vocabulary.named(w, problemWords) && vocabulary.named(w, rectText);
                }).toArray();
                // the literal words must carry the problem's headline (or the item), measured from the problem's
                // side: a short generic sentence (我组织社区党委认真开展整改) shares 社区、党委 with every problem
                // of the unit and names none of them
                if (Math.max(matcher.similarity(headline, literal, ItemMatcher.Measure.CONTAINMENT),
                        matcher.similarity(item, literal, ItemMatcher.Measure.CONTAINMENT))
                        >= options.coverageSimilarity()) {
                    named = matcher.words(literal, vocabulary);
                }
            }
            boolean addressed = named.size() >= ItemMatcher.MIN_SHARED;
            out.add(new ProblemCoverage(prev.id(), prev.year(), b.paragraph(j), ps, ps.of(prevText),
                    addressed ? ProblemCoverage.Status.ADDRESSED : ProblemCoverage.Status.NOT_MENTIONED,
                    addressed ? a.paragraph(best) : -1, addressed ? new Span(a.start(best), a.end(best)) : null,
                    addressed ? text.text().substring(a.start(best), a.end(best)) : null,
                    best >= 0 ? similarity(Math.min(1, bestSim)) : 0, repeated.contains(ps),
                    addressed ? named : List.of()));
        }
        return out;
    }

    private static int[] union(int[] a, int[] b) {
        return IntStream.concat(IntStream.of(a), IntStream.of(b)).distinct().sorted().toArray();
    }

    private List<Anachronism> staleYears(List<Entry> order, ReportText text, int year, List<int[]> stale) {
        List<Anachronism> out = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int[] s : stale) {
            if (!seen.add(s[0])) {
                continue;
            }
            Entry src = order.get(s[2]);
            String term = text.text().substring(s[0], s[1]);
            out.add(new Anachronism(STALE_YEAR, term, text.paragraphAt(s[0]), new Span(s[0], s[1]), null, null, year,
                    "“" + term + "”与 " + src.year() + " 年度报告 " + src.id() + " 的同一段文字完全相同，本报告为 " + year
                            + " 年度：照搬往年报告时漏改的年份"));
        }
        return out;
    }

    // ---- flags ----------------------------------------------------------------------------------------------

    private static List<ParagraphFlags> flags(ReportText text, List<CopiedPassage> ps, List<YearOverYearMatch> yoy,
                                              List<Anachronism> an) {
        Map<Integer, EnumSet<ParagraphFlag>> f = new TreeMap<>();
        for (CopiedPassage p : ps) {
            int from = Math.max(0, text.paragraphAt(p.span().start()));
            int to = text.paragraphAt(Math.max(p.span().start(), p.span().end() - 1));
            for (int i = from; i <= to; i++) {
                if (!text.compared()[i]) {
                    continue;
                }
                if (!p.taken()) {
                    continue; // shared text of unknown direction, or taken by the other report: not a copy here
                }
                EnumSet<ParagraphFlag> s = f.computeIfAbsent(i, k -> EnumSet.noneOf(ParagraphFlag.class));
                if (p.sourceKind().others()) {
                    s.add(ParagraphFlag.COPIED);
                    if (p.sourceKind() == SourceKind.TEMPLATE) {
                        s.add(ParagraphFlag.COPIED_TEMPLATE);
                    }
                } else {
                    s.add(ParagraphFlag.RECYCLED);
                }
            }
        }
        for (YearOverYearMatch m : yoy) {
            ParagraphFlag flag = switch (m.kind()) {
                case REPEATED_PROBLEM -> ParagraphFlag.REPEATED_PROBLEM;
                case REPEATED_PLAN -> ParagraphFlag.REPEATED_PLAN;
                case PLAN_KEPT -> ParagraphFlag.PLAN_KEPT;
            };
            f.computeIfAbsent(m.paragraph(), k -> EnumSet.noneOf(ParagraphFlag.class)).add(flag);
        }
        for (Anachronism a : an) {
            f.computeIfAbsent(a.paragraph(), k -> EnumSet.noneOf(ParagraphFlag.class)).add(ParagraphFlag.ANACHRONISM);
        }
        List<ParagraphFlags> out = new ArrayList<>();
        f.forEach((i, s) -> out.add(new ParagraphFlags(i, List.copyOf(s))));
        return out;
    }

    /**
     * A year-over-year similarity as reported: two decimals. The weights behind it are document frequencies over the
     * whole corpus, so any other report's change moves it in the third or fourth decimal; reported with two, a
     * report's comparison — and so its outputs — change only when a related report does (re-runs redo less).
     */
    private static double similarity(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
