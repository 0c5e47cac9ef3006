package org.shuzhi.app.render;

import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.shuzhi.index.Schema;
import org.shuzhi.pipeline.model.Category;
import org.shuzhi.pipeline.model.CleaningEdit;
import org.shuzhi.pipeline.model.Counts;
import org.shuzhi.pipeline.model.Evidence;
import org.shuzhi.pipeline.model.MetaValue;
import org.shuzhi.pipeline.model.Paragraph;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.model.Section;
import org.shuzhi.pipeline.model.Sentence;
import org.shuzhi.pipeline.model.TermMatch;
import org.shuzhi.pipeline.run.Stages;

/**
 * The per-report HTML page a person reads: metadata with origins, document type with evidence, category shares,
 * per-section counts, and the text with paragraphs coloured by category and flagged spans highlighted (reason on
 * hover). Self-contained: inline CSS, no script, no CDN. Everything from the document is escaped by the template
 * engine (Pebble autoescaping). Thread-safe.
 */
public final class HtmlReport {
    /** Manifest columns shown on the page (the others, e.g. ground truth, stay in the JSON only). */
    private static final Map<String, String> EXTRA_LABELS = Map.of("sector", "领域", "profile", "通知配置",
            "reportId", "报告编号");

    private static final Map<String, String> FORMATS = Map.of("application/pdf", "PDF",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word 文档（.docx）",
            "application/msword", "Word 97–2003 文档（.doc）", "text/plain", "纯文本", "text/html", "网页（HTML）",
            "application/rtf", "RTF 文档", "application/vnd.oasis.opendocument.text", "ODF 文档（.odt）",
            "application/ofd", "OFD 版式文件（.ofd）", "image/ocr", "图片（文字识别）");

    /** OCR paragraphs below this confidence (Tesseract's 0–100) are listed on the page. */
    static final double LOW_OCR_CONFIDENCE = 75;

    /** Finding spans up to this many UTF-16 units are underlined in the text; longer ones flag their paragraph. */
    private static final int SHORT_SPAN = 40;

    private final PebbleTemplate report;
    private final PebbleTemplate index;

    public HtmlReport() {
        this.report = Templates.load("templates/report.peb");
        this.index = Templates.load("templates/index.peb");
    }

    /** A table row of the section table. */
    public record SectionRow(int level, String heading, String kinds, String origin, int chars, String share,
                             int numbers, int entities, int vague, int forbidden, int empty, int firstPerson,
                             int deflecting) {
    }

    /** A paragraph as shown. */
    public record ParagraphView(int index, String category, String label, String confidence, boolean unsure,
                                boolean heading,
                                List<Highlighter.Run> runs, List<String> evidence, String counts, List<String> flags) {
    }

    /** A category share. */
    public record Share(String category, String label, int chars, String percent, int paragraphs) {
    }

    /** A labelled value. */
    public record Row(String label, String value, String note) {
    }

