package org.shuzhi.pipeline.assess;

import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.dict.TermList;

/**
 * The term lists the assessment reads (all in {@code dictionaries/terms/}, documented in {@code dictionaries/README.md}).
 * The first three are analysis lists shared with the per-document stages; the others are read by the assessment only.
 *
 * @param causeMarkers   {@value Dictionaries#CAUSE_MARKERS}: subjective vs objective cause wording (R8)
 * @param planSignals    {@value Dictionaries#PLAN_SIGNALS}: deadline, quantity, owner, mechanism, vague-plan (R9)
 * @param partyFocus     {@value #PARTY_FOCUS}: Party-building vs business words (R16)
 * @param problemDepth   {@value #PROBLEM_DEPTH}: self-level markers of a problem item (R15)
 * @param stopwords      {@value #ALIGNMENT_STOPWORDS}: words ignored when matching problems to plans (R9)
 * @param phrases        {@value #PHRASES}: the sentences of the draft 点评
 */
public record AssessmentLists(TermList causeMarkers, TermList planSignals, TermList partyFocus,
                              TermList problemDepth, TermList stopwords, TermList phrases) {
    public static final String PARTY_FOCUS = "party-focus-terms";
    public static final String PROBLEM_DEPTH = "problem-depth-markers";
    public static final String ALIGNMENT_STOPWORDS = "alignment-stopwords";
    public static final String PHRASES = "assessment-phrases";

    /**
     * @throws IllegalArgumentException if a list is missing from {@code dict}
     */
    public static AssessmentLists from(Dictionaries dict) {
        return new AssessmentLists(dict.list(Dictionaries.CAUSE_MARKERS), dict.list(Dictionaries.PLAN_SIGNALS),
                dict.list(PARTY_FOCUS), dict.list(PROBLEM_DEPTH), dict.list(ALIGNMENT_STOPWORDS), dict.list(PHRASES));
    }
}
