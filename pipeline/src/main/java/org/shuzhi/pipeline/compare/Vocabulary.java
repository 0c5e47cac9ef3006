package org.shuzhi.pipeline.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.shuzhi.pipeline.dict.TermList;
import org.shuzhi.pipeline.model.Token;

/**
 * The content words of items as small integer ids: a token is a content word when its part of speech is a noun,
 * verb, adjective, idiom, abbreviation or distinguishing word (HanLP/PKU tags {@code n* v* a* b* i* l* j* g* z*});
 * punctuation, particles, prepositions, conjunctions, numerals, measure words, time words, pronouns, adverbs and
 * locative words are not. Each word is folded to its canonical form by {@code yoy-synonyms.txt} (a canonical
 * {@code -} drops it). {@link #canonicalTerms} is thread-safe; the caller serialises {@link #ids}.
 */
final class Vocabulary {
    private static final Set<Character> CONTENT_POS = Set.of('n', 'v', 'a', 'b', 'i', 'l', 'j', 'g', 'z');
    private static final String DROP = "-";

    private final TermList synonyms;
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> words = new ArrayList<>();

    /** @param synonyms the {@code yoy-synonyms} list */
    Vocabulary(TermList synonyms) {
        this.synonyms = synonyms;
    }

    /**
     * @param tokens a sentence's tokens (any order)
     * @param from   first offset of the item, inclusive
     * @param to     last offset, exclusive
     * @param into   the canonical content words are added here; thread-safe (reads the foldings only)
     */
    void canonicalTerms(List<Token> tokens, int from, int to, java.util.Collection<String> into) {
        for (Token t : tokens) {
            if (t.span().start() < from || t.span().end() > to || t.pos().isEmpty()
                    || !CONTENT_POS.contains(t.pos().charAt(0))) {
                continue;
            }
            String w = canonical(t.word());
            if (w != null) {
                into.add(w);
            }
        }
    }

    /**
     * @param canonicalWords canonical words (from {@link #canonicalTerms})
     * @return their sorted distinct ids, new words numbered as they come; not thread-safe
     */
    int[] ids(String[] canonicalWords) {
        int[] out = new int[canonicalWords.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = ids.computeIfAbsent(canonicalWords[i], k -> {
                words.add(k);
                return words.size() - 1;
            });
        }
        return java.util.Arrays.stream(out).sorted().distinct().toArray();
    }

    /** @return the canonical form of a word, or null when it is dropped */
    String canonical(String word) {
        TermList.Entry e = synonyms.entry(word);
        if (e == null) {
            return word;
        }
        String c = e.column(0);
        return c.equals(DROP) ? null : c.isEmpty() ? word : c;
    }

    /**
     * @return whether {@code text} names the canonical word {@code canonical}: the word itself or one of the surface
     *         forms the synonym list folds into it (指导 for 调研) stands there literally
     */
    boolean named(String canonical, String text) {
        if (text.contains(canonical)) {
            return true;
        }
        for (TermList.Entry e : synonyms.entries()) {
            if (canonical.equals(e.column(0)) && text.contains(e.term())) {
                return true;
            }
        }
        return false;
    }

    /** @return the canonical word of an id */
    String word(int id) {
        return words.get(id);
    }

    /** @return the number of distinct words seen */
    int size() {
        return words.size();
    }

    /** @return the ids of {@code a} that are also in {@code b} (both sorted) */
    static int[] common(int[] a, int[] b) {
        int[] out = new int[Math.min(a.length, b.length)];
        int n = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] == b[j]) {
                out[n++] = a[i];
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
