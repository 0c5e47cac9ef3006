package org.shuzhi.pipeline.dict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shuzhi.pipeline.Repo;
import org.shuzhi.pipeline.model.TermMatch;

class TermListTest {
    @TempDir
    Path tmp;

    private TermList list(String body) throws Exception {
        Path f = tmp.resolve("test-list.txt");
        Files.writeString(f, body, StandardCharsets.UTF_8);
        return TermList.load(f);
    }

    private static List<String> terms(TermList l, String text) {
        return l.find(TextFold.fold(text)).stream().map(m -> m.span().of(text)).toList();
    }

    @Test
    void exceptionsSuppressOverlappingHits() throws Exception {
        TermList l = list("# header\n部分\tforbidden\n!第一部分\n一些\tforbidden\n");
        assertEquals(List.of("部分", "一些"), terms(l, "第一部分写成绩；部分支部还有一些问题"));
    }

    @Test
    void longestMatchWinsAndHitsDoNotOverlap() throws Exception {
        TermList l = list("我\tfirst-person\n我们\tcollective\n");
        List<TermMatch> m = l.find(TextFold.fold("我们和我"));
        assertEquals(2, m.size());
        assertEquals("collective", m.get(0).group());
        assertEquals("first-person", m.get(1).group());
    }

    @Test
    void regexAndWildcardEntriesRunOnFoldedText() throws Exception {
        TermList l = list("re:\\d{1,2}月底前\tdeadline\n以…为抓手\tslogan\n");
        assertEquals(List.of("６月底前", "以党建品牌为抓手"), terms(l, "６月底前完成，以党建品牌为抓手。"));
    }

    @Test
    void fullWidthPunctuationInTermsMatchesBothForms() throws Exception {
        TermList l = list("同志们：\tspeech\n");
        assertEquals(1, l.find(TextFold.fold("同志们:今天")).size());
        assertEquals(1, l.find(TextFold.fold("同志们：今天")).size());
    }

    @Test
    void matchWholeNeedsTheWholeLine() throws Exception {
        TermList l = list("re:第\\s*\\d+\\s*页\tpage-number\n");
        assertNotNull(l.matchWhole(TextFold.fold("第 3 页")));
        assertNull(l.matchWhole(TextFold.fold("第 3 页的内容")));
    }

    @Test
    void malformedFilesFailWithFileAndLine() throws Exception {
        DictionaryException e = assertThrows(DictionaryException.class, () -> list("ok\nre:([unclosed\n"));
        assertTrue(e.getMessage().contains("test-list.txt:2"), e.getMessage());
        Path bad = tmp.resolve("gbk.txt");
        Files.write(bad, "部分".getBytes("GBK"));
        assertThrows(DictionaryException.class, () -> TermList.load(bad));
    }

    @Test
    void repositoryListsLoadAndKnownVagueExceptionsHold() {
        TermList vague = Repo.dictionaries().list(Dictionaries.VAGUE_TERMS);
        assertEquals(List.of(), terms(vague, "第一部分"));
        assertTrue(terms(vague, "部分党员学习不够深入").stream().anyMatch(t -> t.startsWith("部分")));
        assertTrue(Repo.dictionaries().names().containsAll(List.of(Dictionaries.DOMAIN_TERMS, Dictionaries.WATERMARKS)));
    }

    @Test
    void requiredCharactersAreFoundConservatively() {
        assertEquals("了", new String(TermList.requiredChars("(开展|组织|召开)了")));
        assertEquals("将", new String(TermList.requiredChars("(?<!即)将(?![来军近])")));
        assertEquals("年", new String(TermList.requiredChars("(20\\d{2}|明)年[^。]{0,6}(将|要)")));
        assertEquals("/", new String(TermList.requiredChars("\\d{1,3}\\s*/\\s*\\d{1,3}")), "quantifier digits are no literals");
        assertEquals("", new String(TermList.requiredChars("第\\s*\\d|页")), "top-level alternation: none");
        assertEquals("共", new String(TermList.requiredChars("共?(开展|组织)共")));
    }

    /**
     * The regex prefilter never loses a match: on every text of the seeds and corpus-samples, every match of every
     * {@code re:} entry of every dictionary contains all the characters {@link TermList#requiredChars} requires.
     */
    @Test
    void everyMatchOfEveryDictionaryRegexContainsItsRequiredCharacters() throws Exception {
        StringBuilder corpus = new StringBuilder();
        try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.walk(Repo.root().resolve("corpus-samples"))) {
            for (java.nio.file.Path f : s.filter(x -> x.toString().endsWith(".txt")
                    && !x.toString().contains("broken")).toList()) {
                corpus.append(TextFold.fold(new String(java.nio.file.Files.readAllBytes(f), StandardCharsets.UTF_8)))
                        .append('\n');
            }
        }
        String text = corpus.toString();
        int patterns = 0;
        long matches = 0;
        for (String name : Repo.dictionaries().names()) {
            for (TermList.Entry e : Repo.dictionaries().list(name).entries()) {
                if (!e.term().startsWith("re:")) {
                    continue;
                }
                String rx = TextFold.foldRegex(e.term().substring(3));
                char[] req = TermList.requiredChars(rx);
                java.util.regex.Matcher m = java.util.regex.Pattern.compile(rx).matcher(text);
                patterns++;
                while (m.find()) {
                    matches++;
                    for (char c : req) {
                        assertTrue(m.group().indexOf(c) >= 0, name + ": " + e.term() + " matched " + m.group()
                                + " without " + c);
                    }
                }
            }
        }
        assertTrue(patterns >= 90 && matches > 1000, patterns + " patterns, " + matches + " matches");
    }
}
