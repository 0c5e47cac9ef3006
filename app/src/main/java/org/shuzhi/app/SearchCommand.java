package org.shuzhi.app;

import org.shuzhi.app.render.Labels;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.shuzhi.index.IndexException;
import org.shuzhi.index.ReportSearch;
import org.shuzhi.index.Schema;
import org.shuzhi.index.SearchRequest;
import org.shuzhi.index.SearchResult;
import org.shuzhi.pipeline.dict.DictionaryException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shuzhi search "<query>"}: searches the index written by {@code analyze}. */
@Command(name = "search", sortOptions = false,
        synopsisHeading = "用法：", descriptionHeading = "%n", parameterListHeading = "%n参数：%n",
        optionListHeading = "%n选项：%n", footerHeading = "%n",
        description = "在全部述职报告（各单位、各年度）的段落中检索，显示高亮片段和按年度、单位、类别的分面计数。",
        footer = {"查询语法（Lucene）：连写的中文按词组匹配（国土资源局 = 国土 资源 局 相邻）；空格分隔的词须同时出现；",
                "  \"理论学习的深度不够\" 短语；A OR B 任一；A NOT B 排除；( ) 分组；category:problem 等字段条件；* 表示全部。",
                "示例：./shuzhi search \"软弱涣散\" --category problem",
                "      ./shuzhi search \"*\" --year 2025 --sector university --category cause",
                "      ./shuzhi search --like \"units__rendered__city-audit-2025.txt#p19\"   （谁还写过这段话）",
                "退出码：0 完成（包括没有结果）；1 索引或词表无法打开；2 用法错误或查询语句有误。"})
final class SearchCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "<query>", description = "查询语句（默认 *：只按筛选条件列出）")
    String query;

    @Option(names = "--year", paramLabel = "<year>", split = ",", description = "年度，可多个：--year 2024,2025")
    List<String> years = new ArrayList<>();

    @Option(names = "--unit", paramLabel = "<text>", split = ",", description = "单位（包含该文字即可）")
    List<String> units = new ArrayList<>();

    @Option(names = "--secretary", paramLabel = "<name>", split = ",", description = "述职人")
    List<String> secretaries = new ArrayList<>();

    @Option(names = "--category", paramLabel = "<category>", split = ",",
            description = "段落类别：achievement problem cause plan self-assessment rectification other（也可写中文）")
    List<String> categories = new ArrayList<>();

    @Option(names = "--section", paramLabel = "<kind>", split = ",", description = "段落所在部分（取值同 --category）")
    List<String> sections = new ArrayList<>();

    @Option(names = "--flag", paramLabel = "<flag>", split = ",",
            description = "标记：vague forbidden-vague empty-phrase deflecting concrete 等")
    List<String> flags = new ArrayList<>();

    @Option(names = "--level", paramLabel = "<level>", split = ",",
            description = "报告的文本质量档次：meets mostly revise rewrite（不是述职评议等次）")
    List<String> levels = new ArrayList<>();

    @Option(names = "--doc-type", paramLabel = "<type>", split = ",", description = "文档类型：report speech notice")
    List<String> docTypes = new ArrayList<>();

    @Option(names = "--sector", paramLabel = "<sector>", split = ",", description = "领域：university town government soe community")
    List<String> sectors = new ArrayList<>();

    @Option(names = "--like", paramLabel = "<paragraph-id>", description = "相似段落：列出与该段落相似的段落（id 见检索结果）")
    String like;

    @Option(names = "--sort", paramLabel = "<order>", defaultValue = "relevance",
            description = "排序：relevance（相关度，默认）year unit concreteness（最不具体的在前）vagueness（最空泛的在前）")
    String sort;

    @Option(names = "--limit", paramLabel = "<n>", defaultValue = "20", description = "显示条数（默认：${DEFAULT-VALUE}，最多 1000）")
    int limit;

    @Option(names = "--page", paramLabel = "<n>", defaultValue = "1", description = "第几页（默认：${DEFAULT-VALUE}）")
    int page;

    @Option(names = "--json", description = "以 JSON 输出")
    boolean json;

    @CommandLine.Mixin
    IndexAccess where = new IndexAccess();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "显示本帮助")
    boolean help;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), "用法错误：" + message);
    }

    SearchRequest request() {
        if (limit < 1 || limit > 1000) {
            throw usage("--limit 须在 1 到 1000 之间");
        }
        if (page < 1 || (long) page * limit > 100_000) {
            throw usage("--page 须为正整数，且翻页不超过 100000 条");
        }
        SearchRequest.Order order;
        try {
            order = SearchRequest.Order.of(sort);
        } catch (IllegalArgumentException e) {
            throw usage("--sort 可选 relevance、year、unit、concreteness、vagueness");
        }
        Map<String, List<String>> filters = new LinkedHashMap<>();
        try {
            add(filters, Schema.YEAR, years);
            add(filters, Schema.UNIT, units);
            add(filters, Schema.SECRETARY, secretaries);
            add(filters, Schema.CATEGORY, categories);
            add(filters, Schema.SECTION, sections);
            add(filters, Schema.FLAG, flags);
            add(filters, Schema.LEVEL, levels);
            add(filters, Schema.DOC_TYPE, docTypes);
            add(filters, Schema.SECTOR, sectors);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        return new SearchRequest(query, filters, order, (page - 1) * limit, limit, Schema.TYPE_PARAGRAPH);
    }

    private static void add(Map<String, List<String>> filters, String dim, List<String> values) {
        List<String> parsed = values.stream().filter(v -> !v.isBlank()).map(v -> Labels.parse(dim, v)).toList();
        if (!parsed.isEmpty()) {
            filters.put(dim, parsed);
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        SearchRequest req = request();
        try (ReportSearch searcher = where.open()) {
            SearchResult r = like == null ? searcher.search(req) : searcher.similar(like, req);
            if (like == null && searcher.readAsPlainWords(req.query())) {
                err.println("提示：查询语句中的引号、括号或 AND/OR/NOT 不完整，已按普通词语检索。");
            }
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("query", like == null ? req.query() : null);
                doc.put("like", like);
                doc.put("filters", req.filters());
                doc.put("sort", req.sort().name().toLowerCase(Locale.ROOT));
                doc.put("offset", req.offset());
                doc.put("total", r.total());
                doc.put("hits", r.hits());
                doc.put("facets", r.facets());
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
            } else {
                new SearchPrinter(out, color()).print(r, req, like);
            }
            return ShuzhiCommand.EXIT_OK;
        } catch (IndexException e) {
            return ShuzhiCommand.fail(err, e.kind() == IndexException.Kind.MALFORMED_QUERY ? ShuzhiCommand.EXIT_USAGE
                    : ShuzhiCommand.EXIT_FATAL, e.getMessage());
        } catch (IllegalArgumentException e) {
            err.println("用法错误：" + e.getMessage());
            return ShuzhiCommand.EXIT_USAGE;
        } catch (DictionaryException e) {
            return ShuzhiCommand.fail(err, ShuzhiCommand.EXIT_FATAL,
                    "词表无法加载：" + e.getMessage() + ShuzhiCommand.DICTIONARIES_HINT);
        }
    }

    private static boolean color() {
        return System.console() != null && System.getenv("NO_COLOR") == null;
    }
}
