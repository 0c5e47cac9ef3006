package org.shuzhi.pipeline.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shuzhi.pipeline.Repo;
import org.shuzhi.pipeline.clean.Cleaner;
import org.shuzhi.pipeline.model.DocType;

class DocTypeClassifierTest {
    private final DocTypeClassifier classifier = new DocTypeClassifier(Repo.dictionaries());
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
    }
}
