package org.shuzhi.index;

import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.shuzhi.pipeline.segment.Segmenter;

/**
 * A paragraph's index tokens that are already known ({@link Segmenter#indexTokens}, from the pipeline's own words) as
 * a Lucene {@link TokenStream}: the same terms, positions (stacked parts at the position of their word), offsets and
 * types as {@link HanlpAnalyzer} in index mode, Latin letters lower-cased, without segmenting the text again.
 */
final class SearchTokenStream extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private final List<Segmenter.SearchToken> tokens;
    private final int length;
    private int next;

    /**
     * @param tokens the tokens, ordered by start offset
     * @param length the length of the field's text (the final offset)
     */
    SearchTokenStream(List<Segmenter.SearchToken> tokens, int length) {
        this.tokens = tokens;
        this.length = length;
    }

    @Override
    public boolean incrementToken() {
        clearAttributes();
        if (next >= tokens.size()) {
            return false;
        }
        Segmenter.SearchToken t = tokens.get(next++);
        term.setEmpty().append(t.word());
        char[] b = term.buffer();
        for (int i = 0; i < term.length(); i++) {
            if (b[i] < 128) {
                b[i] = Character.toLowerCase(b[i]);
            } else if (Character.isUpperCase(b[i])) {
                lowerFrom(i);
                break;
            }
        }
        offset.setOffset(t.start(), t.end());
        posInc.setPositionIncrement(t.stacked() ? 0 : 1);
        type.setType(t.stacked() ? "part" : "word");
        return true;
    }

    /** Lower-cases the rest of the term the way {@link org.apache.lucene.analysis.LowerCaseFilter} does. */
    private void lowerFrom(int from) {
        String lower = term.toString().substring(from).toLowerCase(java.util.Locale.ROOT);
        String head = term.toString().substring(0, from);
        term.setEmpty().append(head).append(lower);
    }

    @Override
    public void reset() {
        next = 0;
    }

    @Override
    public void end() throws java.io.IOException {
        super.end();
        offset.setOffset(length, length);
    }
}
