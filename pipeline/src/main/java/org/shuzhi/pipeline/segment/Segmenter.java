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
     * @param text   the text to segment, e.g. a paragraph
     * @param offset where {@code text} starts in the cleaned text; added to every token span
     * @return the words in order, covering {@code text} without gaps except whitespace
     */
    public List<Token> segment(String text, int offset) {
        List<Token> out = new ArrayList<>();
        for (Term t : segment.get().seg(text)) {
            int s = offset + t.offset;
            out.add(new Token(new Span(s, s + t.word.length()), t.word, t.nature == null ? "x" : t.nature.toString()));
        }
        return out;
    }
}
