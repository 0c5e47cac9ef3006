package org.shuzhi.index;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.shuzhi.pipeline.dict.TextFold;
import org.shuzhi.pipeline.segment.Segmenter;

/**
 * Chinese analysis with the pipeline's {@link Segmenter} (HanLP plus the project's {@code domain-terms}), the same
 * configuration as the pipeline's segmentation but without name recognition. Full-width letters and digits are
 * folded to half width and Latin letters lower-cased, so that ＡＢＣ１ matches abc1.
 *
 * <p>In index mode ({@code indexMode = true}, for writing) the dictionary words inside a longer word are added at
 * the same position as that word ({@code 市国土资源局党支部} → … 国土资源局, 国土, 资源, 资源局, 局 …), so that a query for a
 * part finds the whole; in query mode only the words themselves are produced, and consecutive words get consecutive
 * positions, so that phrase queries work the same way in both. Punctuation and whitespace produce no tokens.
 * Offsets are UTF-16 offsets into the field value.
 */
public final class HanlpAnalyzer extends Analyzer {
    private final Segmenter segmenter;
    private final boolean indexMode;

    /**
     * @param segmenter the pipeline's segmenter (carries the domain terms)
     * @param indexMode true for indexing, false for queries
     */
    public HanlpAnalyzer(Segmenter segmenter, boolean indexMode) {
        this.segmenter = segmenter;
        this.indexMode = indexMode;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new HanlpTokenizer();
        TokenStream result = new LowerCaseFilter(source);
        return new TokenStreamComponents(source, result);
    }

    private final class HanlpTokenizer extends Tokenizer {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
        private final TypeAttribute type = addAttribute(TypeAttribute.class);
        private List<Segmenter.SearchToken> tokens = List.of();
        private int next;
        private int length;

        @Override
        public boolean incrementToken() throws IOException {
            clearAttributes();
            if (next >= tokens.size()) {
                return false;
            }
            Segmenter.SearchToken t = tokens.get(next++);
            term.setEmpty().append(t.word());
            offset.setOffset(correctOffset(t.start()), correctOffset(t.end()));
            posInc.setPositionIncrement(t.stacked() ? 0 : 1);
            type.setType(t.stacked() ? "part" : "word");
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[4096];
            for (int n = input.read(buf); n != -1; n = input.read(buf)) {
                sb.append(buf, 0, n);
            }
            length = sb.length();
            tokens = segmenter.searchTokens(TextFold.fold(sb.toString()), indexMode);
            next = 0;
        }

        @Override
        public void end() throws IOException {
            super.end();
            int end = correctOffset(length);
            offset.setOffset(end, end);
        }
    }
}
