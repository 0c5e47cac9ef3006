package org.shuzhi.app.quality;

import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.shuzhi.app.render.Templates;
import org.shuzhi.pipeline.model.Assessment;
import org.shuzhi.pipeline.model.Dimension;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import static tech.tablesaw.aggregate.AggregateFunctions.count;
import static tech.tablesaw.aggregate.AggregateFunctions.mean;

/**
 * The batch summary of the quality analysis across all assessed reports: one Tablesaw table (a row per report,
 * sorted by overall score, lowest first) and its distributions (reports per level, mean scores per profile, reports per
 * score band, the most frequently failed rules), written as {@code quality-summary.html} (sortable table, charts
 * offline), {@code quality-summary.xlsx} (sheets 报告 and 分布) and {@code quality-summary.csv} (UTF-8 with BOM).
 */
public final class QualitySummary {
    /** File names below the output folder. */
    public static final String HTML = "quality-summary.html";
    public static final String XLSX = "quality-summary.xlsx";
    public static final String CSV = "quality-summary.csv";

    private final PebbleTemplate page;

    public QualitySummary() {
        this.page = Templates.load("templates/quality-summary.peb");
    }

    /** Column headers (Chinese, as users see them in every format), in order. */
    static final List<String> HEADERS = headers();

    private static List<String> headers() {
        List<String> h = new ArrayList<>(List.of("报告编号", "文件", "单位", "述职人", "年度", "通知", "文本质量档次", "综合得分"));
        for (Dimension d : Dimension.values()) {
            h.add(d.label());
        }
        h.addAll(List.of("不符合项", "注意项", "不符合的项目"));
        return List.copyOf(h);
    }

    /** @return the rows as a Tablesaw table, lowest overall score first */
    public static Table table(List<QualityRow> rows) {
        List<QualityRow> sorted = rows.stream().sorted(Comparator.comparingDouble(QualityRow::overall)
                .thenComparing(QualityRow::id)).toList();
        List<Column<?>> cols = new ArrayList<>();
        cols.add(StringColumn.create(HEADERS.get(0), sorted.stream().map(QualityRow::id)));
        cols.add(StringColumn.create(HEADERS.get(1), sorted.stream().map(QualityRow::source)));
        cols.add(StringColumn.create(HEADERS.get(2), sorted.stream().map(QualityRow::unit)));
        cols.add(StringColumn.create(HEADERS.get(3), sorted.stream().map(QualityRow::secretary)));
        IntColumn year = IntColumn.create(HEADERS.get(4));
        sorted.forEach(r -> {
            if (r.year() == null) {
                year.appendMissing();
            } else {
                year.append(r.year());
            }
        });
        cols.add(year);
        cols.add(StringColumn.create(HEADERS.get(5), sorted.stream().map(QualityRow::profileTitle)));
        cols.add(StringColumn.create(HEADERS.get(6), sorted.stream().map(QualityRow::level)));
        cols.add(DoubleColumn.create(HEADERS.get(7), sorted.stream().mapToDouble(QualityRow::overall)));
        int i = 8;
        for (Dimension d : Dimension.values()) {
            DoubleColumn c = DoubleColumn.create(HEADERS.get(i++));
            sorted.forEach(r -> {
                Double v = r.scores().get(d.id());
                if (v == null) {
                    c.appendMissing();
                } else {
                    c.append(v);
                }
            });
            cols.add(c);
        }
        cols.add(IntColumn.create(HEADERS.get(i++), sorted.stream().mapToInt(QualityRow::failed).toArray()));
        cols.add(IntColumn.create(HEADERS.get(i++), sorted.stream().mapToInt(QualityRow::warned).toArray()));
        cols.add(StringColumn.create(HEADERS.get(i), sorted.stream().map(r -> String.join("、", r.failedRules()))));
        return Table.create("文本质量汇总", cols);
    }

    /** The distributions shown on the page and in sheet 分布. */
    record Distributions(Table byLevel, Table byProfile, Table byBand, Table byRule) {
    }

    static Distributions distributions(Table t, List<QualityRow> rows) {
        Table byLevel = t.summarize(HEADERS.get(7), count, mean).by(HEADERS.get(6));
        Table byProfile = t.summarize(HEADERS.get(7), count, mean).by(HEADERS.get(5));
        StringColumn band = StringColumn.create("得分段", t.doubleColumn(HEADERS.get(7)).asList().stream()
                .map(v -> v >= 80 ? "80–100" : v >= 65 ? "65–80" : v >= 50 ? "50–65" : "0–50"));
        Table withBand = t.copy().addColumns(band);
        Table byBand = withBand.countBy(band.name());
        StringColumn rules = StringColumn.create("不符合的项目");
        rows.forEach(r -> r.failedRules().forEach(rules::append));
        Table byRule = Table.create("项目", rules).countBy("不符合的项目")
                .sortOn("-Count", "不符合的项目"); // ties by name: the same input gives the same table
        return new Distributions(byLevel, byProfile, byBand, byRule.first(15));
    }

