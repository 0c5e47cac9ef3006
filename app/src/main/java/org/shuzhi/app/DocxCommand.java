package org.shuzhi.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.shuzhi.app.quality.DocxFiles;
import org.shuzhi.pipeline.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shuzhi docx <报告编号>…}: the Word analysis of reports already analysed, on demand. */
@Command(name = "docx", sortOptions = false,
        synopsisHeading = "用法：", descriptionHeading = "%n", parameterListHeading = "%n参数：%n",
        optionListHeading = "%n选项：%n", footerHeading = "%n",
        description = "为已分析的报告生成质量分析 Word 文档（<输出文件夹>/docx/<报告编号>.docx）。"
                + "analyze 默认不再逐篇生成 Word 文件；网页界面（./shuzhi serve）的报告页上也可直接下载。",
        footer = {"示例：./shuzhi docx seeds__s3-2-town-report.docx",
                "报告编号见 reports/index.html 或 reports/json/ 中的文件名（去掉 .json）。",
                "退出码：0 完成；1 报告不存在或无法写入；2 用法错误。"})
final class DocxCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "<报告编号>", description = "一个或多个报告编号")
    List<String> ids;

    @Option(names = "--reports", paramLabel = "<dir>", defaultValue = "reports",
            description = "analyze 的输出文件夹（默认：${DEFAULT-VALUE}）")
    Path reports;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "显示本帮助")
    boolean help;

    @Override
    public Integer call() {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int status = ShuzhiCommand.EXIT_OK;
        for (String raw : ids) {
            String id = raw.endsWith(".json") ? raw.substring(0, raw.length() - 5) : raw;
            if (!DocxFiles.exists(reports, id)) {
                status = ShuzhiCommand.fail(err, ShuzhiCommand.EXIT_FATAL, reports.resolve("json") + " 中没有报告 " + id
                        + "。请先运行 ./shuzhi analyze，报告编号见 index.html 或 json/ 中的文件名。");
                continue;
            }
            try {
                Path target = Files.createDirectories(reports.resolve("docx")).resolve(id + ".docx");
                AtomicFiles.write(target, DocxFiles.render(reports, id));
                out.println("已生成 " + target);
            } catch (IOException | RuntimeException e) {
                status = ShuzhiCommand.fail(err, ShuzhiCommand.EXIT_FATAL,
                        id + " 的 Word 分析文件无法生成：" + e.getMessage());
            }
        }
        return status;
    }
}
