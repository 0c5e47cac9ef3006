package org.shuzhi.pipeline.dict;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.shuzhi.pipeline.model.Span;
import org.shuzhi.pipeline.model.TermMatch;

/**
 * A term list from {@code dictionaries/terms/<name>.txt} (format: {@code dictionaries/README.md}): UTF-8, {@code #}
 * comments, one entry a line with TAB-separated columns, {@code !} for an exception phrase, {@code re:} for a Java
 * regular expression, {@code …} inside a literal for up to 12 non-punctuation characters.
 *
 * <p>Matching runs on {@link TextFold folded} text and is leftmost-longest and non-overlapping; a hit that overlaps a
 * hit of an exception phrase is dropped (so {@code !第一部分} keeps 部分 in 第一部分 from counting). Instances are
 * immutable and thread-safe.
 */
public final class TermList {
    private static final String GAP = "[^\\s,.;:!?，。；：！？、“”\"'《》()（）]{0,12}?";

    /**
     * One line of the list.
     *
     * @param term    the entry as written (for {@code re:} entries, the pattern without the prefix)
     * @param columns the further TAB columns, possibly empty
     * @param line    1-based line number in the file
     */
    public record Entry(String term, List<String> columns, int line) {
        /** @return column {@code i} (0 = the first after the term), or {@code ""} when absent */
        public String column(int i) {
            return i < columns.size() ? columns.get(i) : "";
        }
    }

    /**
     * A compiled entry: a literal, or a pattern with the characters every match of it contains ({@code required}, from
     * {@link #requiredChars}), so that a region lacking one of them is skipped without running the pattern.
     */
    private record Compiled(Entry entry, String literal, Pattern pattern, char[] required) {
    }

    private final String name;
    private final Path file;
    private final List<Entry> entries;
    private final Map<String, Entry> byTerm = new HashMap<>();
    private final ByFirstChar literalsByFirst;
    private final List<Compiled> patterns = new ArrayList<>();
    private final ByFirstChar exceptionsByFirst;
    private final List<Compiled> exceptionPatterns = new ArrayList<>();

    /**
     * Literals by their first char, longest first: a bit set answers "no literal starts here" for most chars of a
     * text, a binary search over the sorted first chars finds the rest (no boxing, no hashing per char).
     */
    private static final class ByFirstChar {
        private final long[] present = new long[1 << 10];
        private final char[] keys;
        private final Compiled[][] lists;

        ByFirstChar(Map<Character, List<Compiled>> byFirst) {
            keys = new char[byFirst.size()];
            int k = 0;
            for (char c : byFirst.keySet()) {
                keys[k++] = c;
            }
            java.util.Arrays.sort(keys);
            lists = new Compiled[keys.length][];
            Comparator<Compiled> longestFirst = Comparator.comparingInt((Compiled c) -> c.literal.length()).reversed();
            for (int i = 0; i < keys.length; i++) {
                List<Compiled> l = new ArrayList<>(byFirst.get(keys[i]));
                l.sort(longestFirst);
                lists[i] = l.toArray(new Compiled[0]);
                present[keys[i] >>> 6] |= 1L << keys[i];
            }
        }

        boolean isEmpty() {
            return keys.length == 0;
        }

        /** @return the literals starting with {@code c}, longest first, or null */
        Compiled[] get(char c) {
            if ((present[c >>> 6] & (1L << c)) == 0) {
                return null;
            }
            return lists[java.util.Arrays.binarySearch(keys, c)];
        }
    }

    private TermList(String name, Path file, List<Entry> entries, List<Entry> exceptions) {
        this.name = name;
        this.file = file;
        this.entries = List.copyOf(entries);
        entries.forEach(e -> byTerm.putIfAbsent(e.term(), e));
        Map<Character, List<Compiled>> literals = new HashMap<>();
        for (Entry e : entries) {
            add(e, literals, patterns);
        }
        Map<Character, List<Compiled>> exceptionLiterals = new HashMap<>();
        for (Entry e : exceptions) {
            add(e, exceptionLiterals, exceptionPatterns);
        }
        literalsByFirst = new ByFirstChar(literals);
        exceptionsByFirst = new ByFirstChar(exceptionLiterals);
    }

