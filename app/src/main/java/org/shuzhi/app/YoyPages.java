package org.shuzhi.app;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.shuzhi.app.render.JsonOutput;
import org.shuzhi.app.render.YearOverYearPages;
import org.shuzhi.app.render.YearOverYearPages.UnitRow;
import org.shuzhi.pipeline.model.ReportDocument;

/**
 * Writes the year-over-year pages ({@link YearOverYearPages}) below the output folder, one unit at a time from the
 * published JSON: only the units with a report published in this run, a changed set of reports, or a missing page are
 * rendered again; the index rows of the others come from {@code <out>/.shuzhi/yoy-units.json}.
 */
final class YoyPages {
    private static final String CACHE = "yoy-units.json";

    /** A unit's reports and its index row, as last rendered. */
    record Cached(List<String> reports, UnitRow row) {
    }

    private YoyPages() {
    }

    /**
     * @param out     the output folder
     * @param store   the run's documents, as published
     * @param units   unit → ids of its reports (from the publishing phase)
     * @param changed units with a report published in this run
     * @return the number of unit pages rendered
     * @throws UncheckedIOException if a page cannot be read or written
     */
    static int write(Path out, org.shuzhi.pipeline.run.DocumentStore store, Map<String, List<String>> units,
                     Set<String> changed) {
        Path cacheFile = out.resolve(org.shuzhi.pipeline.run.WorkState.DIR).resolve(CACHE);
        Map<String, Cached> cache = readCache(cacheFile);
        Map<String, Cached> now = new TreeMap<>();
        YearOverYearPages pages = new YearOverYearPages();
        int rendered = 0;
        try {
            Files.createDirectories(out.resolve("yoy"));
            for (Map.Entry<String, List<String>> u : units.entrySet()) {
                Cached c = cache.get(u.getKey());
                List<String> ids = u.getValue().stream().sorted().toList();
                if (c != null && !changed.contains(u.getKey()) && c.reports().equals(ids)
                        && Files.exists(out.resolve("yoy").resolve(c.row().href()))) {
                    now.put(u.getKey(), c);
                    continue;
                }
                List<ReportDocument> docs = new ArrayList<>();
                for (String id : ids) {
                    docs.add(store.loadWithoutTokens(id));
                }
                YearOverYearPages.UnitPage page = pages.unitPage(u.getKey(), docs);
                org.shuzhi.pipeline.io.AtomicFiles.write(out.resolve(page.path()), page.html());
                now.put(u.getKey(), new Cached(ids, page.row()));
                rendered++;
            }
            org.shuzhi.pipeline.io.AtomicFiles.write(out.resolve(YearOverYearPages.INDEX),
                    pages.indexPage(now.values().stream().map(Cached::row).toList()));
            Files.createDirectories(cacheFile.getParent());
            org.shuzhi.pipeline.io.AtomicFiles.write(cacheFile, JsonOutput.mapper().writeValueAsString(now));
        } catch (IOException e) {
            throw new UncheckedIOException("无法写入年度对比页面：" + e.getMessage(), e);
        }
        return rendered;
    }

    private static Map<String, Cached> readCache(Path file) {
        try {
            return JsonOutput.mapper().readValue(file.toFile(), new TypeReference<TreeMap<String, Cached>>() {
            });
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            return Map.of();
        } catch (IOException e) {
            return Map.of(); // unreadable cache: every unit page is rendered again
        }
    }
}
