package org.shuzhi.pipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shuzhi.pipeline.Repo;
import org.shuzhi.pipeline.model.Category;
import org.shuzhi.pipeline.model.Paragraph;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.model.Section;

/**
 * Golden files for the real seed pieces in corpus-samples/seeds and broken/: document type, metadata, sections with
 * kinds, and every paragraph's category, span and text. Each golden file was reviewed line by line; after a
 * deliberate change, regenerate with {@code mvn -B verify -Dshuzhi.updateGolden=true} and review the diff.
 */
class GoldenTest {
    private static final Path GOLDEN = Repo.root().resolve("pipeline/src/test/resources/golden");
    private static final com.fasterxml.jackson.databind.ObjectWriter JSON = new ObjectMapper().writer(
            new com.fasterxml.jackson.core.util.DefaultPrettyPrinter().withArrayIndenter(
                    com.fasterxml.jackson.core.util.DefaultIndenter.SYSTEM_LINEFEED_INSTANCE));
    private static Pipeline pipeline;

    @BeforeAll
    static void open() throws Exception {
        pipeline = Repo.pipeline();
    }

    @AfterAll
    static void close() {
        pipeline.close();
    }

    static Stream<String> samples() throws Exception {
        return InputFiles.list(Repo.samples()).files().stream()
                .filter(f -> f.startsWith("seeds/") || f.startsWith("broken/"));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void matchesGolden(String source) throws Exception {
        ReportDocument d = pipeline.analyze(Repo.samples(), Repo.samples().resolve(source));
        String actual = JSON.writeValueAsString(project(d)) + "\n";
        Path golden = GOLDEN.resolve(d.id() + ".json");
        if (Boolean.getBoolean("shuzhi.updateGolden")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(golden), "no golden file " + golden + "; run with -Dshuzhi.updateGolden=true");
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, source);
    }

    private static Map<String, Object> project(ReportDocument d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", d.source());
        m.put("failure", d.ok() ? null : d.failure().kind().id());
        m.put("docType", d.docType().id());
        m.put("unit", d.unit());
        m.put("secretary", d.secretary());
        m.put("year", d.year());
        List<String> sections = new ArrayList<>();
        for (Section s : d.sections()) {
            sections.add(s.level() + " " + String.join(",", s.kinds().stream().map(Category::id).toList()) + " ("
                    + s.kindOrigin().id() + ") " + s.heading());
        }
        m.put("sections", sections);
        List<String> paragraphs = new ArrayList<>();
        for (Paragraph p : d.paragraphs()) {
            paragraphs.add(String.format("%-15s %5d-%-5d %s%s", p.category().id(), p.start(), p.end(),
                    p.heading() ? "# " : "", p.text()));
        }
        m.put("paragraphs", paragraphs);
        return m;
    }
}
