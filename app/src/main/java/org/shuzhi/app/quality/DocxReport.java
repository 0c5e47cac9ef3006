package org.shuzhi.app.quality;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.shuzhi.app.render.AssessmentView;
import org.shuzhi.app.render.HtmlReport;
import org.shuzhi.app.render.RuleNames;
import org.shuzhi.pipeline.model.Comparison;
import org.shuzhi.pipeline.model.Comparison.CopiedPassage;
import org.shuzhi.pipeline.model.Comparison.ProblemCoverage;
import org.shuzhi.pipeline.model.Comparison.YearOverYearMatch;
import org.shuzhi.pipeline.model.SourceKind;
import org.shuzhi.pipeline.model.ReportDocument;

/**
 * The quality analysis of one report as a Word document ({@code <out>/docx/<id>.docx}) that a department prints:
 * title and basic facts, the text-quality level (with the finding that capped it, if any), the draft 点评 (once),
 * the findings table (once; Chinese rule names from {@link RuleNames}, 结论 符合/不符合/提示), the year-over-year
 * section (repeated problems and plans with both years' passages, plans kept, last year's problems not addressed,
 * text reused from earlier years with its share, outdated phrases) and the copy section (passages shared with other
 * reports or templates, with the source's unit and year and the direction as the comparison states it). Long
 * passages are cut with …… and the full text left to the HTML page, so a typical report fits in 4 A4 pages.
 * A4, 仿宋/黑体, built with Apache POI (XWPF). Thread-safe (no state).
 */
public final class DocxReport {
    private static final String BODY_FONT = "仿宋";
    private static final String HEAD_FONT = "黑体";
    /** Passages longer than this many characters are cut in the tables. */
    static final int PASSAGE = 60;
    /** At most this many rows per year-over-year or copy table; the rest is counted and left to the HTML page. */
    static final int MAX_ROWS = 6;

