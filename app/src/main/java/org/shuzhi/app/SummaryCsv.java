package org.shuzhi.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.shuzhi.app.render.SummaryRow;

/**
 * {@code summary.csv}: UTF-8 with a BOM (so that Excel shows the Chinese), a header line of Chinese column names, one
 * row per file; status, failure kind and document type as their Chinese labels (the ids stay in the JSON).
 */
final class SummaryCsv {
    private static final CsvMapper MAPPER = new CsvMapper();
    /** Column header → value, in order. */
    static final Map<String, Function<SummaryRow, Object>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("报告编号", SummaryRow::id);
        COLUMNS.put("文件", SummaryRow::source);
        COLUMNS.put("状态", SummaryRow::statusLabel);
        COLUMNS.put("失败原因", SummaryRow::failureLabel);
        COLUMNS.put("失败说明", SummaryRow::failureMessage);
        COLUMNS.put("文档类型", SummaryRow::docTypeLabel);
        COLUMNS.put("单位", SummaryRow::unit);
        COLUMNS.put("述职人", SummaryRow::secretary);
        COLUMNS.put("年度", SummaryRow::year);
        COLUMNS.put("字数", SummaryRow::chars);
        COLUMNS.put("段落数", SummaryRow::paragraphs);
        COLUMNS.put("部分数", SummaryRow::sections);
        COLUMNS.put("成绩占比", SummaryRow::achievementShare);
        COLUMNS.put("问题占比", SummaryRow::problemShare);
        COLUMNS.put("原因占比", SummaryRow::causeShare);
        COLUMNS.put("打算占比", SummaryRow::planShare);
        COLUMNS.put("自我评价占比", SummaryRow::selfAssessmentShare);
        COLUMNS.put("整改情况占比", SummaryRow::rectificationShare);
        COLUMNS.put("数据个数", SummaryRow::numbers);
        COLUMNS.put("具体名称个数", SummaryRow::entities);
        COLUMNS.put("模糊表述", SummaryRow::vagueTerms);
        COLUMNS.put("禁用模糊量词", SummaryRow::forbiddenVague);
        COLUMNS.put("套话", SummaryRow::emptyPhrases);
        COLUMNS.put("第一人称", SummaryRow::firstPerson);
        COLUMNS.put("集体表述", SummaryRow::collective);
        COLUMNS.put("推给他人", SummaryRow::deflecting);
        COLUMNS.put("水印", SummaryRow::watermarks);
        COLUMNS.put("占位符", SummaryRow::placeholders);
        COLUMNS.put("同义词替换", SummaryRow::spunSynonyms);
    }

    private static final CsvSchema SCHEMA = schema();

    private SummaryCsv() {
    }

    private static CsvSchema schema() {
        CsvSchema.Builder b = CsvSchema.builder().setUseHeader(true);
        COLUMNS.keySet().forEach(b::addColumn);
        return b.build();
    }

    static String toCsv(List<SummaryRow> rows) {
        List<Object[]> values = rows.stream()
                .map(r -> COLUMNS.values().stream().map(f -> f.apply(r)).toArray()).toList();
        try {
            return "\uFEFF" + MAPPER.writer(SCHEMA).writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
