package org.shuzhi.pipeline.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.shuzhi.pipeline.model.Comparison.CopiedPassage;
import org.shuzhi.pipeline.model.Comparison.Direction;
import org.shuzhi.pipeline.model.SourceKind;
import org.shuzhi.pipeline.model.Span;

/**
 * Copy attribution: which report each shared passage counts for, as what ({@link SourceKind}), and who took it from
 * whom ({@link Direction}). A passage counts for a report unless the other side is a later report: a template is
 * always the source ({@code TEMPLATE}); of two related reports (same unit or secretary, {@link YearLinks}) the later
 * one took it ({@code OWN_EARLIER_YEAR}); of two unrelated reports of the same year both could have taken it
 * ({@code COLLEAGUE_SAME_YEAR}), and {@link CopyDirection} decides from the texts (issue 13); a report of unknown year
 * and any earlier report are {@code OTHER_REPORT}. The stale years of a passage ({@link StaleYears}) go to the report
 * that took it. Immutable once built.
 */
final class CopyAttribution {
    /**
     * A passage attributed to a report.
     *
     * @param source     number of the document it is shared with ({@link ComparedCorpus})
     * @param kind       what the source is to the report
     * @param span       the passage in the report's cleaned text
     * @param sourceSpan the passage in the source's cleaned text
     * @param matched    normalised characters covered by exact matches
     * @param similarity matched characters over the longer side, 0–1
     * @param direction  whether the report took the passage ({@code TAKEN}), gave it, or unknown
     * @param evidence   why the direction was said (Chinese, shown to the user)
     */
    private record Attributed(int source, SourceKind kind, Span span, Span sourceSpan, int matched,
                              double similarity, Direction direction, List<String> evidence) {
    }

    private final ComparedCorpus corpus;
    private final List<List<Attributed>> byDocument = new ArrayList<>();
    private final List<List<StaleYears.StaleYear>> stale = new ArrayList<>();
    private long pairsWithCopies;

    /**
     * @param corpus the documents
     * @param shared per report (number − templates), the passages it shares ({@link CandidateAligner})
     */
    CopyAttribution(ComparedCorpus corpus, List<List<CandidateAligner.SharedPassage>> shared) {
        this.corpus = corpus;
        for (int i = 0; i < corpus.size(); i++) {
            byDocument.add(new ArrayList<>());
            stale.add(new ArrayList<>());
        }
        CopyDirection direction = new CopyDirection();
        for (List<CandidateAligner.SharedPassage> list : shared) {
            for (CandidateAligner.SharedPassage s : list) {
                if (kind(s.a(), s.b()) != null && reverseKind(s) != null) {
                    direction.want(corpus.get(s.a()).normalized(), s.naStart(), s.naEnd());
                }
            }
        }
        for (ComparedCorpus.Document d : corpus.documents()) {
            if (!d.template()) {
                direction.count(d.normalized());
            }
        }
        for (List<CandidateAligner.SharedPassage> list : shared) {
            pairsWithCopies += list.stream().map(CandidateAligner.SharedPassage::b).distinct().count();
            for (CandidateAligner.SharedPassage s : list) {
                attribute(s, direction);
            }
        }
    }

    private void attribute(CandidateAligner.SharedPassage s, CopyDirection direction) {
        SourceKind ab = kind(s.a(), s.b());
        SourceKind ba = reverseKind(s);
        Direction dab = Direction.TAKEN;
        Direction dba = Direction.TAKEN;
        List<String> evA = ab == null ? List.of() : evidence(s.b(), ab);
        List<String> evB = ba == null ? List.of() : evidence(s.a(), ba);
        if (ab != null && ba != null) {
            ComparedCorpus.Document x = corpus.get(s.a());
            ComparedCorpus.Document y = corpus.get(s.b());
            CopyDirection.Verdict v = direction.decide(x.normalized(), s.naStart(), s.naEnd(), y.normalized(),
                    s.nbStart(), s.nbEnd(), s.aSpan().of(corpus.text(s.a()).text()),
                    Arrays.asList(x.unit(), x.secretary()), Arrays.asList(y.unit(), y.secretary()));
            dab = direction(v.aTook());
            dba = direction(-v.aTook());
            evA = v.evidence();
            evB = v.evidence();
        }
        if (ab != null) {
            byDocument.get(s.a()).add(new Attributed(s.b(), ab, s.aSpan(), s.bSpan(), s.matched(), s.similarity(),
                    dab, evA));
            if (dab == Direction.TAKEN) {
                s.stale().inA().forEach(y -> stale.get(s.a()).add(new StaleYears.StaleYear(y, s.b())));
            }
        }
        if (ba != null) {
            byDocument.get(s.b()).add(new Attributed(s.a(), ba, s.bSpan(), s.aSpan(), s.matched(), s.similarity(),
                    dba, evB));
            if (dba == Direction.TAKEN) {
                s.stale().inB().forEach(y -> stale.get(s.b()).add(new StaleYears.StaleYear(y, s.a())));
            }
        }
    }

    private static Direction direction(int took) {
        return took > 0 ? Direction.TAKEN : took < 0 ? Direction.GIVEN : Direction.UNKNOWN;
    }

    /** @return what b is to report a for a passage they share, or null when a cannot have taken it (b is later) */
    private SourceKind kind(int a, int b) {
        ComparedCorpus.Document x = corpus.get(a);
        ComparedCorpus.Document y = corpus.get(b);
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
        if (corpus.links().related(a, b)) {
            return c < 0 ? SourceKind.OWN_EARLIER_YEAR : SourceKind.OTHER_REPORT;
        }
        return c == 0 ? SourceKind.COLLEAGUE_SAME_YEAR : SourceKind.OTHER_REPORT;
    }

    /** @return what a is to b for the passage, or null when b cannot have taken it (a template takes nothing) */
    private SourceKind reverseKind(CandidateAligner.SharedPassage s) {
        return corpus.get(s.b()).template() ? null : kind(s.b(), s.a());
    }

    /** @return the evidence that a report took a passage from {@code source} when the kind alone settles it */
    private List<String> evidence(int source, SourceKind kind) {
        ComparedCorpus.Document src = corpus.get(source);
        if (kind == SourceKind.TEMPLATE) {
            return List.of("来源为范文库文本“" + src.title() + "”");
        }
        return List.of("来源为 " + src.year() + " 年度报告，早于本报告");
    }

    /** @return pairs of documents that share at least one passage */
    long pairsWithCopies() {
        return pairsWithCopies;
    }

    /**
     * @param r    a report's number
     * @param text its text
     * @return its passages, by span then source id
     */
    List<CopiedPassage> passages(int r, ReportText text) {
        List<CopiedPassage> out = new ArrayList<>();
        for (Attributed a : byDocument.get(r)) {
            ComparedCorpus.Document src = corpus.get(a.source());
            String srcText = corpus.text(a.source()).text();
            out.add(new CopiedPassage(a.span(), a.span().of(text.text()), src.id(), a.kind(),
                    src.template() ? null : src.year(), src.template() ? src.title() : src.unit(), a.sourceSpan(),
                    a.sourceSpan().of(srcText), a.matched(), Decimals.four(a.similarity()), a.direction(),
                    a.evidence()));
        }
        out.sort(Comparator.comparing(CopiedPassage::span).thenComparing(CopiedPassage::sourceId));
        return out;
    }

    /** @return the stale years of report {@code r}, from the passages it took, in attribution order */
    List<StaleYears.StaleYear> staleYears(int r) {
        return stale.get(r);
    }
}
