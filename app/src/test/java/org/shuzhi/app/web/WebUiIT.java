package org.shuzhi.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.shuzhi.app.ShuzhiCommand;
import org.shuzhi.index.ReportSearcher;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.segment.Segmenter;

/**
 * The web UI in headless Chromium driven by Selenium, over the index that {@code analyze} wrote for the 36 unit
 * reports of corpus-samples/ plus one hostile report. Screenshots go to {@code target/screenshots/}.
 */
class WebUiIT {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final String HOSTILE = "我组织学习<img src=x onerror=\"window.__pwned=1\">12次，"
            + "<script>window.__pwned=2</script>另有\"><svg onload=window.__pwned=3>支部书记培训示范点。";

    @TempDir
    static Path tmp;
    static Path out;
    static ReportSearcher searcher;
    static WebServer server;
    static String base;
    static ChromeDriver browser;
    static Path shots;

    @BeforeAll
    static void start() throws Exception {
        BrowserCheck.require(CHROMIUM, DRIVER, BrowserCheck.ci());
        Path root = Path.of(System.getProperty("shuzhi.root", ".."));
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(root.resolve("corpus-samples/units/manifest.csv"), in.resolve("manifest.csv"));
        Files.createDirectories(in.resolve("rendered"));
        try (Stream<Path> s = Files.list(root.resolve("corpus-samples/units/rendered"))) {
            for (Path f : s.toList()) {
                Files.copy(f, in.resolve("rendered").resolve(f.getFileName()));
            }
        }
        Files.writeString(in.resolve("<img src=x onerror=window.__pwned=4>-2025.txt"), "2025年度测试党支部书记述职报告\n一、主要做法及成效\n" + HOSTILE
                + "\n二、存在问题\n一是理论学习不够深入。", StandardCharsets.UTF_8);
        out = tmp.resolve("reports");
        assertEquals(0, ShuzhiCommand.commandLine().execute("analyze", in.toString(), "--out", out.toString(),
                "--dictionaries", root.resolve("dictionaries").toString(), "--no-progress"));
        searcher = ReportSearcher.open(out.resolve("index"),
                new Segmenter(Dictionaries.load(root.resolve("dictionaries"))));
        server = new WebServer(searcher, out, null);
        base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
        shots = Files.createDirectories(Path.of("target/screenshots"));

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1300,1400",
                "--user-data-dir=" + Files.createDirectories(tmp.resolve("chrome")));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (searcher != null) {
            searcher.close();
        }
    }

    static void shot(String name) throws Exception {
        Files.write(shots.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    static void search(String query) {
        browser.get(base + "/");
        WebElement q = browser.findElement(By.id("q"));
        q.clear();
        q.sendKeys(query);
        browser.findElement(By.id("go")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("q="));
    }

    static List<WebElement> hits() {
        return browser.findElements(By.cssSelector("#results article.hit"));
    }

    static void assertNoScriptRan() {
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
        assertNull(browser.executeScript("return window.__pwned;"), "injected script ran");
    }

    @Test
    void searchShowsHighlightedHitsAndFacets() throws Exception {
        search("软弱涣散");
        List<WebElement> hits = hits();
        assertFalse(hits.isEmpty());
        for (WebElement h : hits) {
            List<WebElement> marks = h.findElements(By.tagName("mark"));
            assertFalse(marks.isEmpty(), "every hit has a highlight");
            assertTrue(marks.stream().anyMatch(m -> m.getText().contains("软弱") || m.getText().contains("涣散")));
        }
        String facets = browser.findElement(By.id("facets")).getText();
        assertTrue(facets.contains("年度") && facets.contains("单位") && facets.contains("段落类别"), facets);
        shot("search");
    }

    @Test
    void aFacetFiltersTheResultsAndCanBeRemoved() throws Exception {
        search("软弱涣散");
        String before = browser.findElement(By.id("total")).getText();
        browser.findElement(By.xpath("//aside[@id='facets']//section[h3='段落类别']//a[text()='存在问题']")).click();
        assertTrue(browser.getCurrentUrl().contains("category=problem"), browser.getCurrentUrl());
        List<WebElement> hits = hits();
        assertFalse(hits.isEmpty());
        hits.forEach(h -> assertEquals("存在问题", h.findElement(By.className("cat")).getText()));
        assertTrue(browser.findElement(By.id("chips")).getText().contains("存在问题"));
        shot("filtered");
        browser.findElement(By.cssSelector("#chips a.chip")).click();
        assertEquals(before, browser.findElement(By.id("total")).getText());
    }

    @Test
    void paginationWalksThroughAllHits() {
        search("党员");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !hits().isEmpty());
        String first = hits().get(0).getText();
        browser.findElement(By.xpath("//nav[@id='pages']//a[text()='下一页']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("page=2")
                && !hits().isEmpty());
        assertFalse(hits().get(0).getText().equals(first));
    }

    @Test
    void aHitOpensTheReportAtItsParagraph() throws Exception {
        search("\"理论学习的深度不够\"");
        WebElement open = hits().get(0).findElement(By.className("open"));
        String href = open.getAttribute("href");
        open.click();
        String anchor = href.substring(href.indexOf('#') + 1);
        assertTrue(browser.getCurrentUrl().contains("/r/html/"));
        WebElement para = browser.findElement(By.id(anchor));
        assertTrue(para.getText().contains("理论学习的深度不够"), para.getText());
        Number top = (Number) browser.executeScript("return arguments[0].getBoundingClientRect().top;", para);
        assertTrue(top.doubleValue() < 700, "scrolled to the paragraph, top=" + top);
        shot("report");
    }

    @Test
    void similarParagraphsFindThePlantedRepeat() throws Exception {
        search("\"理论学习的深度不够\"");
        hits().get(0).findElement(By.className("similar")).click();
        assertTrue(browser.getCurrentUrl().contains("/similar?id="));
        String source = browser.findElement(By.id("source")).getText();
        assertTrue(source.contains("理论学习的深度不够"));
        List<WebElement> hits = hits();
        assertFalse(hits.isEmpty());
        assertTrue(hits.get(0).getText().contains("理论学习的深度不够"), "the verbatim repeat comes first");
        shot("similar");
    }

    @Test
    void theReportListHasEveryUnitByYear() throws Exception {
        browser.get(base + "/reports");
        WebElement grid = browser.findElement(By.id("report-grid"));
        assertTrue(grid.getText().contains("2023 年") && grid.getText().contains("2025 年"));
        assertTrue(grid.getText().contains("市审计局机关党支部"));
        assertTrue(grid.findElements(By.cssSelector("tbody tr")).size() >= 12);
        shot("reports");
    }

    @Test
    void wordsMatchInAnyOrder() throws Exception {
        search("党员发展");
        List<WebElement> hits = hits();
        assertFalse(hits.isEmpty());
        assertTrue(hits.stream().anyMatch(h -> h.getText().contains("发展党员")), "党员发展 finds 发展党员");
        shot("any-order");
    }

    @Test
    void anUnreadableQueryIsSearchedAsPlainWordsNotAnErrorPage() throws Exception {
        for (String q : List.of("\"软弱涣散", "(软弱涣散 AND", "软弱涣散)")) {
            search(q);
            assertFalse(hits().isEmpty(), q);
            assertTrue(browser.findElement(By.id("plain-note")).getText().contains("已按普通词语检索"), q);
        }
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/?q="
                + java.net.URLEncoder.encode("\"软弱涣散", StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        shot("plain-words");
    }

    @Test
    void generatedPagesFitIn1280Pixels() throws Exception {
        org.openqa.selenium.Dimension before = browser.manage().window().getSize();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1400));
        try {
            String unit = java.net.URLEncoder.encode("柳河镇党委", StandardCharsets.UTF_8).replace("+", "%20");
            for (String page : List.of("index.html", "quality-summary.html", "html/rendered__liuhe-town-2024.txt.html",
                    "yoy/" + unit + ".html", "yoy/index.html")) {
                browser.get(base + "/r/" + page);
                Number viewport = (Number) browser.executeScript("return document.documentElement.clientWidth;");
                Number pageWidth = (Number) browser.executeScript("return document.documentElement.scrollWidth;");
                Number widest = (Number) browser.executeScript("return Math.max(0, ...Array.from("
                        + "document.querySelectorAll('table')).map(t => t.getBoundingClientRect().right));");
                assertTrue(pageWidth.doubleValue() <= viewport.doubleValue(), page + " page " + pageWidth);
                assertTrue(widest.doubleValue() <= viewport.doubleValue(), page + " table right edge " + widest
                        + " > " + viewport);
            }
            browser.get(base + "/r/quality-summary.html");
            shot("quality-summary-1280");
        } finally {
            browser.manage().window().setSize(before);
        }
    }

    @Test
    void scriptInTheQueryIsEscaped() throws Exception {
        for (String payload : List.of("<img src=x onerror=window.__pwned=1>", "\"><script>window.__pwned=2</script>",
                "'\"><svg onload=window.__pwned=3>")) {
            search(payload);
            assertNoScriptRan();
            String html = browser.getPageSource();
            assertFalse(html.contains("<img src=x"), "raw tag echoed");
            assertFalse(html.contains("<svg onload"), "raw tag echoed");
            browser.get(base + "/?q=" + java.net.URLEncoder.encode(payload, StandardCharsets.UTF_8)
                    + "&unit=" + java.net.URLEncoder.encode(payload, StandardCharsets.UTF_8));
            assertNoScriptRan();
        }
        shot("xss-query");
    }

    @Test
    void scriptInReportTextIsEscaped() throws Exception {
        search("示范点");
        List<WebElement> hits = hits();
        assertFalse(hits.isEmpty());
        WebElement hostile = hits.stream().filter(h -> h.getText().contains("onerror=window.__pwned=4"))
                .findFirst().orElseThrow();
        assertTrue(hostile.getText().contains("__pwned=3>支部书记"), "shown as text: " + hostile.getText());
        assertNoScriptRan();
        hostile.findElement(By.className("open")).click();
        assertNoScriptRan();
        assertTrue(browser.findElement(By.tagName("body")).getText().contains("<img src=x"));
        shot("xss-report");
    }

    @Test
    void aReportPageServedOffersItsWordFileMadeOnDemand() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String id = "rendered__liuhe-town-2024.txt";
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/r/html/" + id + ".html"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(page.body().contains("href=\"/docx/" + id + ".docx\""), "the page links its Word file");
        assertFalse(Files.exists(out.resolve("docx/" + id + ".docx")), "the run wrote no Word file");
        HttpResponse<byte[]> docx = http.send(HttpRequest.newBuilder(URI.create(base + "/docx/" + id + ".docx"))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, docx.statusCode());
        assertTrue(docx.body().length > 5_000 && docx.body()[0] == 'P' && docx.body()[1] == 'K', "a .docx (zip)");
        HttpResponse<String> none = http.send(HttpRequest.newBuilder(URI.create(base + "/docx/nope.docx")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, none.statusCode());
    }

    @Test
    void pathsOutsideTheOutputFolderAreRefused() throws Exception {
        Files.writeString(tmp.resolve("secret.txt"), "root:x:0:0");
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/r/../secret.txt", "/r/%2e%2e/secret.txt", "/r/..%2fsecret.txt",
                "/r/html/..%2F..%2Fsecret.txt", "/r/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/r/..\\secret.txt",
                "/r//etc/passwd", "/r/html/../../secret.txt")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path.replace("\\", "%5c")))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(r.statusCode() >= 400, path + " → " + r.statusCode());
            assertFalse(r.body().contains("root:"), path);
        }
        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create(base + "/r/index.html")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ok.statusCode());
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(base + "/search?q=x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("找不到该页面"), unknown.body()); // not Javalin's English "Endpoint … not found"
        browser.get(base + "/r/../secret.txt");
        assertFalse(browser.getPageSource().contains("root:x"));
    }

    @Test
    void aTokenIsCheckedOnEveryRequest() throws Exception {
        assertThrows(IllegalStateException.class, () -> new WebServer(searcher, out, null).start("0.0.0.0", 0));
        try (WebServer guarded = new WebServer(searcher, out, "s3cret-token")) {
            String url = "http://127.0.0.1:" + guarded.start("127.0.0.1", 0);
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            for (String path : List.of("/", "/reports", "/r/index.html", "/assets/web.css", "/similar?id=x")) {
                assertEquals(401, http.send(HttpRequest.newBuilder(URI.create(url + path)).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode(), path);
            }
            assertEquals(401, http.send(HttpRequest.newBuilder(URI.create(url + "/")).header("Authorization",
                    "Bearer wrong").build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(url + "/reports")).header("Authorization",
                    "Bearer s3cret-token").build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(url + "/?token=s3cret-token"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(302, login.statusCode());
            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(url + "/reports")).header("Cookie",
                    cookie.substring(0, cookie.indexOf(';'))).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode());
            assertNotNull(login.headers().firstValue("Location").orElse(null));
        }
    }
}