    private void add(Entry e, Map<Character, List<Compiled>> literals, List<Compiled> regexes) {
        String t = e.term();
        try {
            if (t.startsWith("re:")) {
                String rx = TextFold.foldRegex(t.substring(3));
                regexes.add(new Compiled(e, null, Pattern.compile(rx), requiredChars(rx)));
            } else if (t.contains("…")) {
                StringBuilder rx = new StringBuilder();
                String[] parts = TextFold.fold(t).split("…+", -1);
                for (int i = 0; i < parts.length; i++) {
                    if (i > 0) {
                        rx.append(GAP);
                    }
                    rx.append(Pattern.quote(parts[i]));
                }
                regexes.add(new Compiled(e, null, Pattern.compile(rx.toString()),
                        String.join("", parts).chars().distinct().collect(StringBuilder::new,
                                StringBuilder::appendCodePoint, StringBuilder::append).toString().toCharArray()));
            } else {
                String lit = TextFold.fold(t);
                literals.computeIfAbsent(lit.charAt(0), k -> new ArrayList<>()).add(new Compiled(e, lit, null, null));
            }
        } catch (PatternSyntaxException ex) {
            throw new DictionaryException(file, e.line(), "bad regular expression: " + ex.getDescription(), ex);
        }
    }

    /**
     * Reads a list file.
     *
     * @throws DictionaryException if the file is unreadable, not UTF-8, or has a malformed entry
     */
    public static TermList load(Path file) {
        String fileName = file.getFileName().toString();
        String name = fileName.endsWith(".txt") ? fileName.substring(0, fileName.length() - 4) : fileName;
        List<String> lines;
        try {
            lines = List.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString().split("\r?\n", -1));
        } catch (CharacterCodingException e) {
            throw new DictionaryException(file, 0, "not valid UTF-8", e);
        } catch (IOException e) {
            throw new DictionaryException(file, 0, "cannot read: " + e.getMessage(), e);
        }
        List<Entry> entries = new ArrayList<>();
        List<Entry> exceptions = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            if (i == 0 && raw.startsWith("\uFEFF")) {
                raw = raw.substring(1);
            }
            if (raw.isBlank() || raw.stripLeading().startsWith("#")) {
                continue;
            }
            String[] cols = raw.split("\t", -1);
            String term = cols[0].strip();
            List<String> rest = new ArrayList<>();
            for (int c = 1; c < cols.length; c++) {
                rest.add(cols[c].strip());
            }
            while (!rest.isEmpty() && rest.get(rest.size() - 1).isEmpty()) {
                rest.remove(rest.size() - 1);
            }
            if (term.isEmpty() || term.equals("!") || term.equals("re:")) {
                throw new DictionaryException(file, i + 1, "empty term");
            }
            if (term.startsWith("!")) {
                exceptions.add(new Entry(term.substring(1), List.copyOf(rest), i + 1));
            } else {
                entries.add(new Entry(term, List.copyOf(rest), i + 1));
            }
        }
        return new TermList(name, file, entries, exceptions);
    }

    /** @return the list's name: its file name without {@code .txt} */
    public String name() {
        return name;
    }

    /** @return the file it was read from */
    public Path file() {
        return file;
    }

    /** @return the entry whose term is {@code term} (as in {@link TermMatch#term()}), or null */
    public Entry entry(String term) {
        return byTerm.get(term);
    }

    /** @return the entries (not the exceptions), in file order */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * Finds the list's terms in {@code folded[from, to)}.
     *
     * @param folded text already passed through {@link TextFold#fold(String)}
     * @param from   first offset, inclusive
     * @param to     last offset, exclusive
     * @return non-overlapping hits in text order, spans absolute in {@code folded}; the match's group is the entry's
     *         first column
     */
    public List<TermMatch> find(String folded, int from, int to) {
        List<Hit> hits = collect(folded, from, to, literalsByFirst, patterns);
        if (hits.isEmpty()) {
            return List.of();
        }
        List<Hit> exc = collect(folded, from, to, exceptionsByFirst, exceptionPatterns);
        List<TermMatch> out = new ArrayList<>();
        int covered = from;
        for (Hit h : hits) {
            if (h.start < covered) {
                continue;
            }
            boolean excepted = false;
            for (Hit x : exc) {
                if (x.start < h.end && h.start < x.end) {
                    excepted = true;
                    break;
                }
            }
            if (excepted) {
                continue;
            }
            out.add(new TermMatch(name, h.entry.term(), h.entry.column(0), new Span(h.start, h.end)));
            covered = h.end;
        }
        return out;
    }

    /**
     * @param foldedLine a trimmed, folded line
     * @return the first entry that matches the whole line (literal equality or a full regex match), or null
     */
    public Entry matchWhole(String foldedLine) {
        for (Compiled c : patterns) {
            if (c.pattern.matcher(foldedLine).matches()) {
                return c.entry;
            }
        }
        if (!foldedLine.isEmpty()) {
            Compiled[] cands = literalsByFirst.get(foldedLine.charAt(0));
            for (Compiled c : cands == null ? new Compiled[0] : cands) {
                if (c.literal.equals(foldedLine)) {
                    return c.entry;
                }
            }
        }
        return null;
    }

    /** @return {@link #find(String, int, int)} over the whole text */
    public List<TermMatch> find(String folded) {
        return find(folded, 0, folded.length());
    }

    private record Hit(int start, int end, Entry entry) {
    }

    /**
     * The chars of {@code text[from, to)} as a 1024-bit signature (a char sets bit {@code c mod 1024}), built once per
     * region so that each pattern's required chars are checked in constant time instead of by scanning the region.
     * Two chars can share a bit: a pattern is then run where it cannot match, which costs time, never a hit.
     */
    private static long[] signature(String text, int from, int to) {
        long[] sig = new long[16];
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            sig[(c >>> 6) & 15] |= 1L << c;
        }
        return sig;
    }

    /** @return false when some char of {@code required} is certainly not in the region of {@code sig} */
    private static boolean mayContainAll(long[] sig, char[] required) {
        for (char r : required) {
            if ((sig[(r >>> 6) & 15] & (1L << r)) == 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The characters that every match of a regular expression contains, found conservatively: plain characters at the
     * top level of the expression (outside groups, character classes, quantifiers and escapes) that are not made optional by a
     * following {@code ?}, {@code *} or {@code {}; none when the top level has an alternation. Used only to skip
     * regions that cannot match, so a character missed here costs speed, never a match.
     */
    static char[] requiredChars(String regex) {
        StringBuilder req = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                i = Math.max(i, regex.indexOf('}', i));
            } else if (c == '[') {
                for (i++; i < regex.length() && regex.charAt(i) != ']'; i++) {
                    if (regex.charAt(i) == '\\') {
                        i++;
                    }
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return new char[0];
            } else if (depth == 0 && "^$.?*+{}".indexOf(c) < 0) {
                char next = i + 1 < regex.length() ? regex.charAt(i + 1) : 0;
                if (next != '?' && next != '*' && next != '{' && req.indexOf(String.valueOf(c)) < 0) {
                    req.append(c);
                }
            }
        }
        return req.toString().toCharArray();
    }

    private static List<Hit> collect(String text, int from, int to, ByFirstChar literals,
                                     List<Compiled> regexes) {
        List<Hit> hits = new ArrayList<>();
        if (!literals.isEmpty()) {
            for (int i = from; i < to; i++) {
                Compiled[] cands = literals.get(text.charAt(i));
                if (cands == null) {
                    continue;
                }
                for (Compiled c : cands) {
                    if (i + c.literal.length() <= to && text.startsWith(c.literal, i)) {
                        hits.add(new Hit(i, i + c.literal.length(), c.entry));
                        break;
                    }
                }
            }
        }
        long[] sig = regexes.isEmpty() ? null : signature(text, from, to);
        for (Compiled c : regexes) {
            if (!mayContainAll(sig, c.required)) {
                continue;
            }
            Matcher m = c.pattern.matcher(text).region(from, to);
            while (m.find()) {
                if (m.end() > m.start()) {
                    hits.add(new Hit(m.start(), m.end(), c.entry));
                }
            }
        }
        hits.sort(Comparator.comparingInt(Hit::start).thenComparing(Comparator.comparingInt(Hit::end).reversed()));
        return hits;
    }
}
