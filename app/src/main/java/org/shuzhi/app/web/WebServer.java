package org.shuzhi.app.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;
import org.shuzhi.index.IndexException;
import org.shuzhi.app.quality.DocxFiles;
import org.shuzhi.index.ReportSearch;

/**
 * The HTTP side of {@code shuzhi serve}: routes, the access token, security headers and the confinement of file
 * access to the output folder. Pages are built by {@link Pages}.
 *
 * <table>
 *   <caption>Routes</caption>
 *   <tr><td>{@code GET /}</td><td>search page: {@code q}, filters ({@code year unit category section flag doc_type
 *       sector secretary}, repeatable), {@code sort}, {@code page}</td></tr>
 *   <tr><td>{@code GET /similar?id=}</td><td>paragraphs similar to one paragraph (more-like-this)</td></tr>
 *   <tr><td>{@code GET /reports}</td><td>the reports by unit and year</td></tr>
 *   <tr><td>{@code GET /r/<path>}</td><td>a file of the output folder (analysis pages, JSON, summary); nothing
 *       outside it</td></tr>
 *   <tr><td>{@code GET /docx/<id>.docx}</td><td>the Word analysis of a report, made on demand
 *       ({@link DocxFiles}); report pages served under {@code /r/html/} get a link to it</td></tr>
 *   <tr><td>{@code POST /rerun}</td><td>starts a re-run of the engine on the input folder (only with
 *       {@code serve --input}; same-origin requests only), then back to {@code /reports}, which shows its state</td></tr>
 *   <tr><td>{@code GET /assets/web.css}</td><td>the UI's style sheet</td></tr>
 * </table>
 */
public final class WebServer implements AutoCloseable {
    /** Environment variable that may carry the access token. */
    public static final String TOKEN_ENV = "SHUZHI_TOKEN";
    static final String TOKEN_COOKIE = "shuzhi_token";

