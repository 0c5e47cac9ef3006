package org.shuzhi.app;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

/**
 * Picocli's parameter-exception handler for every {@code shuzhi} command: a usage error is told in Chinese (picocli's
 * own messages are English), with the option picocli suggests for a mistyped one, the command's synopsis and where to
 * read its help, and ends with {@link ShuzhiCommand#EXIT_USAGE}.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("用法错误：" + message(ex));
        err.print(cmd.getHelp().synopsis(0));
        err.println("查看全部选项：" + qualifiedName(cmd) + " --help");
        err.flush();
        return ShuzhiCommand.EXIT_USAGE;
    }

    /** @return the Chinese message of a picocli usage error (the command's own messages are already Chinese) */
    static String message(ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            List<String> unmatched = u.getUnmatched();
            List<String> options = unmatched.stream().filter(a -> a.startsWith("-")).toList();
            List<String> suggestions = u.getSuggestions();
            if (!options.isEmpty()) {
                String m = "没有选项 " + String.join("、", options);
                return suggestions.isEmpty() ? m + "。"
                        : m + "。是否想用 " + String.join(" 或 ", suggestions) + "？";
            }
            String m = "多余的参数：" + String.join(" ", unmatched);
            return suggestions.isEmpty() ? m + "。" : m + "。可用的命令：" + String.join("、", suggestions) + "。";
        }
        if (ex instanceof CommandLine.MissingParameterException mp) {
            return mp.getMissing().stream().map(UsageErrors::missing).collect(Collectors.joining("；")) + "。";
        }
        if (ex instanceof CommandLine.OverwrittenOptionException o) {
            return "选项 " + name(o.getOverwritten()) + " 只能指定一次。";
        }
        if (ex instanceof CommandLine.MaxValuesExceededException) {
            return "参数过多：" + cjkOr(ex.getMessage(), "请检查命令行") + "。";
        }
        if (ex.getArgSpec() != null && ex.getValue() != null && !hasCjk(ex.getMessage())) {
            return (ex.getArgSpec().isOption() ? "选项 " : "参数 ") + name(ex.getArgSpec()) + " 的值“" + ex.getValue()
                    + "”无效" + (ex.getArgSpec().paramLabel() == null ? "" : "，应为 " + ex.getArgSpec().paramLabel())
                    + "。";
        }
        String m = ex.getMessage() == null ? "" : ex.getMessage();
        m = m.startsWith("用法错误：") ? m.substring("用法错误：".length()) : m;
        return hasCjk(m) ? m : "无法识别的命令行（" + m + "）。";
    }

    private static String missing(ArgSpec a) {
        if (a instanceof OptionSpec o) {
            return o.arity().min > 0 && o.arity().max > 0 && !o.required()
                    ? "选项 " + o.longestName() + " 后面缺少取值 " + o.paramLabel()
                    : "缺少必需的选项 " + o.longestName() + " " + o.paramLabel();
        }
        PositionalParamSpec p = (PositionalParamSpec) a;
        String description = p.description().length == 0 ? "" : "（" + p.description()[0] + "）";
        return "缺少必需的参数 " + p.paramLabel() + description;
    }

    private static String name(ArgSpec a) {
        return a instanceof OptionSpec o ? o.longestName() : a.paramLabel();
    }

    private static String qualifiedName(CommandLine cmd) {
        return cmd.getCommandSpec().qualifiedName(" ");
    }

    private static boolean hasCjk(String s) {
        return s != null && s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static String cjkOr(String s, String fallback) {
        return hasCjk(s) ? s : fallback;
    }
}
