package org.shuzhi.pipeline.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * What the corpus-level comparison found for one report: links to the same unit's and secretary's reports of other
 * years, year-over-year findings (repeated problems and plans, plans kept, coverage of last year's problems by this
 * year's rectification statement, anachronisms), copied passages with offsets on both sides, copy statistics and
 * per-paragraph flags. Filled by {@code org.shuzhi.pipeline.compare.CorpusComparison}; sources: seed 003 #6
 * (防止年年述、年年改、年年在), seeds 001/002 (respond to last year's problems), DOMAIN.md §5–§6.
 *
 * <p>Units: every {@link Span} is a half-open UTF-16 range; {@code span}s point into this report's cleaned text,
 * {@code previousSpan}/{@code sourceSpan}s into the cleaned text of the other report or template named next to
 * them. Every ratio is 0–1 and counts characters by the 字数 rule (CJK ideographs, letters and digits; punctuation
 * and whitespace do not count) over this report's cleaned text; characters of official phrases
 * ({@code official-phrases.txt}), headings and title/name lines never count as copied. Every similarity is 0–1.
 *
 * @param links          the same unit's or secretary's reports of other years, by year
 * @param yearOverYear   repeated problems, repeated plans and plans kept, in text order
 * @param coverage       each problem item of the previous year's report and whether this year's rectification
 *                       statement addresses it; empty when there is no previous report
 * @param anachronisms   references that do not fit the report's year, in text order
 * @param passages       copied passages (maximal, official phrases excluded), in text order
 * @param copyStats      copy ratios of this report
 * @param paragraphFlags per-paragraph flags, only paragraphs that have at least one, by paragraph index
 * @param openPromises   the concrete plans of the previous report that nothing in this report refers to, in the
 *                       previous report's text order (issue 14: 上年承诺未见下文)
 * @param sharedTemplates this report's passages that reports of three or more units share and no template of the
 *                       library holds (疑似共同范文, issue 14), in text order
 */
public record Comparison(List<Link> links, List<YearOverYearMatch> yearOverYear, List<ProblemCoverage> coverage,
                         List<Anachronism> anachronisms, List<CopiedPassage> passages, CopyStats copyStats,
                         List<ParagraphFlags> paragraphFlags, List<OpenPromise> openPromises,
                         List<SharedTemplate> sharedTemplates) {

    /** Not compared (yet). */
    public static final Comparison NONE = new Comparison(List.of(), List.of(), List.of(), List.of(), List.of(),
            CopyStats.NONE, List.of(), List.of(), List.of());

    /** Defensive copies (a list absent from an older JSON reads as empty). */
    public Comparison {
        links = List.copyOf(links);
        yearOverYear = List.copyOf(yearOverYear);
        coverage = List.copyOf(coverage);
        anachronisms = List.copyOf(anachronisms);
        passages = List.copyOf(passages);
        paragraphFlags = List.copyOf(paragraphFlags);
        openPromises = openPromises == null ? List.of() : List.copyOf(openPromises);
        sharedTemplates = sharedTemplates == null ? List.of() : List.copyOf(sharedTemplates);
    }

    /**
     * @return this comparison with its shared-template passages and the paragraph flags they add
     *         ({@link ParagraphFlag#SHARED_TEMPLATE} on every paragraph a passage touches)
     */
    public Comparison withSharedTemplates(List<SharedTemplate> shared) {
        java.util.Map<Integer, java.util.EnumSet<ParagraphFlag>> f = new java.util.TreeMap<>();
        for (ParagraphFlags pf : paragraphFlags) {
            f.put(pf.paragraph(), pf.flags().isEmpty() ? java.util.EnumSet.noneOf(ParagraphFlag.class)
                    : java.util.EnumSet.copyOf(pf.flags()));
        }
        for (SharedTemplate s : shared) {
            for (int i = s.paragraph(); i <= s.lastParagraph(); i++) {
                f.computeIfAbsent(i, k -> java.util.EnumSet.noneOf(ParagraphFlag.class))
                        .add(ParagraphFlag.SHARED_TEMPLATE);
            }
        }
        List<ParagraphFlags> flags = new java.util.ArrayList<>();
        f.forEach((i, s) -> flags.add(new ParagraphFlags(i, List.copyOf(s))));
        return new Comparison(links, yearOverYear, coverage, anachronisms, passages, copyStats, flags, openPromises,
                shared);
    }

    /**
     * A concrete plan (承诺: a plan sentence with a deadline, quantity, owner or mechanism signal,
     * {@code plan-signals.txt}) of the previous report of the same unit or secretary that this report does not
     * mention: it is not reported as kept, and none of its key words stands anywhere in this report. What it states is
     * only that this report does not mention the promise (未见下文), not that the promise was broken.
     *
     * @param previousReportId  the previous report
     * @param previousYear      its year
     * @param previousParagraph index of the paragraph holding the promise there
     * @param previousSpan      the promise there (UTF-16, half-open, in the previous report's cleaned text)
     * @param previousText      its text
     * @param keyWords          the evidence: the promise's content words (canonical forms, {@code yoy-synonyms.txt})
     *                          that no other part of its own report uses — at least two, longest first — none of
     *                          which appears in this report's text
     */
    public record OpenPromise(String previousReportId, int previousYear, int previousParagraph, Span previousSpan,
                              String previousText, List<String> keyWords) {
        /** Defensive copy. */
        public OpenPromise {
            keyWords = List.copyOf(keyWords);
        }
    }

    /**
     * A passage of this report in a 疑似共同范文 group (see {@code org.shuzhi.pipeline.compare.SharedTemplates}).
     *
     * @param group         the group's stable id (the anchor of the group on {@code templates-shared.html}; derived
     *                      from the group's common text, so it does not change when other groups do)
     * @param paragraph     index of the paragraph where the passage starts
     * @param lastParagraph index of the paragraph where it ends (≥ {@code paragraph})
     * @param span          the passage in this report (UTF-16, half-open)
     * @param text          its text
     * @param units         the distinct units whose reports share the passage, sorted (at least three)
     */
    public record SharedTemplate(String group, int paragraph, int lastParagraph, Span span, String text,
                                 List<String> units) {
        /** Defensive copy. */
        public SharedTemplate {
            units = List.copyOf(units);
        }
    }

    /** @return the flags of paragraph {@code paragraph} (0-based index), in vocabulary order; empty when none */
    public List<ParagraphFlag> flags(int paragraph) {
        for (ParagraphFlags f : paragraphFlags) {
            if (f.paragraph() == paragraph) {
                return f.flags();
            }
        }
        return List.of();
    }

    /** @return the year-over-year matches of one kind, in text order */
    public List<YearOverYearMatch> yearOverYear(YearOverYearMatch.Kind kind) {
        return yearOverYear.stream().filter(m -> m.kind() == kind).toList();
    }

    /** @return true when the comparison ran on this report */
    @JsonIgnore
    public boolean compared() {
        return !equals(NONE);
    }

    /**
     * A report of another year linked to this one.
     *
     * @param reportId      the other report's id
     * @param year          its year
     * @param unit          its unit, or null
     * @param secretary     its secretary, or null
     * @param sameUnit      true when the unit is the same (the secretary may have changed)
     * @param sameSecretary true when the secretary is the same person (the unit may differ: a secretary who moved)
     */
    public record Link(String reportId, int year, String unit, String secretary, boolean sameUnit,
                       boolean sameSecretary) {
    }

    /**
     * An item of this report that matches an item of an earlier year's report of the same unit or secretary.
     *
     * @param kind              what matched what
     * @param paragraph         index of the paragraph holding {@code span}
     * @param span              the item in this report (a problem or plan item, or an achievement sentence)
     * @param text              its text
     * @param previousReportId  the earlier report
     * @param previousYear      its year
     * @param previousParagraph index of the paragraph holding {@code previousSpan} in the earlier report
     * @param previousSpan      the matched item there (a problem or plan item)
     * @param previousText      its text
     * @param similarity        0–1: idf-weighted cosine of the two items' content words after synonym folding
     *                          (repeated problem or plan), or the share of the plan's weighted content words found in
     *                          the achievement (plan kept); 1 for identical text
     * @param verbatim          true when both texts are identical after removing whitespace, punctuation and digits
     * @param sharedTerms       the shared content words (canonical forms), strongest first: the evidence
     */
    public record YearOverYearMatch(Kind kind, int paragraph, Span span, String text, String previousReportId,
                                    int previousYear, int previousParagraph, Span previousSpan, String previousText,
                                    double similarity, boolean verbatim, List<String> sharedTerms) {

        /** What was matched. */
        public enum Kind {
            /** A problem item that was already reported as a problem in an earlier year (年年在). */
            REPEATED_PROBLEM("问题重复出现"),
            /** A plan item that was already promised in an earlier year. */
            REPEATED_PLAN("打算重复许诺"),
            /** An earlier year's concrete plan that this report states as done (promise kept). */
            PLAN_KEPT("兑现上年承诺");

            private final String label;

            Kind(String label) {
                this.label = label;
            }

            /** @return the stable id, the name in lower case with hyphens (e.g. {@code repeated-problem}) */
            @com.fasterxml.jackson.annotation.JsonValue
            public String id() {
                return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            }

            /** @return the Chinese label */
            public String label() {
                return label;
            }

            /** @throws IllegalArgumentException if no kind has this id */
            @com.fasterxml.jackson.annotation.JsonCreator
            public static Kind fromId(String id) {
                return valueOf(id.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            }
        }
    }

    /**
     * A problem item of the previous year's report and whether this report's rectification statement (上年度问题整改
     * 情况, seeds 001/002) speaks to it.
     *
     * @param previousReportId  the previous report
     * @param previousYear      its year
     * @param previousParagraph index of the paragraph holding the problem there
     * @param previousSpan      the problem item there
     * @param problem           its text
     * @param status            addressed or not mentioned
     * @param paragraph         index of the rectification paragraph that addresses it, or -1
     * @param span              the rectification sentence that addresses it, or null
     * @param text              that sentence, or null
     * @param similarity        0–1, the share of the problem's weighted content words found in the sentence
     * @param repeated          true when this report lists the same problem again as a problem (年年在)
     * @param sharedTerms       the words that stand literally in both the problem and the rectification sentence:
     *                          the evidence that the sentence names the problem; {@link Status#ADDRESSED} needs at
     *                          least two (issue 13); empty when not addressed
     */
    public record ProblemCoverage(String previousReportId, int previousYear, int previousParagraph,
                                  Span previousSpan, String problem, Status status, int paragraph, Span span,
                                  String text, double similarity, boolean repeated, List<String> sharedTerms) {
        /** Defensive copy (null, from an older JSON, reads as empty). */
        public ProblemCoverage {
            sharedTerms = sharedTerms == null ? List.of() : List.copyOf(sharedTerms);
        }

        /** Coverage status. */
        public enum Status {
            /** A rectification sentence names the problem (at least two of its words, literally). */
            ADDRESSED("有整改说明"),
            /** No rectification sentence names it (or there is no rectification statement at all). */
            NOT_MENTIONED("未提及");

            private final String label;

            Status(String label) {
                this.label = label;
            }

            /** @return the stable id, the name in lower case with hyphens (e.g. {@code not-mentioned}) */
            @com.fasterxml.jackson.annotation.JsonValue
            public String id() {
                return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            }

            /** @return the Chinese label */
            public String label() {
                return label;
            }

            /** @throws IllegalArgumentException if no status has this id */
            @com.fasterxml.jackson.annotation.JsonCreator
            public static Status fromId(String id) {
                return valueOf(id.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            }
        }
    }

    /**
     * A reference that does not fit the report's year.
     *
     * @param rule       {@code anachronism.year-marker} (a term of {@code year-markers.txt} outside its plausible
     *                   years) or {@code anachronism.stale-year} (a year equal to an earlier report's own year, copied
     *                   unchanged from that report: 改日期漏改, W10/W11)
     * @param term       the year-marker entry, or the stale year as written (e.g. 2023年)
     * @param paragraph  index of the paragraph holding it
     * @param span       where it stands
     * @param fromYear   first plausible report year of the term (null for a stale year)
     * @param toYear     last plausible report year, or null when still current (or for a stale year)
     * @param reportYear the report's year
     * @param detail     Chinese explanation, e.g. the note of the year-marker entry or the source report
     */
    public record Anachronism(String rule, String term, int paragraph, Span span, Integer fromYear, Integer toYear,
                              int reportYear, String detail) {
    }

    /**
     * A maximal passage of this report that also stands in another document, found by fingerprints and extended by
     * alignment (gaps shorter than the minimum match length are bridged, so lightly edited copies stay one passage).
     *
     * @param span        the passage in this report
     * @param text        its text
     * @param sourceId    the other document: a report id, or a template id (see {@code sourceKind})
     * @param sourceKind  who wrote the other document, seen from this report
     * @param sourceYear  the source's year, or null
     * @param sourceUnit  the source's unit, or null; for a template its title
     * @param sourceSpan  the passage in the source's cleaned text
     * @param sourceText  its text
     * @param chars       字数 of the matched characters in this report (official phrases, punctuation, whitespace not
     *                    counted)
     * @param similarity  0–1: matched characters over the longer side's characters (1 = identical up to punctuation,
     *                    whitespace and digits)
     * @param direction   who took the passage from whom ({@link Direction}); only {@link Direction#TAKEN} passages
     *                    count as copied or recycled
     * @param directionEvidence the evidence of the direction, Chinese (e.g. 来源为 2023 年度报告（更早）, or the
     *                    other report's names and figures the passage carries: “红旗村”在对方报告其他段落中出现，本报告
     *                    其他段落未出现); empty for {@link Direction#UNKNOWN}
     */
    public record CopiedPassage(Span span, String text, String sourceId, SourceKind sourceKind, Integer sourceYear,
                                String sourceUnit, Span sourceSpan, String sourceText, int chars,
                                double similarity, Direction direction, List<String> directionEvidence) {
        /** Defensive copy; a passage read from an older JSON without a direction is {@link Direction#TAKEN}. */
        public CopiedPassage {
            direction = direction == null ? Direction.TAKEN : direction;
            directionEvidence = directionEvidence == null ? List.of() : List.copyOf(directionEvidence);
        }

        /** @return true when this report took the passage from the source: it counts as copied or recycled */
        @JsonIgnore
        public boolean taken() {
            return direction == Direction.TAKEN;
        }
    }

    /**
     * Who took a shared passage from whom, seen from the report that holds the passage (issue 13). Said only with
     * evidence: the source is of an earlier year or a template, or the passage names people, places, figures or
     * events found elsewhere in one report only. Without evidence the passage is {@link #UNKNOWN}: shown as 相同文字
     * with both reports named, counted in neither report's copy ratio but in both reports' shared ratio.
     */
    public enum Direction implements StableId {
        /** This report took the passage from the source. */
        TAKEN("本报告取自对方"),
        /** The source took the passage from this report: this report is not accused. */
        GIVEN("对方取自本报告"),
        /** Same text, no evidence of who wrote it first. */
        UNKNOWN("方向不明");

        private final String label;

        Direction(String label) {
            this.label = label;
        }

        /** @return the Chinese label */
        public String label() {
            return label;
        }
    }

    /**
     * Copy ratios of the report.
     *
     * @param chars              字数 of the whole cleaned text (the denominator of every ratio)
     * @param copyRatio          share copied from others (other units' reports and templates), 0–1: passages of
     *                           direction {@link Direction#TAKEN} only
     * @param recycledRatio      share taken from the same unit's or secretary's earlier reports, 0–1
     * @param largestSourceId    the single source (other than own earlier years) with most copied characters
     *                           (单篇最大复制比), or null
     * @param largestSourceKind  its kind, or null
     * @param largestSourceRatio its share, 0–1
     * @param sections           per section kind (paragraph category): characters and ratios
     * @param sources            every source with its share, largest first (all shared text, any direction)
     * @param sharedRatio        share of text also found in another report with no evidence of who wrote it first
     *                           ({@link Direction#UNKNOWN}), 0–1; not part of {@code copyRatio}
     * @param givenRatio         share of text that other reports took from this one ({@link Direction#GIVEN}), 0–1;
     *                           not part of {@code copyRatio}
     */
    public record CopyStats(int chars, double copyRatio, double recycledRatio, String largestSourceId,
                            SourceKind largestSourceKind, double largestSourceRatio, List<SectionShare> sections,
                            List<SourceShare> sources, double sharedRatio, double givenRatio) {
        /** Nothing compared. */
        public static final CopyStats NONE = new CopyStats(0, 0, 0, null, null, 0, List.of(), List.of(), 0, 0);

        /** Defensive copies. */
        public CopyStats {
            sections = List.copyOf(sections);
            sources = List.copyOf(sources);
        }
    }

    /**
     * Copy ratios of the paragraphs of one category.
     *
     * @param category      the paragraph category
     * @param chars         字数 of those paragraphs
     * @param copyRatio     share copied from others, 0–1 of {@code chars}
     * @param recycledRatio share from own earlier years, 0–1 of {@code chars}
     */
    public record SectionShare(Category category, int chars, double copyRatio, double recycledRatio) {
    }

    /**
     * One source's share of the report.
     *
     * @param sourceId   report or template id
     * @param sourceKind its kind
     * @param sourceYear its year, or null
     * @param sourceUnit its unit (a template's title), or null
     * @param chars      字数 of this report found in that source
     * @param ratio      {@code chars} over the report's 字数, 0–1
     */
    public record SourceShare(String sourceId, SourceKind sourceKind, Integer sourceYear, String sourceUnit,
                              int chars, double ratio) {
    }

    /**
     * The flags of one paragraph.
     *
     * @param paragraph the paragraph index
     * @param flags     its flags in vocabulary order, never empty
     */
    public record ParagraphFlags(int paragraph, List<ParagraphFlag> flags) {
        /** Defensive copy. */
        public ParagraphFlags {
            flags = List.copyOf(flags);
        }
    }
}