    /**
     * Writes the three files into {@code out}.
     *
     * @param wordLinks whether the run wrote {@code docx/<id>.docx} files (then each row links to its file)
     * @throws UncheckedIOException if a file cannot be written
     */
    public void write(Path out, List<QualityRow> rows, String runLine, boolean wordLinks) {
        Table t = table(rows);
        Distributions dist = distributions(t, rows);
        try {
            Files.writeString(out.resolve(CSV), csv(t), StandardCharsets.UTF_8);
            try (OutputStream o = Files.newOutputStream(out.resolve(XLSX))) {
                xlsx(t, dist, o);
            }
            Files.writeString(out.resolve(HTML), html(t, dist, runLine, rows, wordLinks), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("无法写入汇总表到 " + out + "：" + e.getMessage(), e);
        }
    }

    /** @return the table as CSV text with a BOM (Excel shows the Chinese) */
    static String csv(Table t) {
        StringWriter w = new StringWriter();
        t.write().csv(w);
        return "\uFEFF" + w;
    }

    /**
     * Writes the workbook through POI's streaming writer (at most 100 rows of a sheet in memory, the rest in a
     * temporary file deleted afterwards), so that a summary of 100,000 reports does not hold them all as XML objects.
     */
    private static void xlsx(Table t, Distributions dist, OutputStream o) throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(100);
        try (wb) {
            CellStyle head = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            head.setFont(bold);
            sheet(wb.createSheet("报告"), t, head, 0);
            Sheet s = wb.createSheet("分布");
            int r = 0;
            for (Table d : List.of(dist.byLevel(), dist.byProfile(), dist.byBand(), dist.byRule())) {
                r = sheet(s, d, head, r) + 1;
            }
            Sheet note = wb.createSheet("说明");
            note.createRow(0).createCell(0).setCellValue(Assessment.DISCLAIMER);
            wb.write(o);
        } finally {
            wb.dispose();
        }
    }

    private static int sheet(Sheet s, Table t, CellStyle head, int first) {
        Row h = s.createRow(first);
        for (int c = 0; c < t.columnCount(); c++) {
            h.createCell(c).setCellValue(label(t.column(c).name()));
            h.getCell(c).setCellStyle(head);
        }
        for (int r = 0; r < t.rowCount(); r++) {
            Row row = s.createRow(first + 1 + r);
            for (int c = 0; c < t.columnCount(); c++) {
                Column<?> col = t.column(c);
                if (col.isMissing(r)) {
                    continue;
                }
                Object v = col.get(r);
                if (v instanceof Number n) {
                    row.createCell(c).setCellValue(n.doubleValue());
                } else {
                    row.createCell(c).setCellValue(String.valueOf(v));
                }
            }
        }
        return first + 1 + t.rowCount();
    }

    private static String label(String tablesawName) {
        return tablesawName.replace("Count [", "份数 [").replace("Mean [", "平均 [").replace("Count", "份数");
    }

    private String html(Table t, Distributions dist, String runLine, List<QualityRow> rows, boolean wordLinks) {
        List<List<Cell>> body = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            List<Cell> cells = new ArrayList<>();
            for (int c = 0; c < t.columnCount(); c++) {
                Column<?> col = t.column(c);
                Object v = col.isMissing(r) ? null : col.get(r);
                String css = v instanceof Number ? "n" : "wrap";
                if (v instanceof Double d && d < 60) {
                    css += " low";
                }
                cells.add(new Cell(v == null ? "" : v instanceof Double d ? String.format(Locale.ROOT, "%.1f", d)
                        : v.toString(), css));
            }
            body.add(cells);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        List<String> headers = new ArrayList<>(HEADERS);
        headers.set(0, "报告"); // the first column shows the report's name (unit and year) and links to it
        m.put("headers", headers);
        m.put("names", rowNames(rows));
        m.put("rows", body);
        m.put("count", t.rowCount());
        m.put("run", runLine);
        m.put("docx", wordLinks);
        m.put("disclaimer", Assessment.DISCLAIMER);
        m.put("chartJson", chartJson(dist));
        m.put("dist", List.of(view("各档次份数与平均分", dist.byLevel()), view("各通知配置份数与平均分", dist.byProfile()),
                view("得分段分布", dist.byBand()), view("不符合次数最多的项目", dist.byRule())));
        return Templates.render(page, m);
    }

    /** @return report id → its name (unit and year), for the link text of the first column */
    private static Map<String, String> rowNames(List<QualityRow> rows) {
        Map<String, String> names = new LinkedHashMap<>();
        rows.forEach(r -> names.put(r.id(), r.name()));
        return names;
    }

    /** A table cell for the template: text and CSS class ({@code n} numbers, {@code low} scores under 60). */
    public record Cell(String text, String css) {
    }

    /** A distribution table for the template. */
    public record DistView(String title, List<String> headers, List<List<String>> rows) {
    }

    private static DistView view(String title, Table t) {
        List<String> h = t.columnNames().stream().map(QualitySummary::label).toList();
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < t.columnCount(); c++) {
                Object v = t.column(c).get(r);
                cells.add(cell(t.column(c).name(), v));
            }
            rows.add(cells);
        }
        return new DistView(title, h, rows);
    }

    /** @return a distribution cell: counts as whole numbers (Tablesaw's count is a double), means with one decimal */
    static String cell(String column, Object v) {
        if (v instanceof Number n && column.startsWith("Count")) {
            return String.valueOf(Math.round(n.doubleValue()));
        }
        return v instanceof Double d ? String.format(Locale.ROOT, "%.1f", d) : String.valueOf(v);
    }

    private static String chartJson(Distributions d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("levels", d.byLevel().stringColumn(0).asList());
        m.put("levelCounts", d.byLevel().doubleColumn(1).asList().stream().map(Math::round).toList());
        m.put("bands", d.byBand().stringColumn(0).asList());
        m.put("bandCounts", d.byBand().intColumn(1).asList());
        m.put("rules", d.byRule().stringColumn(0).asList());
        m.put("ruleCounts", d.byRule().intColumn(1).asList());
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(m).replace("</", "<\\/");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