    private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"), Map.entry("csv", "text/csv; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("txt",
                    "text/plain; charset=utf-8"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

    /** A re-run of the analysis behind the output folder ({@code serve --input}), started from the UI. */
    public interface Rerun {
        /** Starts a re-run in the background unless one is running; returns at once. */
        void start();

        /** @return the Chinese state line shown on the 报告一览 page (running, or how the last re-run ended) */
        String state();

        /** @return true while a re-run is running */
        boolean running();
    }

    private final Javalin app;
    private final Path root;
    private final byte[] token;
    private final Pages pages;

    /**
     * @param searcher the index of the output folder
     * @param reports  the output folder of {@code analyze}; the only folder whose files are served
     * @param token    the access token, or null for none (loopback only)
     */
    public WebServer(ReportSearch searcher, Path reports, String token) throws IOException {
        this(searcher, reports, token, null);
    }

    /**
     * @param searcher the index of the output folder
     * @param reports  the output folder of {@code analyze}; the only folder whose files are served
     * @param token    the access token, or null for none (loopback only)
     * @param rerun    the re-run behind {@code POST /rerun}, or null for none (the route answers 404)
     */
    public WebServer(ReportSearch searcher, Path reports, String token, Rerun rerun) throws IOException {
        this.root = reports.toRealPath();
        this.token = token == null || token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
        this.pages = new Pages(searcher, rerun);
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.before(this::guard);
            cfg.routes.get("/", ctx -> html(ctx, pages.search(ctx)));
            cfg.routes.get("/similar", ctx -> html(ctx, pages.similar(ctx)));
            cfg.routes.get("/reports", ctx -> html(ctx, pages.reports()));
            cfg.routes.get("/assets/web.css", ctx -> {
                try (InputStream in = WebServer.class.getResourceAsStream("/templates/web/web.css")) {
                    ctx.contentType("text/css; charset=utf-8").result(in.readAllBytes());
                }
            });
            cfg.routes.get("/r/<path>", this::file);
            cfg.routes.get("/docx/{name}", this::docx);
            if (rerun != null) {
                cfg.routes.post("/rerun", ctx -> {
                    if (!sameOrigin(ctx)) {
                        ctx.status(HttpStatus.FORBIDDEN).contentType("text/html; charset=utf-8")
                                .result(pages.error("拒绝：重新分析只能从本界面的按钮发起。"));
                        return;
                    }
                    rerun.start();
                    ctx.redirect("/reports", HttpStatus.SEE_OTHER);
                });
            }
            cfg.routes.exception(IndexException.class, (e, ctx) -> {
                ctx.status(e.kind() == IndexException.Kind.MALFORMED_QUERY ? HttpStatus.BAD_REQUEST
                        : HttpStatus.INTERNAL_SERVER_ERROR);
                ctx.contentType("text/html; charset=utf-8").result(pages.error(e.getMessage()));
            });
            cfg.routes.exception(IllegalArgumentException.class, (e, ctx) -> {
                ctx.status(HttpStatus.BAD_REQUEST);
                ctx.contentType("text/html; charset=utf-8").result(pages.error(e.getMessage()));
            });
            cfg.routes.error(404, ctx -> {
                // Javalin's own "Endpoint GET … not found" is plain text in English: a reviewer gets the Chinese page
                String type = ctx.res().getContentType();
                if (ctx.result() == null || type == null || !type.startsWith("text/html")) {
                    ctx.contentType("text/html; charset=utf-8").result(pages.error("找不到该页面：" + ctx.path()));
                }
            });
        });
    }

    /**
     * Starts listening.
     *
     * @param bind the address to bind, e.g. 127.0.0.1
     * @param port the port, 0 for any free port
     * @return the port bound
     * @throws IllegalStateException when {@code bind} is not a loopback address and there is no token
     */
    public int start(String bind, int port) {
        if (token == null && !isLoopback(bind)) {
            throw new IllegalStateException("绑定到非本机地址 " + bind + " 时必须设置访问令牌（--token 或环境变量 " + TOKEN_ENV + "）");
        }
        app.start(bind, port);
        return app.port();
    }

    /** @return true when {@code host} resolves to a loopback address */
    public static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public void close() {
        app.stop();
    }

    private void guard(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; "
                + "script-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                + "frame-ancestors 'none'");
        if (token == null) {
            return;
        }
        String query = ctx.queryParam("token");
        if (query != null && matches(query)) {
            Cookie c = new Cookie(TOKEN_COOKIE, query);
            c.setHttpOnly(true);
            c.setSameSite(SameSite.STRICT);
            c.setPath("/");
            ctx.cookie(c);
            ctx.redirect(ctx.path());
            ctx.skipRemainingHandlers();
            return;
        }
        String header = ctx.header("Authorization");
        String bearer = header != null && header.startsWith("Bearer ") ? header.substring(7) : null;
        if (matches(bearer) || matches(ctx.header("X-Shuzhi-Token")) || matches(ctx.cookie(TOKEN_COOKIE))) {
            return;
        }
        ctx.status(HttpStatus.UNAUTHORIZED).contentType("text/html; charset=utf-8")
                .result(pages.error("需要访问令牌：请在地址后加 ?token=<令牌> 打开一次（之后由浏览器记住），或在请求头 Authorization: Bearer <令牌> 中提供。"));
        ctx.skipRemainingHandlers();
    }

    /**
     * A state-changing request must come from a page of this server: a browser sends {@code Sec-Fetch-Site} and
     * {@code Origin} with a form POST; another site's form (cross-site request forgery) gives them away. A script
     * that sends neither (curl with the token) is let through.
     */
    private static boolean sameOrigin(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return false;
        }
        String origin = ctx.header("Origin");
        return origin == null || origin.equals("http://" + ctx.host()) || origin.equals("https://" + ctx.host());
    }

    private boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
    }

    private static void html(Context ctx, String page) {
        ctx.contentType("text/html; charset=utf-8").result(page);
    }

    /** Serves a file below the output folder; anything that resolves outside it is refused. */
    private void file(Context ctx) throws IOException {
        String rel = ctx.pathParam("path");
        Path target = resolve(rel);
        if (target == null) {
            ctx.status(HttpStatus.FORBIDDEN).contentType("text/html; charset=utf-8")
                    .result(pages.error("拒绝访问：只能打开输出文件夹中的文件。"));
            return;
        }
        if (!Files.isRegularFile(target)) {
            ctx.status(HttpStatus.NOT_FOUND).contentType("text/html; charset=utf-8")
                    .result(pages.error("找不到文件：" + rel + "。请确认已运行 analyze，且文件在输出文件夹中。"));
            return;
        }
        String name = target.getFileName().toString();
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        ctx.contentType(TYPES.getOrDefault(ext, "application/octet-stream"));
        if (!TYPES.containsKey(ext)) {
            ctx.header("Content-Disposition", "attachment");
        }
        if (rel.startsWith("html/") && ext.equals("html")) {
            String id = name.substring(0, name.length() - ".html".length());
            String page = Files.readString(target, StandardCharsets.UTF_8);
            if (DocxFiles.exists(root, id)) {
                String link = "<a href=\"/docx/" + java.net.URLEncoder.encode(id, StandardCharsets.UTF_8)
                        .replace("+", "%20") + ".docx\" style=\"color:#fff\">下载 Word 分析</a> · ";
                page = page.replace(DOCX_MARKER, link);
            }
            ctx.result(page);
            return;
        }
        ctx.result(Files.readAllBytes(target));
    }

    /** Where a report page takes the server's 下载 Word 分析 link (the static page has none: no file behind it). */
    public static final String DOCX_MARKER = "<!--shuzhi:docx-->";

    /** Serves the Word analysis of a report, rendered from its JSON on demand. */
    private void docx(Context ctx) throws IOException {
        String name = ctx.pathParam("name");
        String id = name.endsWith(".docx") ? name.substring(0, name.length() - 5) : name;
        if (!DocxFiles.exists(root, id)) {
            ctx.status(HttpStatus.NOT_FOUND).contentType("text/html; charset=utf-8")
                    .result(pages.error("找不到报告：" + id + "。请确认已运行 analyze。"));
            return;
        }
        ctx.contentType(TYPES.get("docx"));
        ctx.header("Content-Disposition", "attachment; filename*=UTF-8''"
                + java.net.URLEncoder.encode(id + ".docx", StandardCharsets.UTF_8).replace("+", "%20"));
        ctx.result(DocxFiles.render(root, id));
    }

    /** @return the real path of {@code rel} below the output folder, or null when it would leave it */
    Path resolve(String rel) {
        if (rel == null || rel.isEmpty() || rel.indexOf('\0') >= 0 || rel.contains("\\")) {
            return null;
        }
        for (String part : rel.split("/")) {
            if (part.equals("..") || part.equals(".")) {
                return null;
            }
        }
        Path p = root.resolve(rel).normalize();
        if (!p.startsWith(root)) {
            return null;
        }
        try {
            Path real = p.toRealPath();
            return real.startsWith(root) ? real : null;
        } catch (IOException e) {
            return p; // does not exist: reported as not found
        }
    }
}
