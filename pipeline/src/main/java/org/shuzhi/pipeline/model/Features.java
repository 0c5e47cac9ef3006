package org.shuzhi.pipeline.model;

import java.util.List;

/**
 * Concreteness and stance evidence of one sentence (DOMAIN.md §3(a), (b), (d); seed 002: "多举事例、多用数据";
 * forbidden vague words 部分、一些、少数、有的). Every list holds dictionary or pattern hits with their spans.
 *
 * @param numbers      numbers with a unit or counter, percentages and dates ({@code number-units} list, patterns)
 * @param entities     named people, places, organisations (HanLP nr/ns/nt) and titled documents or cases 《…》
 * @param vagueTerms   {@code vague-terms} hits (exceptions such as 第一部分 removed)
 * @param emptyPhrases {@code empty-phrases} hits (套话)
 * @param stance       {@code stance-markers} hits: first-person, collective or deflecting
 */
public record Features(List<TermMatch> numbers, List<TermMatch> entities, List<TermMatch> vagueTerms,
                       List<TermMatch> emptyPhrases, List<TermMatch> stance) {

    /** No hits at all. */
    public static final Features NONE = new Features(List.of(), List.of(), List.of(), List.of(), List.of());
}
