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
 * {@code -} drops it). Not thread-safe: the caller serialises {@link #terms}.
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
     * @param into   the ids are added here
     */
    void addTerms(List<Token> tokens, int from, int to, List<Integer> into) {
        for (Token t : tokens) {
            if (t.span().start() < from || t.span().end() > to || t.pos().isEmpty()
                    || !CONTENT_POS.contains(t.pos().charAt(0))) {
                continue;
            }
            String w = canonical(t.word());
            if (w != null) {
                into.add(ids.computeIfAbsent(w, k -> {
                    words.add(k);
                    return words.size() - 1;
                }));
            }
        }
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

    /** @return the canonical word of an id */
    String word(int id) {
        return words.get(id);
    }

    /** @return the number of distinct words seen */
    int size() {
        return words.size();
    }

    /** @return sorted distinct ids of a list */
    static int[] distinct(List<Integer> ids) {
        return ids.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
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
