package org.shuzhi.app.quality;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
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
import org.shuzhi.pipeline.model.ReportDocument;

/**
 * The quality analysis of one report as a Word document ({@code <out>/docx/<id>.docx}) for printing and circulation:
 * title, the not-the-official-grade statement, basic facts, the text-quality level with its reasons, the dimension
 * scores, the draft 点评 (肯定成绩 / 指出问题 / 提出要求, marked as a draft), the findings that need attention and
 * then all other findings, each with its evidence and the source of its rule. A4, 仿宋/黑体, built with Apache POI
 * (XWPF). Thread-safe (no state).
 */
public final class DocxReport {
    private static final String BODY_FONT = "仿宋";
    private static final String HEAD_FONT = "黑体";

    /** @return the .docx bytes of {@code doc}'s analysis */
    public byte[] render(ReportDocument doc) {
        AssessmentView qa = AssessmentView.of(doc);
        try (XWPFDocument d = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(d);
            XWPFParagraph t = d.createParagraph();
            t.setAlignment(ParagraphAlignment.CENTER);
            run(t, "述职报告文本质量分析", HEAD_FONT, 18, true);
            XWPFParagraph st = d.createParagraph();
            st.setAlignment(ParagraphAlignment.CENTER);
            run(st, HtmlReport.title(doc), BODY_FONT, 12, false);
            XWPFParagraph disc = d.createParagraph();
            disc.setSpacingAfter(120);
            run(disc, "说明：" + qa.disclaimer(), BODY_FONT, 10.5, true);

            heading(d, "一、基本情况");
            XWPFTable info = table(d, 2);
            row(info, true, "单位", nz(doc.unit()));
            row(info, false, "述职人", nz(doc.secretary()));
            row(info, false, "年度", doc.year() == null ? "—" : doc.year().toString());
            row(info, false, "文件", doc.source());
            if (qa.assessed()) {
                row(info, false, "通知配置", qa.profile() + "（" + qa.origin() + "）");
                row(info, false, "字数", qa.totalChars() + " 字（口径：" + qa.counting() + "）");
            }
            if (!qa.assessed()) {
                para(d, "未做质量分析：" + qa.notAssessed());
                d.write(out);
                return out.toByteArray();
            }

            heading(d, "二、文本质量档次");
            XWPFParagraph lv = d.createParagraph();
            run(lv, qa.level(), HEAD_FONT, 14, true);
            run(lv, "　　综合得分 " + qa.overall() + " / 100", BODY_FONT, 12, false);
            for (String r : qa.reasons()) {
                bullet(d, r);
            }
            para(d, "此档次只评价文字材料是否符合通知的撰写要求，不是述职评议的“好/较好/一般/差”等次。");

            heading(d, "三、各维度得分");
            XWPFTable sc = table(d, 3);
            row(sc, true, "维度", "得分", "计算方法");
            for (AssessmentView.ScoreRow s : qa.scores()) {
                row(sc, false, s.dimension(), s.assessed() ? s.score() + "　" + bar(s.width()) : "未评估", s.formula());
            }

            heading(d, "四、点评意见（草稿）");
            para(d, "以下点评由检查结果自动生成，供组织部门修改后使用；括号内为依据的规则编号。");
            for (AssessmentView.CommentPart part : qa.comment()) {
                XWPFParagraph p = d.createParagraph();
                p.setIndentationFirstLine(640);
                run(p, part.label() + "：", HEAD_FONT, 12, false);
                for (AssessmentView.CommentLine l : part.sentences()) {
                    run(p, l.text(), BODY_FONT, 12, false);
                    XWPFRun r = run(p, "（" + l.rules() + "）", BODY_FONT, 8, false);
                    r.setColor("808080");
                }
            }

            heading(d, "五、需要注意的问题（" + qa.flagged().size() + " 项）");
            findings(d, qa.flagged());
            heading(d, "六、全部检查结果");
            findings(d, qa.findings());
            XWPFParagraph end = d.createParagraph();
            end.setSpacingBefore(240);
            run(end, qa.disclaimer() + " 由 shuzhi 生成。", BODY_FONT, 9, false).setColor("606060");
            d.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void findings(XWPFDocument d, List<AssessmentView.FindingRow> rows) {
        if (rows.isEmpty()) {
            para(d, "无。");
            return;
        }
        XWPFTable t = table(d, 5);
        row(t, true, "结论", "检查内容", "实际 / 要求", "依据", "规则来源");
        for (AssessmentView.FindingRow f : rows) {
            row(t, false, f.verdict(), f.message() + "\n" + f.rule() + (f.note().isEmpty() ? "" : "\n" + f.note()),
                    f.value() + " / " + f.threshold(), String.join("\n", f.evidence()), f.source());
        }
    }

    private static void page(XWPFDocument d) {
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
        p.setSpacingBefore(200);
        p.setSpacingAfter(80);
        run(p, text, HEAD_FONT, 14, false);
    }

    private static void para(XWPFDocument d, String text) {
        run(d.createParagraph(), text, BODY_FONT, 11, false);
    }

    private static void bullet(XWPFDocument d, String text) {
        XWPFParagraph p = d.createParagraph();
        p.setIndentationLeft(360);
        run(p, "· " + text, BODY_FONT, 11, false);
    }

    private static XWPFRun run(XWPFParagraph p, String text, String font, double size, boolean bold) {
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

    /** Column widths in twips (1/20 pt) of the 2-, 3- and 5-column tables; the text width of the page is 9306. */
    private static int[] widths(int cols) {
        return switch (cols) {
            case 2 -> new int[] {1900, 7406};
            case 3 -> new int[] {1300, 2800, 5206};
            case 5 -> new int[] {800, 3500, 1250, 2156, 1600};
            default -> null;
        };
    }

    private static XWPFTable table(XWPFDocument d, int cols) {
        XWPFTable t = d.createTable(1, cols);
        int[] widths = widths(cols);
        var pr = t.getCTTbl().getTblPr();
        var w = pr.getTblW();
        w.setType(STTblWidth.DXA);
        w.setW(BigInteger.valueOf(9306));
        pr.addNewTblLayout().setType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType.FIXED);
        var grid = t.getCTTbl().getTblGrid() != null ? t.getCTTbl().getTblGrid() : t.getCTTbl().addNewTblGrid();
        for (int i = 0; i < cols && widths != null; i++) {
            var gc = i < grid.sizeOfGridColArray() ? grid.getGridColArray(i) : grid.addNewGridCol();
            gc.setW(BigInteger.valueOf(widths[i]));
        }
        t.removeRow(0);
        return t;
    }

    private static void row(XWPFTable t, boolean header, String... cells) {
        int[] widths = widths(cells.length);
        XWPFTableRow r = t.createRow();
        while (r.getTableCells().size() < cells.length) {
            r.addNewTableCell();
        }
        for (int i = 0; i < cells.length; i++) {
            XWPFTableCell c = r.getCell(i);
            if (widths != null) {
                var w = c.getCTTc().isSetTcPr() ? c.getCTTc().getTcPr() : c.getCTTc().addNewTcPr();
                var tcw = w.isSetTcW() ? w.getTcW() : w.addNewTcW();
                tcw.setType(STTblWidth.DXA);
                tcw.setW(BigInteger.valueOf(widths[i]));
            }
            XWPFParagraph p = c.getParagraphs().get(0);
            run(p, cells[i], header ? HEAD_FONT : BODY_FONT, header ? 10.5 : 9.5, false);
            if (header) {
                c.setColor("E8E8E8");
            }
        }
    }

    private static String bar(double score) {
        int n = (int) Math.round(score / 10);
        return "■".repeat(n) + "□".repeat(10 - n);
    }

    private static String nz(String s) {
        return s == null ? "—" : s;
    }
}
