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
}
