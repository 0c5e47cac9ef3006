package org.shuzhi.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user meets at the command line (issue 13 item 8): usage errors in Chinese with the right option
 * suggested, an input folder with nothing to analyse is an error, a {@code --templates} folder inside the input is the
 * template library and not reports.
 */
class CommandLineMessagesTest {
    @TempDir
    Path tmp;

    private static Path root() {
        return Path.of(System.getProperty("shuzhi.root", ".."));
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static void assertNoEnglishPicocli(String err) {
        for (String english : List.of("Unknown option", "Possible solutions", "Missing required", "Invalid value",
                "Expected parameter")) {
            assertFalse(err.contains(english), err);
        }
    }

    @Test
    void aMistypedOptionIsToldInChineseWithTheRightOption() {
        CliRun r = run("analyze", "--thread", "2", tmp.toString());
        assertEquals(ShuzhiCommand.EXIT_USAGE, r.code());
        assertTrue(r.err().contains("用法错误：没有选项 --thread。是否想用 --threads？"), r.err());
        assertTrue(r.err().contains("shuzhi analyze --help"), r.err());
        assertNoEnglishPicocli(r.err());
    }

    @Test
    void aMissingInputFolderOrOptionValueIsToldInChinese() {
        CliRun r = run("analyze");
        assertEquals(ShuzhiCommand.EXIT_USAGE, r.code());
        assertTrue(r.err().contains("缺少必需的参数 <input-dir>（待分析的文件夹"), r.err());
        assertNoEnglishPicocli(r.err());
        CliRun value = run("analyze", tmp.toString(), "--threads");
        assertEquals(ShuzhiCommand.EXIT_USAGE, value.code());
        assertTrue(value.err().contains("--threads"), value.err());
        assertNoEnglishPicocli(value.err());
        CliRun type = run("analyze", tmp.toString(), "--threads", "two");
        assertEquals(ShuzhiCommand.EXIT_USAGE, type.code());
        assertTrue(type.err().contains("选项 --threads 的值“two”无效"), type.err());
        assertNoEnglishPicocli(type.err());
        CliRun search = run("search", "--categry", "problem", "党建");
        assertEquals(ShuzhiCommand.EXIT_USAGE, search.code());
        assertTrue(search.err().contains("--category"), search.err());
        assertNoEnglishPicocli(search.err());
    }

    @Test
    void anEmptyInputFolderIsAnError() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("empty"));
        CliRun r = run("analyze", in.toString(), "--out", tmp.resolve("out").toString(), "--no-progress");
        assertEquals(ShuzhiCommand.EXIT_FATAL, r.code());
        assertTrue(r.err().contains("没有可分析的报告文件") && r.err().contains("该文件夹是空的"), r.err());
        assertFalse(r.out().contains("共 0 个文件"), r.out());
        Files.writeString(in.resolve("notes.md"), "不是报告");
        CliRun notes = run("analyze", in.toString(), "--out", tmp.resolve("out").toString(), "--no-progress");
        assertEquals(ShuzhiCommand.EXIT_FATAL, notes.code());
        assertTrue(notes.err().contains("另有 1 个其他文件已跳过"), notes.err());
    }

    @Test
    void aFolderWithNoReadableReportIsAnError() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("broken"));
        Files.copy(root().resolve("corpus-samples/broken/empty.docx"), in.resolve("empty.docx"));
        Files.copy(root().resolve("corpus-samples/broken/encrypted.pdf"), in.resolve("encrypted.pdf"));
        CliRun r = run("analyze", in.toString(), "--out", tmp.resolve("out").toString(), "--dictionaries",
                root().resolve("dictionaries").toString(), "--no-progress");
        assertEquals(ShuzhiCommand.EXIT_FATAL, r.code());
        assertTrue(r.err().contains("没有一份能读取的报告：2 个文件全部无法分析"), r.err());
        assertTrue(Files.exists(tmp.resolve("out/summary.csv")), "the failures are still listed");
    }

    @Test
    void aTemplatesFolderInsideTheInputIsUsedAsTemplatesNotReports() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path units = root().resolve("corpus-samples/units/rendered");
        Files.copy(units.resolve("baisha-town-2023.txt"), in.resolve("baisha-town-2023.txt"));
        Path tpl = Files.createDirectories(in.resolve("范文"));
        Files.copy(units.resolve("wutong-community-2023.txt"), tpl.resolve("wutong-community-2023.txt"));
        Files.copy(units.resolve("city-audit-2023.doc"), tpl.resolve("city-audit-2023.doc"));
        Path out = tmp.resolve("out");
        CliRun r = run("analyze", in.toString(), "--templates", tpl.toString(), "--out", out.toString(),
                "--dictionaries", root().resolve("dictionaries").toString(), "--no-progress");
        assertEquals(ShuzhiCommand.EXIT_OK, r.code(), r.err());
        assertTrue(r.out().contains("共 1 个文件"), r.out());
        assertTrue(r.out().contains("1 篇文档、2 篇范文"), r.out());
        assertFalse(r.out().contains("范文库文件与报告编号重复"), r.out());
        List<String> csv = Files.readAllLines(out.resolve("summary.csv"), StandardCharsets.UTF_8);
        assertEquals(2, csv.size(), "header and the one report: " + csv);
        // a unit with one year: nothing to compare, said so (issue 13 item 6)
        List<Path> unitPages;
        try (var files = Files.list(out.resolve("yoy"))) {
            unitPages = files.filter(f -> !f.getFileName().toString().equals("index.html")).toList();
        }
        assertEquals(1, unitPages.size(), unitPages.toString());
        String page = Files.readString(unitPages.get(0));
        assertTrue(page.contains("本单位只有 2023 年一份报告，没有可比较的往年报告。"), page);
        assertFalse(page.contains("没有找到相似的条目"));
    }
}
