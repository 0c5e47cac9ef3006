package org.shuzhi.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators of text for property tests: hostile Unicode, and report-shaped text whose headings use every
 * numbering level (一、 （一） 1. 1、 （1） ① 第一部分, inline 一是 / 首先) around real sentences of the seed report
 * {@code corpus-samples/sources/s3-2-town-report.txt}, with the noise real files carry (watermarks, page numbers,
 * full-width forms, traditional characters, BOMs, control characters, CRLF, blank lines).
 */
public final class ReportTexts {
    private ReportTexts() {
    }

    /** Single UTF-16 units and short sequences that break naive text code. */
    private static final List<String> HOSTILE = List.of(
            "\uFEFF", "\uFFFE", "\uFFFD", "\uFFFF", "\u0000", "\u0007", "\u0008", "\u000B", "\u000C", "\u001B",
            "\u007F", "\u0085", "\u00A0", "\u00AD", "\u2028", "\u2029", "\u200B", "\u200D", "\u2060", "\u202E",
            "\u3000", "\t", "\r", "\r\n", "\n", "\n\n", " ",
            "\uD83D\uDE00", "\uD840\uDC00", "\uD835\uDC00",   // surrogate pairs: emoji, CJK extension B 𠀀, math A
            "\uD83D", "\uDE00", "\uDBFF", "\uDC00",            // lone surrogates
            "e\u0301", "\u0301", "\u0300\u0301\u0302", "\u20DD", // combining marks, alone or stacked
            "ＡＢＣ", "１２３", "（一）", "（１）", "：", "；", "！", "？", "．", "，",  // full-width forms
            "黨會問題發展組織認識將", "乾隆", "한국어", "العربية", "עברית", "ไทย",
            "\uE000", "\uF8FF", "\uDB80\uDC00",              // private use, BMP and plane 15
            "【更多素材搜索哒哒文库】", "【更#多素%材搜&索哒@哒文*库】", "##paidbegin##", "##paidend##",
            "- 3 -", "第 3 页 共 8 页", "XX", "×××", "202_", "20**", "○○", "___",
            "。", "！", "？", "；", "…", "……", "”", "“", "\"", "'", "」", "』", ")", "]");

    /** @return strings of any UTF-16 units, hostile sequences and CJK, up to {@code maxLength} units */
    public static Arbitrary<String> hostileUnicode(int maxLength) {
        Arbitrary<String> anyUnit = Arbitraries.chars().all().map(String::valueOf);
        Arbitrary<String> cjk = Arbitraries.chars().range('\u4E00', '\u9FFF').map(String::valueOf);
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, anyUnit),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(HOSTILE)),
                net.jqwik.api.Tuple.of(4, cjk));
        return piece.list().ofMaxSize(maxLength).map(l -> String.join("", l)).map(s ->
                s.length() > maxLength ? s.substring(0, maxLength) : s);
    }

    private static final List<String> SENTENCES = seedSentences();

    private static List<String> seedSentences() {
        try {
            String seed = Files.readString(Repo.samples().resolve("sources/s3-2-town-report.txt"),
                    StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>();
            for (String line : seed.split("\n")) {
                for (String s : line.split("(?<=[。！？；])")) {
                    if (s.strip().length() > 3) {
                        out.add(s.strip());
                    }
                }
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final List<String> MARKERS = List.of("一、", "二、", "十二、", "（一）", "(二)", "（十）", "1.", "2、",
            "3．", "12.", "（1）", "(2)", "①", "⑳", "第一部分", "第三章 ", "一是", "二要", "首先，", "其次，", "最后，",
            "附件1：", "附：", "1)", "");

    private static final List<String> TITLES = List.of("主要做法及成效", "存在的问题", "存在问题及原因", "原因剖析",
            "下一步打算", "下步工作打算", "自我评价", "上年度问题整改情况", "抓基层党建工作情况", "工作中存在的不足及下步工作打算",
            "加强理论学习", "明确职责，增强责任感", "存在的主要问题：", "其他");

    private static Arbitrary<String> line() {
        Arbitrary<String> marker = Arbitraries.of(MARKERS);
        Arbitrary<String> sentence = Arbitraries.of(SENTENCES);
        Arbitrary<String> heading = Combinators.combine(marker, Arbitraries.of(TITLES)).as(String::concat);
        Arbitrary<String> body = Combinators.combine(marker, sentence.list().ofMinSize(1).ofMaxSize(6))
                .as((m, ss) -> m + String.join("", ss));
        Arbitrary<String> inline = sentence.list().ofMinSize(2).ofMaxSize(4).map(ss -> {
            StringBuilder b = new StringBuilder();
            String[] ordinals = {"一是", "二是", "三是", "四是"};
            for (int i = 0; i < ss.size(); i++) {
                b.append(ordinals[i]).append(ss.get(i));
            }
            return b.toString();
        });
        Arbitrary<String> noisy = Combinators.combine(sentence, hostileUnicode(12), sentence)
                .as((a, n, c) -> a + n + c);
        Arbitrary<String> long_ = Arbitraries.of(SENTENCES).list().ofSize(60).map(ss -> String.join("", ss)
                .replaceAll("[。！？；]", "，"));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, heading),
                net.jqwik.api.Tuple.of(10, body),
                net.jqwik.api.Tuple.of(3, inline),
                net.jqwik.api.Tuple.of(3, noisy),
                net.jqwik.api.Tuple.of(1, long_),
                net.jqwik.api.Tuple.of(1, hostileUnicode(30)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(HOSTILE)));
    }

    /**
     * @param maxLines most lines
     * @return report-shaped text: a title, then headings of every level mixed with content lines, joined by LF,
     *         CRLF, CR or blank lines
     */
    public static Arbitrary<String> report(int maxLines) {
        Arbitrary<String> separator = Arbitraries.of("\n", "\n", "\n", "\n", "\r\n", "\n\n", "\r", "\n \u3000\n");
        Arbitrary<String> title = Arbitraries.of("2024年度机械学院党总支书记抓基层党建工作述职报告", "述职报告", "",
                "XX党支部书记20**年度述职报告", "黨支部書記述職報告");
        return Combinators.combine(title, Combinators.combine(line(), separator).as(String::concat).list()
                .ofMaxSize(maxLines)).as((t, ls) -> t + "\n" + String.join("", ls));
    }
}
