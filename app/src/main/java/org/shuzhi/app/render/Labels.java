package org.shuzhi.app.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shuzhi.index.Flag;
import org.shuzhi.index.Schema;
import org.shuzhi.pipeline.model.Category;
import org.shuzhi.pipeline.model.DocType;
import org.shuzhi.pipeline.model.QualityLevel;
import org.shuzhi.pipeline.model.StableId;

/**
 * Chinese labels for the index's facet dimensions and values, and the reverse: user input (an id such as
 * {@code problem} or a label such as 存在问题) to the value stored in the index. One place for the CLI and the web UI.
 */
public final class Labels {
    private static final Map<String, String> DIMENSIONS = new LinkedHashMap<>();
    private static final Map<String, String> SECTORS = new LinkedHashMap<>();

    static {
        DIMENSIONS.put(Schema.YEAR, "年度");
        DIMENSIONS.put(Schema.UNIT, "单位");
        DIMENSIONS.put(Schema.CATEGORY, "段落类别");
        DIMENSIONS.put(Schema.SECTION, "所在部分");
        DIMENSIONS.put(Schema.FLAG, "标记");
        DIMENSIONS.put(Schema.LEVEL, "文本质量");
        DIMENSIONS.put(Schema.DOC_TYPE, "文档类型");
        DIMENSIONS.put(Schema.SECTOR, "领域");
        DIMENSIONS.put(Schema.SECRETARY, "述职人");
        SECTORS.put("university", "高校");
        SECTORS.put("town", "乡镇");
        SECTORS.put("government", "机关");
        SECTORS.put("soe", "国有企业");
        SECTORS.put("enterprise", "国有企业");
        SECTORS.put("community", "社区");
        SECTORS.put("county", "县级");
        SECTORS.put("district", "区级");
    }

    private Labels() {
    }

    /** @return the Chinese name of a facet dimension, e.g. 年度 */
    public static String dimension(String dim) {
        return DIMENSIONS.getOrDefault(dim, dim);
    }

    /** @return the Chinese label of a value of {@code dim}, e.g. problem → 存在问题; unknown values as they are */
    public static String value(String dim, String value) {
        if (value == null) {
            return "";
        }
        try {
            return switch (dim) {
                case Schema.CATEGORY -> Category.fromId(value).label();
                case Schema.SECTION -> value.equals("unknown") ? "未识别" : Category.fromId(value).label();
                case Schema.FLAG -> StableId.fromId(Flag.class, value).label();
                case Schema.LEVEL -> StableId.fromId(QualityLevel.class, value).label();
                case Schema.DOC_TYPE -> StableId.fromId(DocType.class, value).label();
                case Schema.SECTOR -> SECTORS.getOrDefault(value, value);
                default -> value;
            };
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    /**
     * Turns user input for a filter into the indexed value: ids and Chinese labels are both accepted for category,
     * section, flag, doc type and sector; other dimensions are taken as written.
     *
     * @throws IllegalArgumentException with a Chinese message listing the accepted values, for an unknown value
     */
    public static String parse(String dim, String input) {
        String v = input.strip();
        List<String> accepted = switch (dim) {
            case Schema.CATEGORY, Schema.SECTION -> java.util.Arrays.stream(Category.values()).map(Category::id)
                    .toList();
            case Schema.FLAG -> java.util.Arrays.stream(Flag.values()).map(Flag::id).toList();
            case Schema.LEVEL -> java.util.Arrays.stream(QualityLevel.values()).map(QualityLevel::id).toList();
            case Schema.DOC_TYPE -> java.util.Arrays.stream(DocType.values()).map(DocType::id).toList();
            case Schema.SECTOR -> List.copyOf(SECTORS.keySet());
            default -> null;
        };
        if (accepted == null) {
            return v;
        }
        for (String id : accepted) {
            // a contract-1 id (self_assessment) is the id with - for _
            if (id.equalsIgnoreCase(v.replace('_', '-')) || value(dim, id).equals(v)) {
                return id;
            }
        }
        if (dim.equals(Schema.SECTION) && (v.equals("unknown") || v.equals("未识别"))) {
            return "unknown";
        }
        if (dim.equals(Schema.SECTOR)) {
            return v; // sectors are open-ended manifest values
        }
        StringBuilder b = new StringBuilder();
        for (String id : accepted) {
            b.append(b.isEmpty() ? "" : "、").append(id).append("（").append(value(dim, id)).append("）");
        }
        throw new IllegalArgumentException(dimension(dim) + "“" + v + "”无效，可选：" + b);
    }
}
