package org.shuzhi.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code shuzhi} command line. Exit codes, in one place: 0 the batch completed (files that could not be read are
 * listed in the summary); 1 a fatal error (input folder or dictionaries missing, no readable report in the input, output not
 * writable); 2 a usage
 * error (also a malformed search query); 3 with {@code --strict}, the batch completed but some files failed.
 */
@Command(name = "shuzhi", version = "shuzhi 0.1.0",
        synopsisHeading = "用法：", descriptionHeading = "%n", optionListHeading = "%n选项：%n",
        commandListHeading = "%n命令：%n", footerHeading = "%n",
        description = "党组织书记抓基层党建工作述职报告分析工具",
        footer = {"示例：./shuzhi analyze corpus-samples", "查看命令帮助：./shuzhi analyze --help"},
        subcommands = {AnalyzeCommand.class, SearchCommand.class, ServeCommand.class, DocxCommand.class,
                CompareCommand.class, ModelCommand.class, BenchCommand.class, SolrIndexCommand.class})
public final class ShuzhiCommand implements Runnable {
    /** The batch completed. */
    public static final int EXIT_OK = 0;
    /** A fatal error stopped the run. */
    public static final int EXIT_FATAL = 1;
    /** A usage error: bad option, malformed query. */
    public static final int EXIT_USAGE = 2;
    /** With {@code --strict}: some files could not be analysed. */
    public static final int EXIT_FAILED_FILES = 3;

    /** The one table from a run's failures to exit codes. */
    private static final java.util.Map<org.shuzhi.pipeline.run.RunFailure.Kind, Integer> EXIT_CODES;

    static {
        java.util.EnumMap<org.shuzhi.pipeline.run.RunFailure.Kind, Integer> m =
                new java.util.EnumMap<>(org.shuzhi.pipeline.run.RunFailure.Kind.class);
        for (org.shuzhi.pipeline.run.RunFailure.Kind k : org.shuzhi.pipeline.run.RunFailure.Kind.values()) {
            m.put(k, EXIT_FATAL); // input, templates, no report files, dictionaries, manifest, profile, output, nothing readable
        }
        EXIT_CODES = java.util.Collections.unmodifiableMap(m);
    }

    /** What every command says when the dictionaries cannot be loaded, after the loader's message. */
    static final String DICTIONARIES_HINT = "。请用 --dictionaries 指定仓库中的 dictionaries/ 文件夹。";

    /**
     * Tells an error the one way every command does: {@code 错误：<message>} on standard error (usage errors are
     * told by {@link UsageErrors}).
     *
     * @param err     the command's standard error
     * @param code    the exit code ({@link #EXIT_FATAL}, or {@link #EXIT_USAGE} for a malformed query)
     * @param message what went wrong and what to do, in Chinese
     * @return {@code code}
     */
    static int fail(java.io.PrintWriter err, int code, String message) {
        err.println("错误：" + message);
        err.flush();
        return code;
    }

    /** {@link #fail(java.io.PrintWriter, int, String)} on the process's standard error, UTF-8. */
    static int fail(int code, String message) {
        return fail(new java.io.PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8), code, message);
    }

    /** What a command says when it finds no dictionaries folder. */
    static final String NO_DICTIONARIES = "找不到词表文件夹，请用 --dictionaries 指定。";

    /** @return the exit code of a run that stopped with {@code kind} */
    public static int exitCode(org.shuzhi.pipeline.run.RunFailure.Kind kind) {
        return EXIT_CODES.get(kind);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "显示本帮助")
    boolean help;

    @CommandLine.Option(names = {"-V", "--version"}, versionHelp = true, description = "显示版本")
    boolean version;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** @return the configured command line, for tests */
    public static CommandLine commandLine() {
        return new CommandLine(new ShuzhiCommand()).setParameterExceptionHandler(new UsageErrors());
    }
}
