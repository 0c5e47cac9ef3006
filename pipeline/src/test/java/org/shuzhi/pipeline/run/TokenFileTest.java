package org.shuzhi.pipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shuzhi.pipeline.model.Span;
import org.shuzhi.pipeline.model.Token;

/** The binary token form gives back what it was given, and refuses what it did not write. */
class TokenFileTest {
    private static final List<List<List<Token>>> TOKENS = List.of(
            List.of(List.of(new Token(new Span(0, 2), "党建", "n"), new Token(new Span(2, 3), "，", "w")),
                    List.of()),
            List.of(),
            List.of(List.of(new Token(new Span(10, 13), "张三丰", "nr"), new Token(new Span(13, 15), "党建", "n"),
                    new Token(new Span(15, 16), "\uD800", null), new Token(null, "", "x"))));

    @Test
    void tokensComeBackEqual() {
        assertEquals(TOKENS, TokenFile.decode(TokenFile.encode(TOKENS)));
        assertEquals(List.of(), TokenFile.decode(TokenFile.encode(List.of())));
    }

    @Test
    void otherOrTruncatedBytesAreRefused() {
        byte[] bytes = TokenFile.encode(TOKENS);
        assertNull(TokenFile.decode(Arrays.copyOf(bytes, bytes.length - 1)));
        assertNull(TokenFile.decode(Arrays.copyOf(bytes, bytes.length + 1)));
        assertNull(TokenFile.decode("[[[{\"span\":{}}]]]".getBytes(StandardCharsets.UTF_8)));
        assertNull(TokenFile.decode(new byte[0]));
    }
}
