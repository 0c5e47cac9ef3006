package org.shuzhi.pipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.shuzhi.pipeline.DocumentInvariants;
import org.shuzhi.pipeline.ReportTexts;
import org.shuzhi.pipeline.Repo;
import org.shuzhi.pipeline.model.ReportDocument;

/**
 * Properties of the whole per-text pipeline, {@link Pipeline#analyzeText} (clean → metadata → doc-type → structure →
 * segment → features → classify), over random report-shaped and hostile text (jqwik, fixed seeds; jqwik prints the
 * seed and the shrunk input of a failure): it never throws, every span of the result nests and stays in bounds, and
 * the same input gives the same JSON — twice in a row, and when other texts are analysed on other threads at the same
 * time.
 */
class PipelinePropertyTest {
    private static final ObjectWriter JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true).writer();
    private static Pipeline pipeline;

    @BeforeContainer
    static void open() throws Exception {
        pipeline = Repo.pipeline();
    }

    @AfterContainer
    static void close() {
        pipeline.close();
    }

    @Provide
    Arbitrary<String> reports() {
        return ReportTexts.report(40);
    }

    @Provide
    Arbitrary<String> hostile() {
        return ReportTexts.hostileUnicode(300);
    }

    private static String json(ReportDocument d) throws Exception {
        return JSON.writeValueAsString(d);
    }

    @Property(tries = 80, seed = "8301")
    void reportTextIsAnalysedWithNestedSpansAndTheSameJsonTwice(@ForAll("reports") String text) throws Exception {
        ReportDocument d = pipeline.analyzeText("property.txt", text);
        DocumentInvariants.check(d);
        assertEquals(json(d), json(pipeline.analyzeText("property.txt", text)));
    }

    @Property(tries = 80, seed = "8302")
    void hostileTextIsAnalysedWithNestedSpansAndTheSameJsonTwice(@ForAll("hostile") String text) throws Exception {
        ReportDocument d = pipeline.analyzeText("hostile.txt", text);
        DocumentInvariants.check(d);
        assertEquals(json(d), json(pipeline.analyzeText("hostile.txt", text)));
    }

    @Property(tries = 10, seed = "8303")
    void concurrentAnalysesGiveTheSameJsonAsSequentialOnes(
            @ForAll("reports") String a, @ForAll("reports") String b, @ForAll("hostile") String c) throws Exception {
        List<String> texts = List.of(a, b, c, a, b, c);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<String>> parallel = texts.stream()
                    .map(t -> pool.submit(() -> json(pipeline.analyzeText("concurrent.txt", t)))).toList();
            for (int i = 0; i < texts.size(); i++) {
                assertEquals(json(pipeline.analyzeText("concurrent.txt", texts.get(i))), parallel.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