    /** @return the .docx bytes of {@code doc}'s analysis */
    public byte[] render(ReportDocument doc) {
        AssessmentView qa = AssessmentView.of(doc);
        try (XWPFDocument d = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(d);
            XWPFParagraph t = d.createParagraph();
            t.setAlignment(ParagraphAlignment.CENTER);
            t.setSpacingAfter(0);
            run(t, "述职报告文本质量分析", HEAD_FONT, 16, true);
            XWPFParagraph st = d.createParagraph();
            st.setAlignment(ParagraphAlignment.CENTER);
            run(st, HtmlReport.title(doc), BODY_FONT, 11, false);
            small(d, "单位：" + nz(doc.unit()) + "　述职人：" + nz(doc.secretary()) + "　年度："
                    + (doc.year() == null ? "—" : doc.year().toString()) + "　文件：" + doc.source());
            if (!qa.assessed()) {
                para(d, "未做质量分析：" + qa.notAssessed());
                d.write(out);
                return out.toByteArray();
            }
            small(d, "通知配置：" + qa.profile() + "（" + qa.origin() + "）；全文 " + qa.totalChars() + " 字（计数口径："
                    + qa.counting() + "）");
            small(d, "说明：" + qa.disclaimer());

            heading(d, "一、文本质量档次");
            XWPFParagraph lv = d.createParagraph();
            run(lv, qa.level(), HEAD_FONT, 13, true);
            run(lv, "　综合得分 " + qa.overall() + " / 100　", BODY_FONT, 11, false);
            run(lv, String.join("　", qa.scores().stream().map(s -> s.dimension() + " " + s.score()).toList()),
                    BODY_FONT, 9.5, false);
            for (String r : qa.reasons()) {
                bullet(d, r);
            }

            heading(d, "二、点评意见（草稿，供修改）");
            for (AssessmentView.CommentPart part : qa.comment()) {
                XWPFParagraph p = d.createParagraph();
                p.setIndentationFirstLine(560);
                run(p, part.label() + "：", HEAD_FONT, 11, false);
                run(p, String.join("", part.sentences().stream().map(AssessmentView.CommentLine::text).toList()),
                        BODY_FONT, 11, false);
            }

            heading(d, "三、检查结果（" + qa.findings().size() + " 项，其中需注意 " + qa.flagged().size() + " 项）");
            findings(d, qa.findings());

            Comparison c = doc.comparison();
            boolean compared = c != null && c.compared();
            heading(d, "四、与往年对比（防止“年年述、年年改、年年在”）");
            yearOverYear(d, doc, c, compared);
            heading(d, "五、与其他报告、范文相同的文字");
            copies(d, c, compared);

            XWPFParagraph end = d.createParagraph();
            end.setSpacingBefore(160);
            run(end, "较长的段落已截断（以“……”表示）；全文、逐段标注和对照页见同一输出目录中本报告的网页版。由 shuzhi 生成。", BODY_FONT, 8.5, false).setColor("606060");
            d.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void findings(XWPFDocument d, List<AssessmentView.FindingRow> rows) {
        if (rows.isEmpty()) {
            para(d, "没有检查结果。");
            return;
        }
        XWPFTable t = table(d, 760, 1500, 1400, 3546, 2100);
        row(t, true, "结论", "检查项", "实际 / 要求", "说明", "依据");
        for (AssessmentView.FindingRow f : rows) {
            String ev = f.evidence().isEmpty() || f.verdictId().equals("pass") ? ""
                    : "\n" + cut(String.join("；", f.evidence()), PASSAGE);
            row(t, false, verdict(f.verdictId(), f.verdict()), f.name(), f.value() + " / " + f.threshold(),
                    f.message() + ev, cut(f.source(), 36));
        }
    }

    /** 结论 as the department reads it: 符合 / 不符合 / 提示 (WARN) / 未检查. */
    static String verdict(String id, String label) {
        return switch (id) {
            case "pass" -> "符合";
            case "fail" -> "不符合";
            case "warn" -> "提示";
            default -> label;
        };
    }

    private static void yearOverYear(XWPFDocument d, ReportDocument doc, Comparison c, boolean compared) {
        if (!compared) {
            para(d, "没有做年度对比（本次运行未比对其他报告）。");
            return;
        }
        List<Comparison.Link> earlier = c.links().stream()
                .filter(l -> doc.year() != null && l.year() < doc.year()).toList();
        if (earlier.isEmpty()) {
            para(d, "没有找到同一单位或述职人更早年度的报告，没有可对比的往年内容。");
        } else {
            para(d, "对比的往年报告：" + String.join("、", earlier.stream().map(l -> l.year() + " 年"
                    + (l.sameUnit() ? "" : "（" + l.unit() + "）")).toList()) + "。");
        }
        for (YearOverYearMatch.Kind kind : YearOverYearMatch.Kind.values()) {
            List<YearOverYearMatch> ms = c.yearOverYear().stream().filter(m -> m.kind() == kind).toList();
            String what = switch (kind) {
                case REPEATED_PROBLEM -> "与往年相同或相近的问题（年年在）";
                case REPEATED_PLAN -> "往年已经许诺过的打算";
                case PLAN_KEPT -> "兑现往年承诺的情况";
            };
            if (ms.isEmpty()) {
                sub(d, what + "：没有。");
                continue;
            }
            sub(d, what + "：" + ms.size() + " 处");
            XWPFTable t = table(d, 3900, 3900, 1506);
            row(t, true, "本年度报告", "往年报告", "相似程度");
            for (YearOverYearMatch m : ms.subList(0, Math.min(MAX_ROWS, ms.size()))) {
                row(t, false, cut(m.text(), PASSAGE), m.previousYear() + " 年：" + cut(m.previousText(), PASSAGE),
                        pct(m.similarity()) + (m.verbatim() ? "，原文照抄" : ""));
            }
            more(d, ms.size());
        }
        List<ProblemCoverage> missed = c.coverage().stream()
                .filter(p -> p.status() == ProblemCoverage.Status.NOT_MENTIONED).toList();
        if (c.coverage().isEmpty()) {
            sub(d, "上年查摆问题的整改说明：没有可对照的上年问题。");
        } else if (missed.isEmpty()) {
            sub(d, "上年查摆的 " + c.coverage().size() + " 个问题，整改说明都有提及。");
        } else {
            sub(d, "上年查摆的 " + c.coverage().size() + " 个问题中，" + missed.size() + " 个在整改说明中没有提及：");
            for (ProblemCoverage p : missed.subList(0, Math.min(MAX_ROWS, missed.size()))) {
                bullet(d, p.previousYear() + " 年：" + cut(p.problem(), PASSAGE) + (p.repeated() ? "（今年仍列为问题）" : ""));
            }
            more(d, missed.size());
        }
        List<CopiedPassage> own = c.passages().stream().filter(p -> p.sourceKind() == SourceKind.OWN_EARLIER_YEAR)
                .toList();
        sub(d, "照搬本单位或本人往年报告的文字：占全文 " + pct(c.copyStats().recycledRatio())
                + (own.isEmpty() ? "，没有成段照搬的文字。" : "，" + own.size() + " 处"));
        if (!own.isEmpty()) {
            XWPFTable t = table(d, 6000, 1800, 1506);
            row(t, true, "相同或相近的文字", "出自", "字数");
            for (CopiedPassage p : own.subList(0, Math.min(MAX_ROWS, own.size()))) {
                row(t, false, cut(p.text(), PASSAGE), source(p), p.chars() + " 字");
            }
            more(d, own.size());
        }
        if (c.anachronisms().isEmpty()) {
            sub(d, "过时提法：没有。");
        } else {
            sub(d, "过时提法：" + c.anachronisms().size() + " 处");
            for (Comparison.Anachronism x : c.anachronisms().subList(0, Math.min(MAX_ROWS, c.anachronisms().size()))) {
                bullet(d, x.detail());
            }
            more(d, c.anachronisms().size());
        }
    }

    private static void copies(XWPFDocument d, Comparison c, boolean compared) {
        if (!compared) {
            para(d, "没有做雷同比对（本次运行未比对其他报告）。");
            return;
        }
        List<CopiedPassage> ps = c.passages().stream().filter(p -> p.sourceKind() != SourceKind.OWN_EARLIER_YEAR)
                .toList();
        String shares = "抄用他人文字或范文占全文 " + pct(c.copyStats().copyRatio())
                + (c.copyStats().sharedRatio() > 0 ? "；与其他报告相同、方向不明的文字占 "
                + pct(c.copyStats().sharedRatio()) + "（不计入抄用）" : "")
                + (c.copyStats().givenRatio() > 0 ? "；被其他报告取用的文字占 " + pct(c.copyStats().givenRatio()) : "");
        if (ps.isEmpty()) {
            para(d, shares + "。没有与其他单位报告或范文相同的段落。");
            return;
        }
        para(d, shares + "。相同或相近的段落 " + ps.size() + " 处：");
        XWPFTable t = table(d, 4300, 2300, 2706);
        row(t, true, "相同或相近的文字", "来源", "方向");
        for (CopiedPassage p : ps.subList(0, Math.min(MAX_ROWS, ps.size()))) {
            row(t, false, cut(p.text(), PASSAGE), source(p), direction(p));
        }
        more(d, ps.size());
    }

    /** The source of a passage: 范文 and its name, or the unit and year of the other report. */
    static String source(CopiedPassage p) {
        String who = p.sourceUnit() == null ? p.sourceId() : p.sourceUnit();
        if (p.sourceKind() == SourceKind.TEMPLATE) {
            return "范文：" + who;
        }
        return who + (p.sourceYear() == null ? "" : " " + p.sourceYear() + " 年") + "报告";
    }

    /** The direction as the comparison states it: 抄用 only when known (TAKEN), never guessed. */
    static String direction(CopiedPassage p) {
        return switch (p.direction()) {
            case TAKEN -> p.sourceKind() == SourceKind.TEMPLATE ? "抄用范文" : "抄用：本报告取自对方";
            case GIVEN -> "相同文字：对方取自本报告";
            case UNKNOWN -> "相同文字，方向不明";
        };
    }

    private static void more(XWPFDocument d, int n) {
        more(d, n, MAX_ROWS);
    }

    private static void more(XWPFDocument d, int n, int shown) {
        if (n > shown) {
            small(d, "另有 " + (n - shown) + " 处，见网页版。");
        }
    }

    /** @return {@code s} on one line, cut to {@code max} characters with …… */
    static String cut(String s, int max) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= max ? one : one.substring(0, max) + "……";
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.0f%%", v * 100);
    }

    /** Sets the page of {@code d}: A4 (11,906 × 16,838 twips), margins 1,440 twips top and bottom, 1,300 left and right. */
    static void page(XWPFDocument d) {
        CTSectPr sect = d.getDocument().getBody().addNewSectPr();
        var size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar m = sect.addNewPgMar();
        m.setTop(BigInteger.valueOf(1440));
        m.setBottom(BigInteger.valueOf(1440));
        m.setLeft(BigInteger.valueOf(1300));
        m.setRight(BigInteger.valueOf(1300));
    }

    private static void heading(XWPFDocument d, String text) {
        XWPFParagraph p = d.createParagraph();
        p.setSpacingBefore(160);
        p.setSpacingAfter(60);
        run(p, text, HEAD_FONT, 12.5, false);
    }

    private static void sub(XWPFDocument d, String text) {
        XWPFParagraph p = d.createParagraph();
        p.setSpacingBefore(80);
        p.setSpacingAfter(20);
        run(p, text, HEAD_FONT, 10.5, false);
    }

    private static void para(XWPFDocument d, String text) {
        XWPFParagraph p = d.createParagraph();
        p.setSpacingAfter(40);
        run(p, text, BODY_FONT, 10.5, false);
    }

    private static void small(XWPFDocument d, String text) {
        XWPFParagraph p = d.createParagraph();
        p.setSpacingAfter(0);
        run(p, text, BODY_FONT, 9, false);
    }

    private static void bullet(XWPFDocument d, String text) {
        XWPFParagraph p = d.createParagraph();
        p.setIndentationLeft(300);
        p.setSpacingAfter(0);
        run(p, "· " + text, BODY_FONT, 10, false);
    }

    /**
     * Appends a run to {@code p}: {@code \n} as line breaks, the font also as the East Asian font (Word otherwise
     * falls back to a Latin font for Chinese), size in points.
     */
    static XWPFRun run(XWPFParagraph p, String text, String font, double size, boolean bold) {
        XWPFRun r = p.createRun();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                r.addBreak();
            }
            r.setText(lines[i], i);
        }
        r.setBold(bold);
        r.setFontSize(size);
        r.setFontFamily(font);
        CTFonts f = r.getCTR().isSetRPr() && r.getCTR().getRPr().sizeOfRFontsArray() > 0
                ? r.getCTR().getRPr().getRFontsArray(0) : r.getCTR().addNewRPr().addNewRFonts();
        f.setEastAsia(font);
        return r;
    }

    /** @param widths column widths in twips (1/20 pt); the text width of the page is 9306 */
    private static XWPFTable table(XWPFDocument d, int... widths) {
        XWPFTable t = d.createTable(1, widths.length);
        var pr = t.getCTTbl().getTblPr();
        var w = pr.getTblW();
        w.setType(STTblWidth.DXA);
        w.setW(BigInteger.valueOf(9306));
        pr.addNewTblLayout().setType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType.FIXED);
        var grid = t.getCTTbl().getTblGrid() != null ? t.getCTTbl().getTblGrid() : t.getCTTbl().addNewTblGrid();
        for (int i = 0; i < widths.length; i++) {
            var gc = i < grid.sizeOfGridColArray() ? grid.getGridColArray(i) : grid.addNewGridCol();
            gc.setW(BigInteger.valueOf(widths[i]));
        }
        t.removeRow(0);
        return t;
    }

    private static void row(XWPFTable t, boolean header, String... cells) {
        var grid = t.getCTTbl().getTblGrid();
        XWPFTableRow r = t.createRow();
        while (r.getTableCells().size() < cells.length) {
            r.addNewTableCell();
        }
        for (int i = 0; i < cells.length; i++) {
            XWPFTableCell c = r.getCell(i);
            if (grid != null && i < grid.sizeOfGridColArray()) {
                var w = c.getCTTc().isSetTcPr() ? c.getCTTc().getTcPr() : c.getCTTc().addNewTcPr();
                var tcw = w.isSetTcW() ? w.getTcW() : w.addNewTcW();
                tcw.setType(STTblWidth.DXA);
                tcw.setW(grid.getGridColArray(i).getW());
            }
            XWPFParagraph p = c.getParagraphs().get(0);
            p.setSpacingAfter(0);
            run(p, cells[i], header ? HEAD_FONT : BODY_FONT, header ? 9.5 : 8.5, false);
            if (header) {
                c.setColor("E8E8E8");
            }
        }
    }

    private static String nz(String s) {
        return s == null ? "—" : s;
    }
}
