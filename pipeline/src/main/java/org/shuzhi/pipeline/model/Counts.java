package org.shuzhi.pipeline.model;

import java.util.Collection;

/**
 * Aggregated concreteness and stance counts of a paragraph or section; the spans are on its sentences'
 * {@link Features}.
 *
 * @param chars           字数 by the default counting rule (CJK characters, letters and digits; no punctuation or
 *                        whitespace; DOMAIN.md §2 leaves the rule open)
 * @param numbers         count of numbers with units, percentages and dates
 * @param entities        count of named people, places, organisations and titled documents
 * @param vagueTerms      count of vague-term hits
 * @param forbiddenVague  count of the four words seed 002 forbids (部分、一些、少数、有的)
 * @param emptyPhrases    count of 套话 hits
 * @param firstPerson     count of first-person markers (我、本人、作为书记 …)
 * @param collective      count of collective markers (我们、班子、党委 …)
 * @param deflecting      count of deflecting markers (下面、有的支部、个别党员 …)
 */
public record Counts(int chars, int numbers, int entities, int vagueTerms, int forbiddenVague, int emptyPhrases,
                     int firstPerson, int collective, int deflecting) {

    /** All zero. */
    public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Counts of one sentence's features, with {@code chars} given. */
    public static Counts of(int chars, Features f) {
        int forbidden = (int) f.vagueTerms().stream().filter(m -> "forbidden".equals(m.group())).count();
        int first = (int) f.stance().stream().filter(m -> "first-person".equals(m.group())).count();
        int coll = (int) f.stance().stream().filter(m -> "collective".equals(m.group())).count();
        int defl = (int) f.stance().stream().filter(m -> "deflecting".equals(m.group())).count();
        return new Counts(chars, f.numbers().size(), f.entities().size(), f.vagueTerms().size(), forbidden,
                f.emptyPhrases().size(), first, coll, defl);
    }

    /** @return the element-wise sum */
    public Counts plus(Counts o) {
        return new Counts(chars + o.chars, numbers + o.numbers, entities + o.entities, vagueTerms + o.vagueTerms,
                forbiddenVague + o.forbiddenVague, emptyPhrases + o.emptyPhrases, firstPerson + o.firstPerson,
                collective + o.collective, deflecting + o.deflecting);
    }

    /** @return the element-wise sum of all */
    public static Counts sum(Collection<Counts> all) {
        Counts c = ZERO;
        for (Counts x : all) {
            c = c.plus(x);
        }
        return c;
    }

    /** @return (numbers + entities) per 100 字, 0 when there are no characters; unbounded above, typically 0–5 */
    public double concretePer100() {
        return chars == 0 ? 0 : 100.0 * (numbers + entities) / chars;
    }

    /** @return (vague terms + empty phrases) per 100 字, 0 when there are no characters; typically 0–5 */
    public double vaguePer100() {
        return chars == 0 ? 0 : 100.0 * (vagueTerms + emptyPhrases) / chars;
    }
}
