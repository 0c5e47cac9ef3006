package org.shuzhi.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shuzhi.app.web.WebServer;
import org.shuzhi.index.ReportSearcher;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.run.InputFiles;
import org.shuzhi.pipeline.run.Run;
import org.shuzhi.pipeline.segment.Segmenter;

/**
 * {@code serve --input}: the engine runs before serving and again from the 重新分析输入文件夹 button; a report added
 * to the input folder appears in the served index and pages without a restart; another site cannot start a re-run.
 */
class ServeRerunTest {
    @TempDir
    Path tmp;

    @Test
    void aReportAddedToTheInputIsServedAfterARerunFromTheUi() throws Exception {
        Path samples = IncrementalRunTest.root().resolve("corpus-samples/units/src/baisha-town");
        Path dict = IncrementalRunTest.root().resolve("dictionaries");
        List<String> files;
        try (var s = Files.list(samples)) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt")).sorted().limit(3).toList();
        }
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path out = tmp.resolve("out");
        Files.copy(samples.resolve(files.get(0)), in.resolve(files.get(0)));
        Files.copy(samples.resolve(files.get(1)), in.resolve(files.get(1)));
        Run.Options options = Run.Options.defaults(in, out, dict, "test").withThreads(2);
        Analysis.Outputs outputs = Analysis.Outputs.defaults(out);
        Analysis.run(options, outputs, Run.Progress.NONE, System.nanoTime());
        String added = InputFiles.reportId(files.get(2));

        try (ReportSearcher searcher = ReportSearcher.open(out.resolve("index"), new Segmenter(Dictionaries.load(dict)));
             Reanalysis rerun = new Reanalysis(options, outputs);
             WebServer server = new WebServer(searcher, out, null, rerun)) {
            int port = server.start("127.0.0.1", 0);
            String base = "http://127.0.0.1:" + port;
            HttpClient http = HttpClient.newHttpClient();
            String before = get(http, base + "/reports");
            assertTrue(before.contains("重新分析输入文件夹"), "the button is offered");
            assertFalse(before.contains(added + ".html"), "the third report is not there yet");

            // another site's form is refused and starts nothing
            HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(base + "/rerun"))
                    .header("Origin", "http://evil.example").header("Sec-Fetch-Site", "cross-site")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, forged.statusCode());
            assertFalse(rerun.running());
            assertEquals("", rerun.state());

            Files.copy(samples.resolve(files.get(2)), in.resolve(files.get(2)));
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(base + "/rerun"))
                    .header("Origin", base).header("Sec-Fetch-Site", "same-origin")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(303, posted.statusCode());
            for (int i = 0; i < 1200 && rerun.running(); i++) {
                Thread.sleep(100);
            }
            assertFalse(rerun.running(), "the re-run ended within two minutes");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("完成：(\\d+) 份重新输出，(\\d+) 份未变化")
                    .matcher(rerun.state());
            assertTrue(m.find(), rerun.state());
            // the new report, and those whose year-over-year comparison now links to it
            assertEquals(3, Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2)), rerun.state());
            String after = get(http, base + "/reports");
            assertTrue(after.contains(added + ".html"), "the added report is listed from the refreshed index");
            assertTrue(after.contains("上次重新分析于"), "the page says how the re-run ended");
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(base + "/r/html/" + added + ".html")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }

    private static String get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
