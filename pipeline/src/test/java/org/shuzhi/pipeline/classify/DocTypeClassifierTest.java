package org.shuzhi.pipeline.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shuzhi.pipeline.Repo;
import org.shuzhi.pipeline.clean.Cleaner;
import org.shuzhi.pipeline.model.DocType;
import org.shuzhi.pipeline.run.Stages;

class DocTypeClassifierTest {
    private final DocTypeClassifier classifier = new DocTypeClassifier(Repo.dictionaries());
    /** The pipeline's classifier, with the shipped document-type model. */
    private final DocTypeClassifier shipped = Stages.docTypeClassifier(Repo.dictionaries());
    private final Cleaner cleaner = new Cleaner(Repo.dictionaries());

    @ParameterizedTest
    @CsvSource({"s3-1-county-speech,SPEECH", "s3-2-town-report,REPORT", "s3-3-landbureau-report,REPORT",
            "s3-4-review-speech,SPEECH", "s3-5-review-speech,SPEECH", "s3-6-city-plan,NOTICE",
            "s0-hengyang-notice,NOTICE", "s1-zhoukou-opinion,NOTICE", "s2-shanghai-notice,NOTICE",
            "s4-district-plan,NOTICE"})
    void seedPiecesGetTheirGenre(String source, DocType expected) throws Exception {
        byte[] b = Files.readAllBytes(Repo.samples().resolve("sources/" + source + ".txt"));
        String text = cleaner.clean(new String(b, StandardCharsets.UTF_8)).text();
        assertEquals(expected, classifier.classify(text).type(), () -> classifier.classify(text).evidence().toString());
        assertEquals(expected, shipped.classify(text).type(), () -> shipped.classify(text).evidence().toString());
    }

    @Test
    void aShortNoteThatIsNotAReportIsOtherText() {
        for (DocTypeClassifier c : new DocTypeClassifier[] {classifier, shipped}) {
            var d = c.classify("这不是一个 Word 文档。\n请重新上传正确的文件格式，谢谢。");
            assertEquals(DocType.OTHER, d.type());
            assertEquals("doctype.empty", d.evidence().get(0).rule());
            var off = c.classify("本周天气晴朗，气温回升，适合户外活动。周末将有小雨，请市民出行注意携带雨具，"
                    + "注意交通安全，合理安排时间。");
            assertEquals(DocType.OTHER, off.type(), off.evidence().toString());
            assertEquals("doctype.off-domain", off.evidence().get(0).rule());
        }
    }

    @Test
    void aShortPartyBuildingTextIsStillDecided() {
        var d = shipped.classify("今年以来，我认真履行党建工作第一责任人职责，全年召开支部委员会12次，发展党员3名，"
                + "讲党课4次，推动支部标准化建设取得新进展。");
        assertNotEquals(DocType.OTHER, d.type());
    }
}
