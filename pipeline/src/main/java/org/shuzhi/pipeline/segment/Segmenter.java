package org.shuzhi.pipeline.segment;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.dict.TermList;
import org.shuzhi.pipeline.dict.TextFold;
import org.shuzhi.pipeline.model.Span;
import org.shuzhi.pipeline.model.TermMatch;
import org.shuzhi.pipeline.model.Token;

/**
 * Chinese word segmentation with HanLP portable (Viterbi with person, place and organisation recognition) plus the
 * project's {@code domain-terms} (三会一课, 软弱涣散, 第一责任人 …), so that domain words stay whole and names are found
 * for concreteness. This package is the only place that touches HanLP.
 *
 * <p>HanLP keeps its custom dictionary in a process-wide table (a constraint of the library): the constructor adds
 * the domain terms to it in memory and writes no cache file. Each thread gets its own {@link Segment}; instances are
 * thread-safe.
 */
public final class Segmenter {
    private final ThreadLocal<Segment> segment = ThreadLocal.withInitial(() -> HanLP.newSegment()
            .enableOffset(true).enablePlaceRecognize(true).enableOrganizationRecognize(true)
            .enableCustomDictionary(true));
    private final ThreadLocal<Segment> searchSegment = ThreadLocal.withInitial(() -> HanLP.newSegment()
            .enableOffset(true).enableCustomDictionary(true));
    private final ThreadLocal<Segment> indexSegment = ThreadLocal.withInitial(() -> HanLP.newSegment()
            .enableOffset(true).enableCustomDictionary(true).enableIndexMode(true));
    private final TermList domainTerms;

    public Segmenter(Dictionaries dict) {
        Logger.getLogger("HanLP").setLevel(Level.SEVERE);
        HanLP.Config.ShowTermNature = true;
        TermList terms = dict.list(Dictionaries.DOMAIN_TERMS);
        this.domainTerms = terms;
        synchronized (Segmenter.class) {
            for (TermList.Entry e : terms.entries()) {
                String nature = e.column(0).isEmpty() ? "nz" : e.column(0);
                if (!e.term().startsWith("re:") && !e.term().contains("…")) {
                    CustomDictionary.insert(e.term(), nature + " 1024");
                }
            }
        }
    }

    /**
     * Longest piece (UTF-16 units) given to HanLP at once. HanLP's time grows faster than the length of its input
     * (segmenting one 735,000-character line took most of the 65 s the pipeline needed for it); longer text is cut into pieces
     * after a sentence end, else after a comma-like mark, else at this length. No paragraph of the samples comes near
     * it (the longest has 559 characters), so ordinary text is segmented whole.
     */
    public static final int MAX_PIECE = 2000;

    /**
     * @param text   the text to segment, e.g. a paragraph
     * @param offset where {@code text} starts in the cleaned text; added to every token span
     * @return the words in order, covering {@code text} without gaps except whitespace
     */
    public List<Token> segment(String text, int offset) {
        List<Token> out = new ArrayList<>();
        for (Term t : inPieces(segment.get(), text)) {
            int s = offset + t.offset;
            out.add(new Token(new Span(s, s + t.word.length()), t.word, t.nature == null ? "x" : t.nature.toString()));
        }
        return out;
    }

