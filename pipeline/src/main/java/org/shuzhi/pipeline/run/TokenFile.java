package org.shuzhi.pipeline.run;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.shuzhi.pipeline.model.Span;
import org.shuzhi.pipeline.model.Token;

/**
 * The binary form of a stored document's tokens ({@link DocumentStore#TOKENS}): the tokens of each sentence of each
 * paragraph, written and read in one buffer (issue 15: through Jackson they cost more than the rest of the document).
 * Big-endian; strings as UTF-16 units, so any string survives as it is:
 * <pre>
 *   int magic "TOK1" · int strings · strings (int length, chars) — each distinct word and part of speech once
 *   int paragraphs · per paragraph: int sentences · per sentence: int tokens ·
 *   per token: int start, int end (start = -1: no span), int word, int pos (indexes into the strings, -1 = null)
 * </pre>
 */
final class TokenFile {
    private static final int MAGIC = 0x544F4B31; // "TOK1"

    private TokenFile() {
    }

    /** @return the tokens in the binary form */
    static byte[] encode(List<List<List<Token>>> tokens) {
        Map<String, Integer> index = new HashMap<>();
        List<String> strings = new ArrayList<>();
        long size = 4 + 4 + 4;
        for (List<List<Token>> p : tokens) {
            size += 4;
            for (List<Token> s : p) {
                size += 4 + 16L * s.size();
                for (Token t : s) {
                    size += intern(t.word(), index, strings) + intern(t.pos(), index, strings);
                }
            }
        }
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("too many tokens: " + size + " bytes");
        }
        ByteBuffer out = ByteBuffer.allocate((int) size);
        out.putInt(MAGIC);
        out.putInt(strings.size());
        for (String s : strings) {
            out.putInt(s.length());
            out.asCharBuffer().put(s);
            out.position(out.position() + 2 * s.length());
        }
        out.putInt(tokens.size());
        for (List<List<Token>> p : tokens) {
            out.putInt(p.size());
            for (List<Token> s : p) {
                out.putInt(s.size());
                for (Token t : s) {
                    out.putInt(t.span() == null ? -1 : t.span().start());
                    out.putInt(t.span() == null ? -1 : t.span().end());
                    out.putInt(t.word() == null ? -1 : index.get(t.word()));
                    out.putInt(t.pos() == null ? -1 : index.get(t.pos()));
                }
            }
        }
        return out.array();
    }

    /** @return the bytes a new string adds to the table (0 when it is null or already there) */
    private static long intern(String s, Map<String, Integer> index, List<String> strings) {
        if (s == null || index.containsKey(s)) {
            return 0;
        }
        index.put(s, strings.size());
        strings.add(s);
        return 4 + 2L * s.length();
    }

    /**
     * @return the tokens of {@link #encode}'s output, or null when {@code bytes} are not in this form (a file of an
     *         older build) or are truncated
     */
    static List<List<List<Token>>> decode(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            if (bytes.length < 4 || in.getInt() != MAGIC) {
                return null;
            }
            String[] strings = new String[count(in, 4)];
            for (int i = 0; i < strings.length; i++) {
                int n = count(in, 2);
                strings[i] = in.asCharBuffer().limit(n).toString();
                in.position(in.position() + 2 * n);
            }
            List<List<List<Token>>> out = new ArrayList<>();
            for (int p = count(in, 4); p > 0; p--) {
                List<List<Token>> sentences = new ArrayList<>();
                for (int s = count(in, 4); s > 0; s--) {
                    Token[] ts = new Token[count(in, 16)];
                    for (int t = 0; t < ts.length; t++) {
                        int start = in.getInt();
                        int end = in.getInt();
                        int word = in.getInt();
                        int pos = in.getInt();
                        ts[t] = new Token(start < 0 ? null : new Span(start, end), word < 0 ? null : strings[word],
                                pos < 0 ? null : strings[pos]);
                    }
                    sentences.add(List.of(ts));
                }
                out.add(sentences);
            }
            return in.hasRemaining() ? null : out;
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            return null;
        }
    }

    /** @return a count read from {@code in}, checked against the bytes left at {@code bytesEach} per element */
    private static int count(ByteBuffer in, int bytesEach) {
        int n = in.getInt();
        if (n < 0 || n > in.remaining() / bytesEach) {
            throw new IllegalArgumentException("bad count " + n);
        }
        return n;
    }
}