    /** @return the HTML page of {@code doc} */
    public String render(ReportDocument doc) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("doc", doc);
        m.put("title", title(doc));
        m.put("docTypeLabel", doc.docType().label());
        m.put("docTypeConfidence", pct(doc.docTypeDecision().confidence()));
        m.put("docTypeEvidence", doc.docTypeDecision().evidence().stream()
                .map(e -> e.detail() + " → " + e.toward().id() + (e.weight() > 0 ? "（+" + fmt(e.weight()) + "）" : ""))
                .toList());
        m.put("meta", List.of(meta("单位", doc.metadata().unit()), meta("述职人", doc.metadata().secretary()),
                meta("年度", doc.metadata().year())));
        m.put("extra", doc.metadata().extra().entrySet().stream().filter(e -> EXTRA_LABELS.containsKey(e.getKey()))
                .map(e -> new Row(EXTRA_LABELS.get(e.getKey()), e.getKey().equals(Schema.SECTOR)
                        ? Labels.value(Schema.SECTOR, e.getValue()) : e.getValue(),
                        "来自 manifest.csv")).toList());
        m.put("format", FORMATS.getOrDefault(doc.extraction().mediaType(), doc.extraction().mediaType()));
        m.put("extraction", doc.extraction());
        var ocr = doc.extraction().ocr();
        m.put("ocrMean", ocr == null ? "" : String.format(java.util.Locale.ROOT, "%.0f", ocr.meanConfidence()));
        m.put("ocrLow", ocr == null ? List.of() : ocr.paragraphs().stream()
                .filter(p -> p.confidence() < LOW_OCR_CONFIDENCE).limit(10).toList());
        var part = doc.extraction().part();
        m.put("siblings", part == null ? List.of() : java.util.stream.IntStream.rangeClosed(1, part.count())
                .filter(k -> k != part.index())
                .mapToObj(k -> new Row(String.valueOf(k), org.shuzhi.pipeline.run.Pipeline.partId(part.bookletId(), k),
                        "")).toList());
        m.put("cleaning", cleaningRows(doc.cleaning()));
        m.put("flags", doc.flags().stream().map(f -> new Row(flagLabel(f), f.span().of(doc.text()).isEmpty()
                ? f.term() : f.span().of(doc.text()), "位置 " + f.span().start())).toList());
        int total = Stages.charCount(doc.text());
        m.put("totalChars", total);
        m.put("shares", shares(doc, total));
        m.put("sections", sectionRows(doc, total));
        m.put("paragraphs", paragraphViews(doc));
        m.put("scored", doc.docType() == org.shuzhi.pipeline.model.DocType.REPORT);
        m.put("qa", AssessmentView.of(doc));
        m.put("cmp", ComparisonView.of(doc));
        return Templates.render(report, m);
    }

    /** @return the index page listing all reports of a run */
    public String renderIndex(List<SummaryRow> rows, List<String> summaryLines) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", rows);
        m.put("summary", summaryLines);
        return Templates.render(index, m);
    }

    /** @return a display title: the first line if it looks like one, else the file name */
    public static String title(ReportDocument doc) {
        if (doc.ok() && !doc.paragraphs().isEmpty() && doc.paragraphs().get(0).text().length() <= 60) {
            return doc.paragraphs().get(0).text();
        }
        return doc.source();
    }

    private static Row meta(String label, MetaValue v) {
        String origin = switch (v.origin()) {
            case "manifest" -> "来自 manifest.csv";
            case "filename" -> "来自文件名";
            case "title" -> "来自标题行";
            default -> "未识别";
        };
        return new Row(label, v.known() ? v.value() : "—", origin);
    }

    private static List<Row> cleaningRows(List<CleaningEdit> edits) {
        Map<String, List<CleaningEdit>> byKind = new LinkedHashMap<>();
        for (CleaningEdit e : edits) {
            byKind.computeIfAbsent(e.kind(), k -> new ArrayList<>()).add(e);
        }
        List<Row> rows = new ArrayList<>();
        byKind.forEach((k, es) -> {
            String label = switch (k) {
                case "watermark" -> "删除文库水印";
                case "spun-synonym" -> "还原洗稿同义词";
                case "traditional" -> "繁体转简体";
                case "boilerplate-line" -> "删除网页/页码行";
                case "control-char" -> "删除不可见字符";
                default -> k;
            };
            List<String> ex = es.stream().limit(8).map(e -> e.replacement().isEmpty() ? e.original().strip()
                    : e.original() + "→" + e.replacement()).distinct().toList();
            String note = k.equals("traditional") || k.equals("control-char") ? es.get(0).note()
                    : es.size() + " 处";
            rows.add(new Row(label, String.join("、", ex), note));
        });
        return rows;
    }

    private static String flagLabel(TermMatch f) {
        return switch (f.list()) {
            case "placeholders" -> "未填写的模板占位符";
            case "watermarks" -> "文库水印（已删除，说明文字来自网络范文）";
            default -> f.list();
        };
    }

    private static List<Share> shares(ReportDocument doc, int total) {
        Map<Category, int[]> acc = new EnumMap<>(Category.class);
        for (Paragraph p : doc.paragraphs()) {
            int[] a = acc.computeIfAbsent(p.category(), k -> new int[2]);
            a[0] += p.counts().chars();
            a[1]++;
        }
        List<Share> out = new ArrayList<>();
        for (Category c : Category.values()) {
            int[] a = acc.getOrDefault(c, new int[2]);
            out.add(new Share(c.id(), c.label(), a[0], total == 0 ? "0%" : pct((double) a[0] / total), a[1]));
        }
        return out;
    }

    private static List<SectionRow> sectionRows(ReportDocument doc, int total) {
        List<SectionRow> rows = new ArrayList<>();
        for (Section s : doc.sections()) {
            if (s.index() == 0 && doc.sections().size() > 1 && doc.paragraphs().stream()
                    .noneMatch(p -> p.section() == 0)) {
                continue;
            }
            Counts c = s.counts();
            rows.add(new SectionRow(s.level(), s.index() == 0 ? "（全文）" : s.heading(),
                    s.kinds().isEmpty() ? "—" : String.join("、", s.kinds().stream().map(Category::label).toList()),
                    s.kindOrigin().id(), c.chars(), total == 0 ? "0%" : pct((double) c.chars() / total), c.numbers(),
                    c.entities(), c.vagueTerms(), c.forbiddenVague(), c.emptyPhrases(), c.firstPerson(),
                    c.deflecting()));
        }
        return rows;
    }

    private static List<ParagraphView> paragraphViews(ReportDocument doc) {
        List<Highlighter.Mark> docMarks = new ArrayList<>();
        for (TermMatch f : doc.flags()) {
            if (f.list().equals("placeholders")) {
                docMarks.add(new Highlighter.Mark(f.span(), "ph", "模板占位符未填写：" + f.span().of(doc.text())));
            }
        }
        List<org.shuzhi.pipeline.model.Finding> flagged = doc.assessment().findings().stream()
                .filter(org.shuzhi.pipeline.model.Finding::flagged).toList();
        for (org.shuzhi.pipeline.model.Finding f : flagged) {
            for (org.shuzhi.pipeline.model.Span s : f.spans()) {
                if (s.length() <= SHORT_SPAN) {
                    docMarks.add(new Highlighter.Mark(s, "fnd", f.verdict().label() + "：" + f.message() + "（" + f.rule().id() + "）"));
                }
            }
        }
        List<ParagraphView> out = new ArrayList<>();
        for (Paragraph p : doc.paragraphs()) {
            List<Highlighter.Mark> marks = new ArrayList<>(docMarks);
            List<String> flags = flagged.stream().filter(f -> f.dimension() != org.shuzhi.pipeline.model.Dimension.PROPORTIONS
                    && f.spans().stream().anyMatch(s -> s.length() > SHORT_SPAN && s.overlaps(p.span())))
                    .map(f -> f.rule().id()).distinct().toList();
            for (Sentence s : p.sentences()) {
                for (TermMatch m : s.features().numbers()) {
                    marks.add(new Highlighter.Mark(m.span(), "num", "具体数据（" + m.group() + "）"));
                }
                for (TermMatch m : s.features().entities()) {
                    marks.add(new Highlighter.Mark(m.span(), "ent", "具名（" + entityLabel(m.group()) + "）"));
                }
                for (TermMatch m : s.features().vagueTerms()) {
                    marks.add(new Highlighter.Mark(m.span(), "forbidden".equals(m.group()) ? "vague forbidden"
                            : "vague", "模糊表述“" + m.term() + "”（" + m.group()
                            + ("forbidden".equals(m.group()) ? "，种子通知002明确禁用" : "") + "）"));
                }
                for (TermMatch m : s.features().emptyPhrases()) {
                    marks.add(new Highlighter.Mark(m.span(), "empty", "套话“" + m.term() + "”（" + m.group() + "）"));
                }
                for (TermMatch m : s.features().stance()) {
                    if (!"collective".equals(m.group())) {
                        marks.add(new Highlighter.Mark(m.span(), "first-person".equals(m.group()) ? "me" : "defl",
                                "first-person".equals(m.group()) ? "第一人称（把自己摆进去）" : "推给下面/他人"));
                    }
                }
            }
            List<String> ev = new ArrayList<>();
            for (Evidence<Category> e : p.evidence()) {
                ev.add(evidenceLine(e));
            }
            Counts c = p.counts();
            String counts = c.chars() + " 字 · 数据 " + c.numbers() + " · 具名 " + c.entities() + " · 模糊 "
                    + c.vagueTerms() + " · 套话 " + c.emptyPhrases();
            out.add(new ParagraphView(p.index(), p.category().id(), p.category().label(), pct(p.confidence()),
                    p.unsure(), p.heading(), Highlighter.runs(doc.text(), p.start(), p.end(), marks), ev, counts, flags));
        }
        return out;
    }

    private static String entityLabel(String g) {
        return switch (g) {
            case "person" -> "人名";
            case "place" -> "地名";
            case "organization" -> "机构";
            case "document" -> "文件/案例";
            default -> g;
        };
    }

    private static String evidenceLine(Evidence<Category> e) {
        String rule = switch (e.rule()) {
            case "category.section" -> "所在部分";
            case "category.cue" -> "提示词";
            case "category.position" -> "位置";
            case "category.title" -> "标题行";
            case "category.heading" -> "标题";
            case "category.sequence" -> "上下文";
            case "category.doctype" -> "文档类型";
            default -> e.rule();
        };
        String toward = e.toward() == null ? "" : " → " + e.toward().label();
        return rule + "：" + e.detail() + toward + (e.weight() > 0 ? "（+" + fmt(e.weight()) + "）" : "");
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.0f%%", v * 100);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
