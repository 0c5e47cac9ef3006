package org.shuzhi.app.quality;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.shuzhi.app.render.MeetingBrief;

/**
 * The meeting brief ({@link MeetingBrief}) as a Word document for printing: one heading per unit in rank order, its
 * meta line, the questions with their evidence (finding and report paragraphs), then the other findings. A4,
 * 仿宋/黑体, Apache POI (XWPF). Thread-safe (no state).
 */
public final class BriefDocx {
    private static final String BODY_FONT = "仿宋";
    private static final String HEAD_FONT = "黑体";

    /** @return the .docx bytes of the brief */
    public byte[] render(MeetingBrief b) {
        try (XWPFDocument d = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            DocxReport.page(d);
            XWPFParagraph t = d.createParagraph();
            t.setAlignment(ParagraphAlignment.CENTER);
            run(t, b.title(), HEAD_FONT, 18, true);
            run(d.createParagraph(), "共 " + b.units().size() + " 个单位，按需提问的程度排序。每个单位取本次分析中最新年度的述职报告；"
                    + "每个问题后注明依据（报告段落、年度）。“抄用”只在能判断方向时使用，无法判断时写作“相同文字，方向不明”。"
                    + "文本质量档次不是述职评议的“好、较好、一般、差”等次。", BODY_FONT, 10.5, false);
            if (b.units().isEmpty()) {
                run(d.createParagraph(), "没有可列入的述职报告。", BODY_FONT, 12, false);
            }
            for (MeetingBrief.UnitBrief u : b.units()) {
                XWPFParagraph h = d.createParagraph();
                h.setSpacingBefore(240);
                h.setKeepNext(true);
                run(h, u.rank() + ". " + u.unit() + "（需提问程度 " + u.priority() + "）", HEAD_FONT, 14, false);
                run(d.createParagraph(), "述职人：" + u.secretary() + "　年度：" + u.year() + "　文本质量：" + u.level() + "（"
                        + u.score() + " 分）" + (u.reasons().isEmpty() ? "" : "\n排序依据：" + String.join("；", u.reasons())),
                        BODY_FONT, 10.5, false);
                if (u.questions().isEmpty()) {
                    run(d.createParagraph(), "没有发现需要在会上追问的情况。", BODY_FONT, 11, false);
                }
                int n = 0;
                for (MeetingBrief.Question q : u.questions()) {
                    XWPFParagraph p = d.createParagraph();
                    p.setIndentationLeft(240);
                    run(p, "提问" + (++n) + "：" + q.text(), BODY_FONT, 12, true);
                    XWPFParagraph e = d.createParagraph();
                    e.setIndentationLeft(480);
                    run(e, "依据（" + q.premise().kind().label() + "）：" + q.premise().statement() + evidence(q.premise()),
                            BODY_FONT, 9.5, false);
                }
                if (u.facts().size() > u.questions().size()) {
                    run(d.createParagraph(), "其他情况：", HEAD_FONT, 10.5, false);
                    for (MeetingBrief.Fact f : u.facts()) {
                        if (u.questions().stream().noneMatch(q -> q.premise() == f)) {
                            XWPFParagraph p = d.createParagraph();
                            p.setIndentationLeft(360);
                            run(p, "· " + f.kind().label() + "：" + f.statement() + evidence(f), BODY_FONT, 9.5, false);
                        }
                    }
                }
            }
            d.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String evidence(MeetingBrief.Fact f) {
        StringBuilder b = new StringBuilder();
        for (MeetingBrief.Evidence e : f.evidence()) {
            if (e.paragraph() >= 0) {
                b.append(b.length() == 0 ? "。见 " : "、").append(e.label());
            }
        }
        return b.toString();
    }

    private static void run(XWPFParagraph p, String text, String font, double size, boolean bold) {
        DocxReport.run(p, text, font, size, bold);
    }
}
