package org.shuzhi.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exit codes of {@code shuzhi analyze} as the README documents them (0 done, 1 fatal, 2 usage, 3 failed files
 * with {@code --strict}), on a folder of hostile files mixed with good ones: the batch completes, every good file is
 * analysed, and every bad one is listed with its kind, a Chinese message and what to do.
 */
class ExitCodeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static Path root() {
        return Path.of(System.getProperty("shuzhi.root", ".."));
    }

    private static String dictionaries() {
        return root().resolve("dictionaries").toString();
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    /** Good files, the committed broken fixtures and a 200 MB file. */
    private Path faultFolder() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path samples = root().resolve("corpus-samples");
        Files.copy(samples.resolve("seeds/s3-2-town-report.docx"), in.resolve("town-report.docx"));
        Files.copy(samples.resolve("seeds/s3-3-landbureau-report.txt"), in.resolve("gbk-report.txt"));
        try (var files = Files.list(samples.resolve("broken"))) {
            for (Path f : files.toList()) {
                Files.copy(f, in.resolve(f.getFileName()));
            }
        }
        try (RandomAccessFile big = new RandomAccessFile(in.resolve("big.docx").toFile(), "rw")) {
            big.setLength(200L << 20);
        }
        return in;
    }

    @Test
    void aBatchWithBadFilesCompletesWithZeroAndListsEveryBadFile() throws Exception {
        Path in = faultFolder();
        Path out = tmp.resolve("out");
        CliRun r = run("analyze", in.toString(), "--out", out.toString(), "--dictionaries", dictionaries(),
                "--no-progress", "--no-ocr");
        assertEquals(ShuzhiCommand.EXIT_OK, r.code(), r.err());
        Map<String, String> expected = Map.of("empty.docx", "empty", "blank.txt", "empty", "corrupt.docx", "corrupt",
                "garbage.pdf", "corrupt", "encrypted.pdf", "encrypted", "scanned.pdf", "scanned-no-text",
                "truncated.pdf", "corrupt", "garbage.docx", "corrupt", "big.docx", "too-large");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            JsonNode failure = JSON.readTree(out.resolve("json/" + e.getKey() + ".json").toFile()).get("failure");
            assertEquals(e.getValue(), failure.get("kind").asText(), e.getKey());
            assertTrue(failure.get("message").asText().startsWith("文件") || failure.get("message").asText()
                    .startsWith("扫描件"), failure.toString());
            assertTrue(failure.get("hint").asText().startsWith("请"), failure.toString());
            // the run's summary names the file, the kind, what is wrong and what to do
            String line = r.out().lines().filter(l -> l.startsWith("  " + e.getKey() + " — ")).findFirst()
                    .orElseThrow(() -> new AssertionError("not in the summary: " + e.getKey() + "\n" + r.out()));
            assertTrue(line.contains("[" + e.getValue() + "]") && line.contains("处理建议：请"), line);
        }
        for (String good : List.of("town-report.docx", "gbk-report.txt")) {
            JsonNode doc = JSON.readTree(out.resolve("json/" + good + ".json").toFile());
            assertTrue(doc.get("failure").isNull(), good);
            assertTrue(doc.get("paragraphs").size() > 10, good);
        }
        assertTrue(r.out().contains("共 11 个文件，成功 2 个，失败 9 个"), r.out());
        List<String> csv = Files.readAllLines(out.resolve("summary.csv"), StandardCharsets.UTF_8);
        assertEquals(12, csv.size(), "a row per file and the header");
    }

    @Test
    void strictModeExitsWithThreeWhenAFileFailedAndZeroWhenNone() throws Exception {
        Path in = faultFolder();
        assertEquals(ShuzhiCommand.EXIT_FAILED_FILES, run("analyze", in.toString(), "--out",
                tmp.resolve("o1").toString(), "--dictionaries", dictionaries(), "--no-progress", "--strict").code());
        Path good = Files.createDirectories(tmp.resolve("good"));
        Files.copy(in.resolve("town-report.docx"), good.resolve("town-report.docx"));
        assertEquals(ShuzhiCommand.EXIT_OK, run("analyze", good.toString(), "--out", tmp.resolve("o2").toString(),
                "--dictionaries", dictionaries(), "--no-progress", "--strict").code());
    }

    @Test
    void fatalErrorsExitWithOneAndSayWhatToDo() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in-fatal"));
        Files.writeString(in.resolve("r.txt"), "2024年度述职报告\n一、主要做法\n全年发展党员12名，开展主题党日活动24次。");
        CliRun missing = run("analyze", tmp.resolve("nope").toString(), "--out", tmp.resolve("o").toString(),
                "--dictionaries", dictionaries(), "--no-progress");
        assertEquals(ShuzhiCommand.EXIT_FATAL, missing.code());
        assertTrue(missing.err().contains("输入文件夹不存在"), missing.err());
        CliRun noDictionaries = run("analyze", in.toString(), "--out", tmp.resolve("o").toString(), "--dictionaries",
                Files.createDirectories(tmp.resolve("empty-dict")).toString(), "--no-progress");
        assertEquals(ShuzhiCommand.EXIT_FATAL, noDictionaries.code());
        assertTrue(noDictionaries.err().contains("词表无法加载"), noDictionaries.err());
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        CliRun unwritable = run("analyze", in.toString(), "--out", file.toString(), "--dictionaries", dictionaries(),
                "--no-progress");
        assertEquals(ShuzhiCommand.EXIT_FATAL, unwritable.code());
        assertTrue(unwritable.err().contains("无法创建输出文件夹"), unwritable.err());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, run("analyze").code());
        assertEquals(2, run("analyze", tmp.toString(), "--threads", "zero").code());
        assertEquals(2, run("analyze", tmp.toString(), "--max-bytes", "-5").code());
        assertEquals(2, run("no-such-command").code());
    }
}
