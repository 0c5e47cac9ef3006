package org.shuzhi.app;

import org.shuzhi.app.render.Labels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shuzhi search} as a user runs it: output, JSON, filters, errors and exit codes; re-runs of analyze. */
class SearchCommandTest {
    @TempDir
    static Path tmp;
    static Path in;
    static Path out;
    static String dict;

    static final String A = "2024年度市审计局机关党支部书记述职报告\n一、主要做法及成效\n我带头讲党课4次，组织主题党日12次。\n"
            + "二、存在问题\n一是基层党组织软弱涣散问题整改不彻底，有的党员学习满足于读读文件。\n"
            + "三、下一步打算\n我将在2025年6月前完成软弱涣散党组织整顿。\n";
    static final String B = "2025年度青石镇党委书记述职报告\n一、主要做法及成效\n全年发展党员8名，整顿软弱涣散村党组织3个。\n"
            + "二、存在问题\n一是理论学习的深度不够。\n";

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @BeforeAll
    static void analyze() throws Exception {
        Path root = Path.of(System.getProperty("shuzhi.root", ".."));
        dict = root.resolve("dictionaries").toString();
        in = Files.createDirectories(tmp.resolve("in"));
        out = tmp.resolve("out");
        Files.writeString(in.resolve("a.txt"), A, StandardCharsets.UTF_8);
        Files.writeString(in.resolve("b.txt"), B, StandardCharsets.UTF_8);
        Files.writeString(in.resolve("manifest.csv"), "file,unit,secretary,year,sector\n"
                + "a.txt,市审计局机关党支部,吴振华,2024,government\nb.txt,青石镇党委,周建军,2025,town\n",
                StandardCharsets.UTF_8);
        assertEquals(0, run("analyze", in.toString(), "--out", out.toString(), "--dictionaries", dict,
                "--no-progress").code());
    }

    private static CliRun search(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "search";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--reports";
        all[args.length + 2] = out.toString();
        all[args.length + 3] = "--dictionaries";
        all[args.length + 4] = dict;
        return run(all);
    }

    @Test
    void printsHighlightedHitsAndFacets() {
        CliRun r = search("软弱涣散", "--category", "problem");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("找到 1 条"), r.out());
        assertTrue(r.out().contains("【软弱涣散】"), r.out());
        assertTrue(r.out().contains("市审计局机关党支部 · 吴振华 · 2024年 · 存在问题"), r.out());
        assertTrue(r.out().contains("年度：2024（1）"), r.out());
        assertTrue(r.out().contains("段落类别：存在问题（1）"), r.out());
    }

    @Test
    void chineseLabelsWorkAsFilterValues() {
        CliRun ids = search("软弱涣散", "--category", "problem", "--json");
        CliRun labels = search("软弱涣散", "--category", "存在问题", "--json");
        assertEquals(0, labels.code(), labels.err());
        assertEquals(ids.out(), labels.out());
    }

    @Test
    void jsonHasHitsMarksAndFacets() throws Exception {
        CliRun r = search("软弱涣散", "--json", "--year", "2024,2025", "--sort", "year");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(3, j.get("total").asInt(), r.out());
        JsonNode first = j.get("hits").get(0);
        assertEquals(2025, first.get("year").asInt(), "latest year first");
        JsonNode frag = first.get("fragments").get(0);
        JsonNode mark = frag.get("marks").get(0);
        assertEquals("软弱涣散", frag.get("text").asText().substring(mark.get("start").asInt(), mark.get("end").asInt()));
        assertTrue(j.get("facets").toString().contains("\"unit\""));
    }

    @Test
    void anUnreadableQueryIsSearchedAsPlainWordsNotAnError() {
        CliRun plain = search("软弱涣散");
        for (String q : List.of("\"软弱涣散", "(软弱涣散 AND", "软弱涣散 OR")) {
            CliRun r = search(q);
            assertEquals(ShuzhiCommand.EXIT_OK, r.code(), q + ": " + r.err());
            assertTrue(r.err().contains("已按普通词语检索"), r.err());
            assertEquals(plain.out(), r.out(), q);
        }
        assertTrue(plain.out().contains("软弱涣散"), plain.out());
        assertFalse(plain.err().contains("已按普通词语检索"), "a readable query gets no note");
        CliRun bad = search("党建", "--category", "problems");
        assertEquals(ShuzhiCommand.EXIT_USAGE, bad.code());
        assertTrue(bad.err().contains("可选"), bad.err());
    }

    @Test
    void aMissingIndexSaysToRunAnalyzeFirst() {
        CliRun r = run("search", "党建", "--reports", tmp.resolve("nowhere").toString(), "--dictionaries", dict);
        assertEquals(ShuzhiCommand.EXIT_FATAL, r.code());
        assertTrue(r.err().contains("analyze"), r.err());
    }

    @Test
    void nothingFoundIsNotAnError() {
        CliRun r = search("量子计算");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("没有找到"));
    }

    @Test
    void rerunningAnalyzeDoesNotDuplicateAndPruneRemovesDeletedFiles() throws Exception {
        Path in2 = Files.createDirectories(tmp.resolve("in2"));
        Path out2 = tmp.resolve("out2");
        Files.writeString(in2.resolve("a.txt"), A, StandardCharsets.UTF_8);
        Files.writeString(in2.resolve("b.txt"), B, StandardCharsets.UTF_8);
        for (int i = 0; i < 2; i++) {
            assertEquals(0, run("analyze", in2.toString(), "--out", out2.toString(), "--dictionaries", dict,
                    "--no-progress").code());
        }
        String[] q = {"search", "软弱涣散", "--json", "--reports", out2.toString(), "--dictionaries", dict};
        assertEquals(3, new ObjectMapper().readTree(run(q).out()).get("total").asInt());
        Files.delete(in2.resolve("b.txt"));
        assertEquals(0, run("analyze", in2.toString(), "--out", out2.toString(), "--dictionaries", dict,
                "--no-progress").code());
        assertEquals(3, new ObjectMapper().readTree(run(q).out()).get("total").asInt(), "kept without --prune");
        CliRun pruned = run("analyze", in2.toString(), "--out", out2.toString(), "--dictionaries", dict,
                "--no-progress", "--prune");
        assertTrue(pruned.out().contains("已从索引中删除 1 份"), pruned.out());
        assertEquals(2, new ObjectMapper().readTree(run(q).out()).get("total").asInt());
        assertFalse(run(q).out().contains("青石镇"));
    }
}