    /** HanLP over pieces of at most {@link #MAX_PIECE} chars; term offsets relative to {@code text}. */
    private static List<Term> inPieces(Segment seg, String text) {
        if (text.length() <= MAX_PIECE) {
            return seg.seg(text);
        }
        List<Term> out = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int to = pieceEnd(text, from);
            for (Term t : seg.seg(text.substring(from, to))) {
                t.offset += from;
                out.add(t);
            }
            from = to;
        }
        return out;
    }

    private static int pieceEnd(String text, int from) {
        if (text.length() - from <= MAX_PIECE) {
            return text.length();
        }
        int limit = from + MAX_PIECE;
        int comma = -1;
        for (int i = limit - 1; i > from + MAX_PIECE / 2; i--) {
            char c = text.charAt(i);
            if ("。！？；!?;".indexOf(c) >= 0) {
                return i + 1;
            }
            if (comma < 0 && "，、,：:".indexOf(c) >= 0) {
                comma = i + 1;
            }
        }
        if (comma > 0) {
            return comma;
        }
        return Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
    }

    /**
     * Words for a full-text index or a query: the same dictionaries as {@link #segment}, but without person, place
     * and organisation recognition (a recognised 市国土资源局党支部 would hide 国土资源局 from search; STACK.md).
     * Whitespace and punctuation are dropped.
     *
     * <p>In index mode each word is followed by the dictionary words inside it ({@code 党组织} → {@code 党组},
     * {@code 组织}) and by every domain term that starts inside it, marked {@link SearchToken#stacked()} so that an
     * analyzer can put them at the position of the word they start in: phrase queries then follow the words, a query
     * for a part still finds the whole, and a domain term is found even where HanLP cuts across it in context (it
     * reads 主题党日中 as 主题/党/日中; forcing the custom dictionary instead breaks ordinary words, 培训示范点 →
     * 培/训示/范点).
     *
     * @param text      the text, e.g. a paragraph or a query
     * @param indexMode true to add the words inside each word (for indexing), false for queries
     * @return tokens ordered by start offset, offsets relative to {@code text} (UTF-16, half-open)
     */
    public List<SearchToken> searchTokens(String text, boolean indexMode) {
        List<SearchToken> out = words(text, indexMode);
        return indexMode ? withDomainTerms(text, out) : out;
    }

    /**
     * The index-mode tokens of {@link #searchTokens searchTokens(text, true)} built from the words the pipeline's
     * {@code segment} stage already found, without segmenting {@code text} again (issue 15: the index segmented every
     * paragraph a second time). Each word contributes its index-mode words — itself and the dictionary words inside
     * it, or, for a name the recognition joined (边可耐, 市国土资源局党支部), the words a search splits it into, so that
     * a phrase query finds it — looked up once per distinct word and remembered; the domain terms are stacked as in
     * {@link #searchTokens}. On the corpus samples this gives the same tokens as segmenting the paragraph again for all
     * but the few paragraphs where name recognition moved a word boundary.
     *
     * @param text   the text the tokens cover, e.g. a paragraph
     * @param offset where {@code text} starts in the cleaned text (the tokens' spans are in cleaned-text offsets)
     * @param tokens the pipeline's words of {@code text}, in order
     * @return tokens ordered by start offset, offsets relative to {@code text}; null when {@code tokens} do not lie
     *         in {@code text} (the caller then segments it)
     */
    public List<SearchToken> indexTokens(String text, int offset, List<Token> tokens) {
        String folded = TextFold.fold(text);
        List<SearchToken> out = new ArrayList<>(tokens.size() + tokens.size() / 2);
        int last = 0;
        for (Token t : tokens) {
            int s = t.span().start() - offset;
            int e = t.span().end() - offset;
            if (s < last || e > text.length() || s >= e) {
                return null;
            }
            last = e;
            String w = folded.substring(s, e);
            if (w.isBlank() || t.pos().startsWith("w") || w.codePoints().noneMatch(Character::isLetterOrDigit)) {
                continue;
            }
            List<SearchToken> parts = w.length() == 1 ? null : wordParts(w);
            if (parts == null || parts.isEmpty()) {
                out.add(new SearchToken(w, s, e, false));
                continue;
            }
            for (SearchToken p : parts) {
                out.add(new SearchToken(p.word(), s + p.start(), s + p.end(), p.stacked()));
            }
        }
        return withDomainTerms(folded, out);
    }

    /** Distinct words whose parts are remembered, at most (the samples have about 20,000). */
    private static final int MAX_REMEMBERED = 500_000;
    private final java.util.concurrent.ConcurrentHashMap<String, List<SearchToken>> parts =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** @return the index-mode words of {@code word} alone (itself first when it stays whole), remembered */
    private List<SearchToken> wordParts(String word) {
        List<SearchToken> p = parts.get(word);
        if (p == null) {
            p = List.copyOf(words(word, true));
            if (parts.size() < MAX_REMEMBERED) {
                parts.put(word, p);
            }
        }
        return p;
    }

    /** HanLP without name recognition, punctuation and whitespace dropped; stacked flags from the offsets. */
    private List<SearchToken> words(String text, boolean indexMode) {
        List<Term> terms = inPieces((indexMode ? indexSegment : searchSegment).get(), text);
        List<SearchToken> out = new ArrayList<>(terms.size());
        int coveredUntil = 0;
        for (Term t : terms) {
            if (t.word.isBlank() || (t.nature != null && t.nature.startsWith("w"))
                    || t.word.codePoints().noneMatch(Character::isLetterOrDigit)) {
                continue;
            }
            int end = t.offset + t.word.length();
            boolean stacked = t.offset < coveredUntil;
            if (!stacked) {
                coveredUntil = end;
            }
            out.add(new SearchToken(t.word, t.offset, end, stacked));
        }
        return out;
    }

    /** Inserts each domain-term occurrence that is not already a token after the word it starts in, stacked. */
    private List<SearchToken> withDomainTerms(String text, List<SearchToken> tokens) {
        List<TermMatch> hits = domainTerms.find(TextFold.fold(text));
        if (hits.isEmpty()) {
            return tokens;
        }
        java.util.Set<Long> present = new java.util.HashSet<>();
        for (SearchToken t : tokens) {
            present.add(((long) t.start() << 32) | t.end());
        }
        List<SearchToken> out = new ArrayList<>(tokens.size() + hits.size());
        int h = 0;
        for (int i = 0; i < tokens.size(); i++) {
            out.add(tokens.get(i));
            int nextWordStart = Integer.MAX_VALUE;
            for (int j = i + 1; j < tokens.size(); j++) {
                if (!tokens.get(j).stacked()) {
                    nextWordStart = tokens.get(j).start();
                    break;
                }
            }
            if (i + 1 < tokens.size() && tokens.get(i + 1).stacked()) {
                continue; // insert after the word's own parts
            }
            int groupStart = out.size() - 1;
            while (groupStart > 0 && out.get(groupStart).stacked()) {
                groupStart--;
            }
            boolean added = false;
            while (h < hits.size() && hits.get(h).span().start() < nextWordStart) {
                Span sp = hits.get(h++).span();
                if (present.add(((long) sp.start() << 32) | sp.end())) {
                    out.add(new SearchToken(text.substring(sp.start(), sp.end()), sp.start(), sp.end(), true));
                    added = true;
                }
            }
            if (added) { // Lucene needs start offsets in order: sort the word's stacked tokens by start
                out.subList(groupStart + 1, out.size()).sort(java.util.Comparator.comparingInt(SearchToken::start));
            }
        }
        return out;
    }

    /**
     * A word for search.
     *
     * @param word    the word as written
     * @param start   start offset in the segmented text, inclusive
     * @param end     end offset, exclusive
     * @param stacked true when it lies inside the preceding non-stacked word (index mode only)
     */
    public record SearchToken(String word, int start, int end, boolean stacked) {
    }
}
