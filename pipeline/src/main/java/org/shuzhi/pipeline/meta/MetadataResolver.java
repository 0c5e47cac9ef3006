package org.shuzhi.pipeline.meta;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shuzhi.pipeline.model.MetaValue;
import org.shuzhi.pipeline.model.Metadata;

/**
 * Unit, secretary and year of a report, from the manifest when it has them, else from the file name, else from the
 * title lines (the first {@value #TITLE_LINES} lines of the cleaned text), recording where each came from.
 *
 * <p>File names seen in practice: {@code 2024年度机械学院党总支书记王立新述职报告.docx},
 * {@code 高昌镇党委-2023-张三.pdf}. Title lines: {@code 2024年度…党总支书记抓基层党建工作述职报告},
 * {@code 机械工程学院党总支书记 王立新}, {@code 述职人：王立新}.
 */
public final class MetadataResolver {
    /** How many leading lines count as title lines. */
    public static final int TITLE_LINES = 4;

    private static final Pattern YEAR = Pattern.compile("(20[0-9]{2})(?:年度?|[^0-9]|$)");
    private static final String ORG_END = "(?:党委|党总支|党支部|党工委|党组(?!织)|总支|支部|委员会|党小组)";
    private static final Pattern UNIT = Pattern.compile(
            "(?:20[0-9]{2}年度?)?(?:度)?([\\u4e00-\\u9fa5（）()、]{2,40}?" + ORG_END + ")");
    private static final Pattern TITLE_UNIT = Pattern.compile(
            "^(?!在|关于|按照|根据|为了|今天)(?:中共)?(?:20[0-9]{2}年度?)?(?:中共)?([\\u4e00-\\u9fa5（）()]{2,30}?" + ORG_END + ")(?:书记|委员会)?");
    private static final Pattern NAME_AFTER_TITLE = Pattern.compile(
            "(?:书记|述职人|汇报人|报告人)\\s*[:：]?\\s*[-_ ]?([\\u4e00-\\u9fa5]{2,3}|[\\u4e00-\\u9fa5]\\s+[\\u4e00-\\u9fa5]{1,2})"
                    + "(?=$|[-_ .\\s(（]|述职|同志)");
    private static final List<String> NOT_NAMES = List.of("抓基", "述职", "工作", "报告", "同志", "党建", "抓党",
            "关于", "年度", "履行", "履职");

    /** @return the metadata of a file from its manifest row, name and cleaned text */
    public Metadata resolve(Map<String, String> manifestRow, String fileName, String cleanedText) {
        String stem = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        String[] lines = cleanedText.split("\n", TITLE_LINES + 1);
        String title = String.join("\n", java.util.Arrays.copyOf(lines, Math.min(lines.length, TITLE_LINES)));
        MetaValue unit = first(manifest(manifestRow, "unit"), find(UNIT, stem, "filename"), titleUnit(lines));
        MetaValue secretary = first(manifest(manifestRow, "secretary"), name(stem, "filename"), name(title, "title"));
        MetaValue year = first(manifest(manifestRow, "year"), find(YEAR, stem, "filename"), find(YEAR, title, "title"));
        Map<String, String> extra = new LinkedHashMap<>();
        manifestRow.forEach((k, v) -> {
            if (!List.of("file", "unit", "secretary", "year").contains(k) && v != null && !v.isBlank()) {
                extra.put(k, v.strip());
            }
        });
        return new Metadata(unit, secretary, year, Map.copyOf(extra));
    }

    /** A unit from a title line: a line without 。，： whose beginning (after a year) names an organisation. */
    private static MetaValue titleUnit(String[] lines) {
        for (int i = 0; i < Math.min(lines.length, TITLE_LINES); i++) {
            String l = lines[i].strip();
            if (l.length() <= 60 && !l.matches(".*[。，,：:；;].*")) {
                Matcher m = TITLE_UNIT.matcher(l);
                if (m.find()) {
                    return new MetaValue(m.group(1), "title");
                }
            }
        }
        return MetaValue.NONE;
    }

    private static MetaValue manifest(Map<String, String> row, String key) {
        String v = row.get(key);
        return v == null || v.isBlank() ? MetaValue.NONE : new MetaValue(v.strip(), "manifest");
    }

    private static MetaValue find(Pattern p, String s, String origin) {
        Matcher m = p.matcher(s);
        return m.find() ? new MetaValue(m.group(1), origin) : MetaValue.NONE;
    }

    private static MetaValue name(String s, String origin) {
        Matcher m = NAME_AFTER_TITLE.matcher(s);
        while (m.find()) {
            String n = m.group(1).replaceAll("\\s+", "");
            if (NOT_NAMES.stream().noneMatch(n::startsWith) && !n.endsWith("抓") && !n.matches(".*(党|委|支部).*")) {
                return new MetaValue(n, origin);
            }
        }
        return MetaValue.NONE;
    }

    private static MetaValue first(MetaValue... vs) {
        for (MetaValue v : vs) {
            if (v.known()) {
                return v;
            }
        }
        return MetaValue.NONE;
    }
}
