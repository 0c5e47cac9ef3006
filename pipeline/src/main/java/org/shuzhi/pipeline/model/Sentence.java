package org.shuzhi.pipeline.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * A sentence, ended by 。！？；!?; or the end of its paragraph.
 *
 * @param span     where it stands in the cleaned text
 * @param tokens   the segmenter's words (empty before the {@code segment} stage); not written to JSON
 * @param features concreteness and stance hits (empty before the {@code features} stage)
 */
public record Sentence(Span span, @JsonIgnore List<Token> tokens, Features features) {

    /** @return a copy with the given tokens */
    public Sentence withTokens(List<Token> t) {
        return new Sentence(span, List.copyOf(t), features);
    }

    /** @return a copy with the given features */
    public Sentence withFeatures(Features f) {
        return new Sentence(span, tokens, f);
    }
}
