package org.shuzhi.pipeline.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.tika.parser.txt.CharsetDetector;
import org.apache.tika.parser.txt.CharsetMatch;

/**
 * Decodes plain-text bytes whose charset is unknown: byte-order mark, then strict UTF-8, then UTF-16 without BOM
 * (by its zero bytes), then Tika's ICU charset detector restricted to strict decoders, with GB18030 (a superset of
 * GBK and GB2312) as the Chinese fallback. The extension is never consulted.
 */
final class TextDecoder {
    private TextDecoder() {
    }

    /**
     * @param text    the decoded text
     * @param charset the charset used, e.g. {@code UTF-8}, {@code GB18030}
     */
    record Decoded(String text, String charset) {
    }

    /** @return the decoded text, or null when no charset decodes the bytes without errors into plausible text */
    static Decoded decode(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return strict(b, 3, StandardCharsets.UTF_8);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return strict(b, 2, StandardCharsets.UTF_16LE);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return strict(b, 2, StandardCharsets.UTF_16BE);
        }
        Decoded utf8 = strict(b, 0, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return utf8;
        }
        Charset utf16 = utf16WithoutBom(b);
        if (utf16 != null) {
            Decoded d = strict(b, 0, utf16);
            if (d != null && plausible(d.text())) {
                return d;
            }
        }
        try {
            CharsetDetector det = new CharsetDetector();
            det.setText(new ByteArrayInputStream(b));
            for (CharsetMatch m : det.detectAll()) {
                String name = m.getName();
                if (name.startsWith("GB") || name.equals("Big5") || name.startsWith("UTF-16")) {
                    Decoded d = strict(b, 0, Charset.forName(name.startsWith("GB") ? "GB18030" : name));
                    if (d != null && plausible(d.text())) {
                        return d;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through to the GB18030 fallback
        }
        Decoded gb = strict(b, 0, Charset.forName("GB18030"));
        return gb != null && plausible(gb.text()) ? gb : null;
    }

    private static Decoded strict(byte[] b, int offset, Charset cs) {
        try {
            String s = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, offset, b.length - offset)).toString();
            return new Decoded(s, cs.name());
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static Charset utf16WithoutBom(byte[] b) {
        int n = Math.min(b.length, 4096) & ~1;
        if (n < 4) {
            return null;
        }
        int evenZero = 0;
        int oddZero = 0;
        for (int i = 0; i < n; i += 2) {
            if (b[i] == 0) {
                evenZero++;
            }
            if (b[i + 1] == 0) {
                oddZero++;
            }
        }
        int pairs = n / 2;
        if (oddZero > pairs / 3 && evenZero < pairs / 20) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenZero > pairs / 3 && oddZero < pairs / 20) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /**
     * Text is plausible when, among its letters, CJK ideographs or ASCII dominate; mojibake decoded with the wrong
     * CJK charset is full of rare symbols, private-use and Hangul or Latin-1 letters instead.
     */
    static boolean plausible(String s) {
        int good = 0;
        int bad = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80 || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00
                    && c <= 0xFFEF) || c == '\u201C' || c == '\u201D' || c == '\u2018' || c == '\u2019'
                    || c == '\u2026' || c == '\u2014' || c == '\u00B7' || (c >= 0x2460 && c <= 0x2473)) {
                good++;
            } else if (Character.isLetterOrDigit(c) || (c >= 0xE000 && c <= 0xF8FF) || Character.isISOControl(c)
                    || c == '\uFFFD') {
                bad++;
            }
        }
        return good + bad == 0 || bad <= (good + bad) * 0.02;
    }

    /** Share of ASCII punctuation and symbols among the non-space characters above which text is glyph garbage. */
    static final double MAX_SYMBOL_SHARE = 0.3;

    /**
     * Text is symbol soup when more than {@value #MAX_SYMBOL_SHARE} of its non-space characters (and at least 50 of
     * them) are ASCII punctuation or symbols ({@code !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~}). This is what PDFBox
     * returns for a font without a character map, e.g. a PDF cut off before its fonts ({@code !"#$%&'()*+,-*+./}
     * for the first 10% of {@code seeds/s3-2-town-report.pdf}); Chinese prose, even with half-width punctuation,
     * stays near 0.1, and a statistics table near 0.2.
     */
    static boolean symbolSoup(String s) {
        int nonSpace = 0;
        int symbols = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                continue;
            }
            nonSpace++;
            if (c > ' ' && c < 0x7F && !Character.isLetterOrDigit(c)) {
                symbols++;
            }
        }
        return nonSpace >= 50 && symbols > nonSpace * MAX_SYMBOL_SHARE;
    }
}
