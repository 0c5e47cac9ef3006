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
import org.shuzhi.pipeline.model.Span;
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

    public Segmenter(Dictionaries dict) {
        Logger.getLogger("HanLP").setLevel(Level.SEVERE);
        HanLP.Config.ShowTermNature = true;
        TermList terms = dict.list(Dictionaries.DOMAIN_TERMS);
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
        int from = 0;
        while (from < text.length()) {
            int to = pieceEnd(text, from);
            for (Term t : segment.get().seg(text.substring(from, to))) {
                int s = offset + from + t.offset;
                out.add(new Token(new Span(s, s + t.word.length()), t.word,
                        t.nature == null ? "x" : t.nature.toString()));
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
}
