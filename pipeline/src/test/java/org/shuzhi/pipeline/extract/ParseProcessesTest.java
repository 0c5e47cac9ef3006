package org.shuzhi.pipeline.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shuzhi.pipeline.Repo;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.model.FailureKind;

/**
 * Parsing in child processes: the same text as parsing in this process, and a parse over the time limit is stopped —
 * its process is gone — not abandoned.
 */
class ParseProcessesTest {
    @TempDir
    Path tmp;

    @Test
    void aChildReadsWhatThisProcessReads() throws Exception {
        Path units = Repo.samples().resolve("units/rendered");
        List<String> files = List.of("city-audit-2023.doc", "jc-univ-econ-2023.docx", "baisha-town-2025.pdf",
                "city-audit-2025.txt");
        Dictionaries dict = Repo.dictionaries();
        try (Extractor here = new Extractor(ExtractionLimits.DEFAULT, dict.list(Dictionaries.BOILERPLATE_LINES));
             Extractor there = new Extractor(ExtractionLimits.DEFAULT, dict.list(Dictionaries.BOILERPLATE_LINES),
                     null, false, new ParseProcesses(ExtractionLimits.DEFAULT, dict.root(), 256))) {
            for (String f : files) {
                ExtractionResult a = here.extract(units.resolve(f));
                ExtractionResult b = there.extract(units.resolve(f));
                assertInstanceOf(ExtractionResult.Text.class, a, f);
                assertEquals(a, b, f);
            }
            ExtractionResult broken = there.extract(Repo.samples().resolve("broken/truncated.pdf"));
            assertEquals(here.extract(Repo.samples().resolve("broken/truncated.pdf")), broken);
        }
    }

    @Test
    void aParseOverTheTimeLimitIsKilled() throws Exception {
        Path fifo = tmp.resolve("never-ends.docx");
        // reading a named pipe nobody writes to blocks for ever: a parse that never ends
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is not available");
        Set<Long> before = children();
        try (ParseProcesses p = new ParseProcesses(ExtractionLimits.DEFAULT, Repo.dictionaries().root(), 256)) {
            ExtractionResult r = p.parse(fifo, 3);
            assertInstanceOf(ExtractionResult.Failed.class, r);
            assertEquals(FailureKind.TIMEOUT, ((ExtractionResult.Failed) r).failure().kind());
            Set<Long> left = children();
            left.removeAll(before);
            for (long pid : left) {
                ProcessHandle.of(pid).ifPresent(h -> h.onExit().orTimeout(5, java.util.concurrent.TimeUnit.SECONDS)
                        .join());
            }
            assertTrue(children().stream().noneMatch(left::contains), "the child that overran is gone");
            // the pool goes on with a new child
            Path txt = tmp.resolve("ok.txt");
            Files.writeString(txt, "本人2025年度抓基层党建工作述职报告，全年召开支委会12次，发展党员3名。");
            assertInstanceOf(ExtractionResult.Text.class, p.parse(txt, 30));
        }
    }

    private static Set<Long> children() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }
}
