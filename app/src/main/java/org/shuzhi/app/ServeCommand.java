package org.shuzhi.app;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.shuzhi.app.web.WebServer;
import org.shuzhi.index.IndexException;
import org.shuzhi.index.ReportSearch;
import org.shuzhi.pipeline.dict.DictionaryException;
import org.shuzhi.pipeline.run.Run;
import org.shuzhi.pipeline.run.RunFailure;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code shuzhi serve}: the local web UI over the output folder of {@code analyze}. */
@Command(name = "serve", sortOptions = false,
        synopsisHeading = "用法：", descriptionHeading = "%n", optionListHeading = "%n选项：%n", footerHeading = "%n",
        description = "启动本地网页界面：检索全部报告的段落（分面筛选、高亮、分页）、相似段落、按单位和年度的报告一览、每份报告的分析页。",
        footer = {"默认只在本机（127.0.0.1）可访问。绑定其他地址时必须设置访问令牌（--token 或环境变量 SHUZHI_TOKEN），",
                "每个请求都会检查令牌；浏览器首次用 http://<地址>:<端口>/?token=<令牌> 打开即可。",
                "示例：./shuzhi serve    然后在浏览器中打开 http://127.0.0.1:8080/",
                "加 --input <报告文件夹> 时先分析该文件夹，页面上可随时“重新分析”。",
                "退出码：0 正常停止；1 索引或词表无法打开、端口被占用、--input 无法分析；2 用法错误。"})
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "<port>", defaultValue = "8080", description = "端口（默认：${DEFAULT-VALUE}）")
    int port;

    @Option(names = "--bind", paramLabel = "<address>", defaultValue = "127.0.0.1",
            description = "绑定地址（默认：${DEFAULT-VALUE}，仅本机）")
    String bind;

    @Option(names = "--token", paramLabel = "<token>", description = "访问令牌（也可用环境变量 SHUZHI_TOKEN）")
    String token;

    @Option(names = "--input", paramLabel = "<input-dir>",
            description = "先分析该文件夹（与 analyze <input-dir> --out <输出文件夹> 的默认选项相同，只重做有变化的部分），"
                    + "并在“报告一览”页提供“重新分析输入文件夹”按钮：文件夹中增删改了报告后，点一下即可更新，无需重启")
    Path input;

    @CommandLine.Mixin
    IndexAccess where = new IndexAccess();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "显示本帮助")
    boolean help;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "用法错误：--port 须在 0 到 65535 之间");
        }
        String given = token != null ? token : System.getenv(WebServer.TOKEN_ENV);
        String tok = given == null || given.isBlank() ? null : given;
        if (tok == null && !WebServer.isLoopback(bind)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "用法错误：绑定到非本机地址 " + bind
                    + " 时必须设置访问令牌（--token 或环境变量 " + WebServer.TOKEN_ENV + "）");
        }
        Reanalysis rerun = null;
        if (input != null) {
            if (where.solr != null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "用法错误：--input 写的是本机索引，不能与 --solr 同用（先 analyze 再 solr-index）");
            }
            Run.Options options = Run.Options.defaults(input, where.reports, Home.dictionaries(where.dictionaries),
                    Home.build());
            Analysis.Outputs outputs = new Analysis.Outputs(false, null,
                    where.index == null ? where.reports.resolve("index") : where.index, false);
            out.println("正在分析 " + input + " → " + where.reports + " ……");
            try {
                Analysis.run(options, outputs, Run.Progress.NONE, System.nanoTime()).lines().forEach(out::println);
            } catch (RunFailure e) {
                return ShuzhiCommand.fail(err, ShuzhiCommand.exitCode(e.kind()), e.getMessage());
            } catch (IndexException | UncheckedIOException e) {
                return ShuzhiCommand.fail(err, ShuzhiCommand.EXIT_FATAL, e.getMessage());
            }
            rerun = new Reanalysis(options, outputs);
        }
        if (!Files.isDirectory(where.reports)) {
            return ShuzhiCommand.fail(err, ShuzhiCommand.EXIT_FATAL, "找不到输出文件夹 " + where.reports
                    + "。请先运行 ./shuzhi analyze <报告文件夹>，或用 --reports 指定。");
        }
        ReportSearch searcher;
        try {
            searcher = where.open();
        } catch (IndexException e) {
            return ShuzhiCommand.fail(err, ShuzhiCommand.EXIT_FATAL, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "用法错误：" + e.getMessage());
        } catch (DictionaryException e) {
            return ShuzhiCommand.fail(err, ShuzhiCommand.EXIT_FATAL,
                    "词表无法加载：" + e.getMessage() + ShuzhiCommand.DICTIONARIES_HINT);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (searcher; Reanalysis closing = rerun; WebServer server = new WebServer(searcher, where.reports, tok, rerun)) {
            int bound;
            try {
                bound = server.start(bind, port);
            } catch (RuntimeException e) {
                return ShuzhiCommand.fail(err, ShuzhiCommand.EXIT_FATAL, "无法在 " + bind + ":" + port
                        + " 启动网页服务：" + rootMessage(e) + "。端口可能已被占用，请用 --port 换一个。");
            }
            String host = bind.contains(":") ? "[" + bind + "]" : bind;
            out.println("网页界面已启动：http://" + host + ":" + bound + "/" + (tok == null ? ""
                    : "?token=<令牌>") + "   （按 Ctrl+C 停止）");
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
        }
        return ShuzhiCommand.EXIT_OK;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
