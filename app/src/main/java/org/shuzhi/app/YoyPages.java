package org.shuzhi.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.shuzhi.app.render.YearOverYearPages;

/** Writes the pages of the corpus phase ({@link YearOverYearPages}) below the output folder. */
final class YoyPages {
    private YoyPages() {
    }

    /** @throws UncheckedIOException if a page cannot be written */
    static void write(Path out, CorpusPhase.Result r) {
        Map<String, String> pages = new YearOverYearPages().render(r.reports(), r.templates());
        try {
            Files.createDirectories(out.resolve("yoy"));
            Files.createDirectories(out.resolve("copies"));
            for (Map.Entry<String, String> e : pages.entrySet()) {
                Files.writeString(out.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("无法写入年度对比页面：" + e.getMessage(), e);
        }
    }
}
