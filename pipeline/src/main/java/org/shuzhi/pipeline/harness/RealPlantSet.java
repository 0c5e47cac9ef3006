package org.shuzhi.pipeline.harness;

import org.shuzhi.pipeline.classify.*;
import org.shuzhi.pipeline.compare.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shuzhi.pipeline.dict.TermList;
import org.shuzhi.pipeline.harness.RealCorpus;
import org.shuzhi.pipeline.model.Category;

/**
 * A deterministic plant set built from the labelled real paragraphs ({@link RealCorpus}, read at run time; no text of
 * it is in the repository): multi-year 述职报告 of several fictional units, each in the shape of a real report (title,
 * an opening that quotes official phrases, 一、主要做法及成效 / 二、存在的问题 / 三、原因剖析 / 四、下一步打算, paragraphs
 * drawn by label from different pages, numbered one-line items of 28–45 characters), with planted relations and their
 * ground truth ({@link Plant}):
 *
 * <ul>
 *   <li>{@code repeated-problem} / {@code repeated-plan}: an item of the unit's previous year repeated, with one edit
 *       type ({@link #EDITS}; every edit is made by the rules of this class — a synonym table, clause reordering,
 *       number changes, dropped or added clauses, split or merged sentences — none is a human paraphrase), or a
 *       numbered one-line item repeated word for word ({@code short-line});</li>
 *   <li>{@code recycled}: a report made line by line from the unit's previous report with its years moved on, one
 *       paragraph replaced (each reused line is a plant);</li>
 *   <li>{@code colleague}: a paragraph of another unit's report of the same year, with the other unit's name left in
 *       it ({@code evidence}) or replaced by the copier's ({@code no-evidence});</li>
 *   <li>{@code template}: a paragraph of a template text (a page-like text of unused real paragraphs, added to the
 *       comparison as template library);</li>
 *   <li>{@code negative} (must not be linked): a problem of the previous year on the same topic in other words
 *       ({@code same-topic}: the two real paragraphs from different pages that share the most character bigrams
 *       without sharing any 12-character string), or a problem that shares only a stock formula with one of the
 *       previous year ({@code stock-formula}).</li>
 * </ul>
 * Every report also opens with a paragraph of official phrases (masked by the comparison; any passage there is a
 * false alarm). Real paragraphs that share a 12-character string with one already drawn are skipped, so that the
 * real pages' own copying of each other does not create unplanted relations. Same seed, same corpus → same set.
 */
public final class RealPlantSet {
    /** The default seed. */
    public static final long SEED = 14L;
    /** Edit types of repeated items, in the order they are assigned. */
    public static final List<String> EDITS = List.of("verbatim", "light-numbers", "light-clause", "reorder",
            "synonyms", "split-merge", "paraphrase");
    private static final int FIRST_YEAR = 2021;
    private static final int YEARS = 4;
    private static final int UNIT_COUNT = 6;
    private static final String[][] UNITS = {
        {"青山镇党委", "青山镇", "王建华"}, {"河西街道党工委", "河西街道", "李秀兰"}, {"城东社区党委", "城东社区", "张卫东"},
        {"市农业农村局党组", "市农业农村局", "刘志强"}, {"县教育局党委", "县教育局", "陈晓梅"}, {"红星村党支部", "红星村", "赵国平"},
        {"县人民医院党委", "县人民医院", "孙丽娟"}, {"市交通运输局党组", "市交通运输局", "周明亮"}};
    /** Near-synonyms of 党建 writing used by the synonym edit (rule-made, one pass, no chains). */
    private static final String[][] SYNONYMS = {
        {"不够", "不足"}, {"不强", "偏弱"}, {"不高", "偏低"}, {"较少", "偏少"}, {"加强", "强化"}, {"提高", "提升"},
        {"开展", "组织"}, {"推进", "推动"}, {"落实", "执行"}, {"完善", "健全"}, {"建立", "建设"}, {"重视", "关注"},
        {"力度", "强度"}, {"措施", "举措"}, {"及时", "按时"}, {"积极", "主动"}, {"严格", "从严"}, {"全面", "全方位"},
        {"切实", "真正"}, {"群众", "百姓"}, {"深入", "深化"}, {"存在", "出现"}, {"有待", "需要"}, {"仍然", "依然"},
        {"认真", "用心"}, {"主动", "自觉"}, {"扎实", "稳步"}, {"创新", "革新"}, {"充分", "完全"}, {"明显", "显著"},
        {"部分", "一些"}, {"工作中", "实践中"}, {"进一步", "更加"}, {"持续", "不断"}, {"形式", "方式"}, {"能力", "本领"}};
    private static final Pattern SYNONYM = Pattern.compile(String.join("|", java.util.Arrays.stream(SYNONYMS)
            .map(s -> s[0]).sorted(Comparator.comparingInt(String::length).reversed()).toList()));
    private static final String[] ADDED = {"，这一问题在基层较为普遍", "，需要在今后工作中切实加以改进", "，群众对此仍有意见",
        "，确保各项任务按时完成", "，并纳入年度考核"};
    private static final String[] STOCK = {"思想认识还不到位，", "工作标准还不够高，", "创新意识有待增强，"};
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final int SHINGLE = 12;

    /**
     * A report of the set.
     *
     * @param name      {@code unit-index/year}, e.g. {@code u3/2023}
     * @param unit      the unit's full name
     * @param secretary the secretary
     * @param year      the year reported on
     * @param lines     the text, one paragraph a line
     */
    public record Report(String name, String unit, String secretary, int year, List<String> lines) {
        /** @return the text fed to the pipeline */
        public String text() {
            return String.join("\n", lines);
        }
    }

    /** A template text: its name and lines. */
    public record Template(String name, List<String> lines) {
        /** @return the text fed to the pipeline */
        public String text() {
            return String.join("\n", lines);
        }
    }

    /**
     * A planted relation: line {@code line} (0-based) of report {@code report} was made from line {@code sourceLine}
     * of {@code source} (a report or template name); for {@code negative}, the two lines must not be linked.
     *
     * @param kind one of repeated-problem, repeated-plan, recycled, colleague, template, negative
     * @param edit the edit type (see the class comment)
     */
    public record Plant(String kind, String edit, String report, int line, String source, int sourceLine) {
    }

    /** The set: reports in name order, templates, plants, and how many real paragraphs were drawn. */
    public record Built(List<Report> reports, List<Template> templates, List<Plant> plants, int paragraphsUsed) {
        /** @return plants per kind and edit, for printing */
        public Map<String, Integer> counts() {
            Map<String, Integer> m = new java.util.TreeMap<>();
            plants.forEach(p -> m.merge(p.kind() + "/" + p.edit(), 1, Integer::sum));
            return m;
        }
    }

    private final Random rnd;
    private final Map<Category, List<String>> pools = new LinkedHashMap<>();
    private final Map<Category, Integer> next = new LinkedHashMap<>();
    private final Set<String> shingles = new HashSet<>();
    /** Paragraphs drawn and then replaced by a planted line: drawn again first (their strings stay registered). */
    private final Map<Category, java.util.Deque<String>> returned = new LinkedHashMap<>();
    private final List<String> official;
    private int used;

    private RealPlantSet(RealCorpus corpus, TermList officialPhrases, long seed) {
        rnd = new Random(seed);
        for (Category c : List.of(Category.ACHIEVEMENT, Category.PROBLEM, Category.CAUSE, Category.PLAN)) {
            List<String> ps = new ArrayList<>(corpus.paragraphs().stream()
                    .filter(p -> p.label() == c && !p.uncertain())
                    .map(p -> p.text().strip())
                    .filter(t -> Locator.letters(t).length() >= 28 && t.length() <= 420)
                    .filter(t -> !t.endsWith("：") && !t.endsWith(":"))
                    .sorted().toList());
            java.util.Collections.shuffle(ps, rnd);
            pools.put(c, ps);
            next.put(c, 0);
        }
        official = officialPhrases.entries().stream().map(TermList.Entry::term)
                .filter(t -> t.length() >= 12 && t.length() <= 30).sorted().toList();
    }

    /**
     * Builds the set.
     *
     * @param corpus          the labelled real paragraphs
     * @param officialPhrases the {@code official-phrases} list (quoted in every report's opening)
     * @param seed            the random seed ({@link #SEED} by default)
     */
    public static Built build(RealCorpus corpus, TermList officialPhrases, long seed) {
        return new RealPlantSet(corpus, officialPhrases, seed).build();
    }

    // ---- drawing real paragraphs -----------------------------------------------------------------------------

    private Set<String> shinglesOf(String text) {
        String l = Locator.letters(text);
        Set<String> s = new HashSet<>();
        for (int i = 0; i + SHINGLE <= l.length(); i++) {
            s.add(l.substring(i, i + SHINGLE));
        }
        return s;
    }

    /** @return the next unused paragraph of a label that shares no 12-character string with any drawn, or null */
    private String take(Category c, java.util.function.Predicate<String> ok) {
        java.util.Deque<String> back = returned.computeIfAbsent(c, k -> new java.util.ArrayDeque<>());
        for (java.util.Iterator<String> it = back.iterator(); it.hasNext(); ) {
            String t = it.next();
            if (ok.test(t)) {
                it.remove();
                return t;
            }
        }
        List<String> pool = pools.get(c);
        for (int i = next.get(c); i < pool.size(); i++) {
            String t = pool.get(i);
            if (t == null || !ok.test(t)) {
                continue;
            }
            Set<String> s = shinglesOf(t);
            pool.set(i, null);
            if (s.stream().anyMatch(shingles::contains)) {
                continue;
            }
            shingles.addAll(s);
            used++;
            while (next.get(c) < pool.size() && pool.get(next.get(c)) == null) {
                next.put(c, next.get(c) + 1);
            }
            return t;
        }
        return null;
    }

    private String take(Category c) {
        return take(c, t -> true);
    }

    /** @return a numbered one-line item of 28–45 letters: a sentence of a real paragraph of the label */
    private String shortLine(Category c, int number) {
        String[] holder = new String[1];
        String p = take(c, t -> {
            for (String s : t.split("(?<=[。；;！])")) {
                int n = Locator.letters(s).length();
                if (n >= 28 && n <= 45) {
                    holder[0] = s.strip().replaceAll("[；;]$", "。");
                    return true;
                }
            }
            return false;
        });
        return p == null ? null : number + "." + holder[0].replaceFirst("^[（(]?[一二三四五六七八九十\\d]+[）)、.．]\\s*", "");
    }

    // ---- building ----------------------------------------------------------------------------------------------

    /** Where the items of a report are: line indexes per section. */
    private static final class Draft {
        final String unit;
        final String place;
        final String secretary;
        final int year;
        final List<String> lines = new ArrayList<>();
        final List<Integer> achievements = new ArrayList<>();
        final List<Integer> problems = new ArrayList<>();
        final List<Integer> plans = new ArrayList<>();
        int shortProblem = -1;
        int shortPlan = -1;
        /** lines that are fresh: not derived from another line (only those are used as sources). */
        final Set<Integer> fresh = new HashSet<>();
        final String name;

        Draft(String name, String[] unit, int year) {
            this.name = name;
            this.unit = unit[0];
            this.place = unit[1];
            this.secretary = unit[2];
            this.year = year;
        }

        int add(String line, boolean isFresh) {
            lines.add(line);
            if (isFresh) {
                fresh.add(lines.size() - 1);
            }
            return lines.size() - 1;
        }
    }

    private Built build() {
        List<Plant> plants = new ArrayList<>();
        List<Template> templates = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            List<String> tl = new ArrayList<>();
            tl.add("党支部书记抓基层党建工作述职报告范文（" + (t + 1) + "）");
            tl.add("一、主要做法及成效");
            tl.add(take(Category.ACHIEVEMENT));
            tl.add(take(Category.ACHIEVEMENT));
            tl.add("二、存在的问题");
            tl.add(take(Category.PROBLEM));
            tl.add("三、下一步打算");
            tl.add(take(Category.PLAN));
            tl.removeIf(java.util.Objects::isNull);
            templates.add(new Template("template-" + (t + 1), tl));
        }
        Map<String, Draft> drafts = new LinkedHashMap<>();
        int editTurnProblem = 0;
        int editTurnPlan = 3;
        int templateTurn = 0;
        int colleagueTurn = 0;
        int negativeTurn = 0;
        for (int y = 0; y < YEARS; y++) {
            int year = FIRST_YEAR + y;
            for (int u = 0; u < UNIT_COUNT; u++) {
                String name = "u" + (u + 1) + "/" + year;
                Draft prev = drafts.get("u" + (u + 1) + "/" + (year - 1));
                List<Draft> earlier = new ArrayList<>();
                for (int e = year - 1; e >= FIRST_YEAR; e--) {
                    earlier.add(drafts.get("u" + (u + 1) + "/" + e));
                }
                Draft d;
                boolean recycled = prev != null && u < 2 && y == 1; // from a first-year report: no chains
                if (recycled) {
                    d = recycle(name, UNITS[u], year, prev, plants);
                } else {
                    d = fresh(name, UNITS[u], year, prev != null);
                    if (prev != null) {
                        // two repeated problems and one repeated plan, with edits in turn; short lines verbatim
                        for (int k = 0; k < 2; k++) {
                            String edit = EDITS.get(editTurnProblem % EDITS.size());
                            if (repeat(d, d.problems.get(k), earlier, true, edit, "repeated-problem", plants)) {
                                editTurnProblem++;
                            }
                            edit = EDITS.get(editTurnPlan % EDITS.size());
                            if (repeat(d, d.plans.get(k), earlier, false, edit, "repeated-plan", plants)) {
                                editTurnPlan++;
                            }
                        }
                        shortRepeat(d, d.shortProblem, prev, prev.shortProblem, "repeated-problem", plants);
                        shortRepeat(d, d.shortPlan, prev, prev.shortPlan, "repeated-plan", plants);
                        if (d.lines.get(d.shortProblem) == null) {
                            d.lines.set(d.shortProblem, shortLine(Category.PROBLEM, 4));
                        }
                        if (d.lines.get(d.shortPlan) == null) {
                            d.lines.set(d.shortPlan, shortLine(Category.PLAN, 4));
                        }
                        if (d.lines.contains(null)) {
                            throw new IllegalStateException("the real corpus has too few short lines (" + name + ")");
                        }
                        if (negativeTurn < 6) {
                            negative(d, d.problems.get(2), prev, negativeTurn++ % 2 == 0, plants);
                        }
                    }
                }
                drafts.put(name, d);
            }
            // copies of the same year: a colleague's achievement, a template paragraph
            if (y >= 1) {
                for (int k = 0; k < 2; k++) {
                    int a = (colleagueTurn * 3 + 2) % UNIT_COUNT;
                    int b = (a + 3) % UNIT_COUNT;
                    Draft da = drafts.get("u" + (a + 1) + "/" + year);
                    Draft db = drafts.get("u" + (b + 1) + "/" + year);
                    colleague(da, db, colleagueTurn % 2 == 0, plants);
                    colleagueTurn++;
                }
                for (int k = 0; k < 2 && templateTurn < 3; k++) {
                    int a = (templateTurn * 3 + 4) % UNIT_COUNT;
                    Draft da = drafts.get("u" + (a + 1) + "/" + year);
                    Template t = templates.get(templateTurn % templates.size());
                    int line = da.achievements.get(da.achievements.size() - 1);
                    if (da.fresh.contains(line) && t.lines().size() > 2) {
                        da.lines.set(line, t.lines().get(2 + templateTurn / templates.size()));
                        da.fresh.remove(line);
                        plants.add(new Plant("template", "verbatim", da.name, line, t.name(),
                                2 + templateTurn / templates.size()));
                    }
                    templateTurn++;
                }
            }
        }
        List<Report> reports = drafts.values().stream().map(d -> new Report(d.name, d.unit, d.secretary, d.year,
                List.copyOf(d.lines))).sorted(Comparator.comparing(Report::name)).toList();
        return new Built(reports, templates, plants, used);
    }

    /** A report of real paragraphs; in a later year the numbered one-line items are left for a repeat (null). */
    private Draft fresh(String name, String[] unit, int year, boolean later) {
        Draft d = new Draft(name, unit, year);
        d.add(unit[0] + "书记" + year + "年度抓基层党建工作述职报告", false);
        String p1 = official.get(rnd.nextInt(official.size()));
        String p2 = official.get(rnd.nextInt(official.size()));
        d.add("一年来，我坚持" + p1 + "，" + p2 + "，现将履职情况报告如下。", false);
        d.add("一、主要做法及成效", false);
        for (int i = 0; i < 3; i++) {
            d.achievements.add(d.add(take(Category.ACHIEVEMENT), true));
        }
        d.add("二、存在的问题", false);
        for (int i = 0; i < 3; i++) {
            d.problems.add(d.add(take(Category.PROBLEM), true));
        }
        d.shortProblem = d.add(later ? null : shortLine(Category.PROBLEM, 4), true);
        d.add("三、原因剖析", false);
        d.add(take(Category.CAUSE), true);
        d.add("四、下一步打算", false);
        for (int i = 0; i < 2; i++) {
            d.plans.add(d.add(take(Category.PLAN), true));
        }
        d.shortPlan = d.add(later ? null : shortLine(Category.PLAN, 4), true);
        if (d.lines.stream().filter(java.util.Objects::isNull).count() > (later ? 2 : 0)) {
            throw new IllegalStateException("the real corpus has too few paragraphs for the plant set (" + name + ", "
                    + d.lines + ")");
        }
        return d;
    }

    private Draft recycle(String name, String[] unit, int year, Draft prev, List<Plant> plants) {
        Draft d = new Draft(name, unit, year);
        int replaced = prev.achievements.get(1);
        prev.fresh.clear(); // its items now stand in two reports: a later repeat of them would have two sources
        for (int i = 0; i < prev.lines.size(); i++) {
            String l = prev.lines.get(i);
            if (i == replaced) {
                d.add(take(Category.ACHIEVEMENT), true);
            } else {
                d.add(shiftYears(l, 1), false);
                if (i > 1) { // not the title nor the opening of official phrases
                    plants.add(new Plant("recycled", "years-moved", name, i, prev.name, i));
                }
            }
        }
        d.achievements.addAll(prev.achievements);
        d.problems.addAll(prev.problems);
        d.plans.addAll(prev.plans);
        d.shortProblem = prev.shortProblem;
        d.shortPlan = prev.shortPlan;
        return d;
    }

    /** Repeats a fresh problem (plan) of the unit's latest earlier report that has one, with an edit. */
    private boolean repeat(Draft d, int line, List<Draft> earlier, boolean problem, String edit, String kind,
                           List<Plant> plants) {
        Draft prev = null;
        for (Draft e : earlier) {
            if ((problem ? e.problems : e.plans).stream().anyMatch(e.fresh::contains)) {
                prev = e;
                break;
            }
        }
        if (prev == null) {
            return false;
        }
        int best = -1;
        int bestScore = -1;
        for (int j : problem ? prev.problems : prev.plans) {
            if (!prev.fresh.contains(j)) {
                continue;
            }
            int score = switch (edit) {
                case "synonyms", "paraphrase" -> synonymCount(prev.lines.get(j));
                case "light-numbers" -> NUMBER.matcher(prev.lines.get(j)).find() ? 1 : 0;
                default -> 0;
            };
            if (score > bestScore) {
                best = j;
                bestScore = score;
            }
        }
        if (best < 0) {
            return false;
        }
        giveBack(problem ? Category.PROBLEM : Category.PLAN, d.lines.get(line));
        d.lines.set(line, edit(prev.lines.get(best), edit));
        d.fresh.remove(line);
        prev.fresh.remove(best);
        plants.add(new Plant(kind, edit, d.name, line, prev.name, best));
        return true;
    }

    private void giveBack(Category c, String paragraph) {
        returned.computeIfAbsent(c, k -> new java.util.ArrayDeque<>()).add(paragraph);
    }

    private void shortRepeat(Draft d, int line, Draft prev, int from, String kind, List<Plant> plants) {
        if (line < 0 || from < 0 || !prev.fresh.contains(from) || prev.lines.get(from) == null) {
            return;
        }
        String src = prev.lines.get(from);
        d.lines.set(line, src);
        d.fresh.remove(line);
        prev.fresh.remove(from);
        plants.add(new Plant(kind, "short-line", d.name, line, prev.name, from));
    }

    /** A hard negative: the problem replaced by one on the topic of a problem of last year, or sharing a stock formula. */
    private void negative(Draft d, int line, Draft prev, boolean topic, List<Plant> plants) {
        int target = -1;
        for (int j : prev.problems) {
            if (prev.fresh.contains(j)) {
                target = j;
            }
        }
        if (target < 0) {
            return;
        }
        String src = prev.lines.get(target);
        if (topic) {
            String best = bestTopical(src);
            if (best == null) {
                return;
            }
            giveBack(Category.PROBLEM, d.lines.get(line));
            d.lines.set(line, best);
        } else {
            String stock = STOCK[rnd.nextInt(STOCK.length)];
            prev.lines.set(target, stock + src);
            d.lines.set(line, stock + d.lines.get(line));
        }
        d.fresh.remove(line);
        prev.fresh.remove(target);
        plants.add(new Plant("negative", topic ? "same-topic" : "stock-formula", d.name, line, prev.name, target));
    }

    /** @return the unused problem paragraph sharing the most character bigrams with {@code src} (no 12-char string) */
    private String bestTopical(String src) {
        Set<String> a = bigrams(src);
        List<String> pool = pools.get(Category.PROBLEM);
        int best = -1;
        double bestScore = 0;
        for (int i = next.get(Category.PROBLEM); i < pool.size(); i++) {
            String t = pool.get(i);
            if (t == null) {
                continue;
            }
            Set<String> b = bigrams(t);
            int common = 0;
            for (String x : b) {
                common += a.contains(x) ? 1 : 0;
            }
            double s = 2.0 * common / (a.size() + b.size());
            if (s > bestScore && shinglesOf(t).stream().noneMatch(shingles::contains)) {
                bestScore = s;
                best = i;
            }
        }
        if (best < 0) {
            return null;
        }
        String t = pool.get(best);
        pool.set(best, null);
        shingles.addAll(shinglesOf(t));
        used++;
        return t;
    }

    private static Set<String> bigrams(String s) {
        String l = Locator.letters(s);
        Set<String> b = new HashSet<>();
        for (int i = 0; i + 2 <= l.length(); i++) {
            b.add(l.substring(i, i + 2));
        }
        return b;
    }

    /** A colleague copy: an achievement of {@code from} (same year) in {@code to}, with or without its unit's name. */
    private void colleague(Draft to, Draft from, boolean evidence, List<Plant> plants) {
        int src = -1;
        for (int j : from.achievements) {
            if (from.fresh.contains(j)) {
                src = j;
                break;
            }
        }
        int line = -1;
        for (int j : to.achievements) {
            if (to.fresh.contains(j)) {
                line = j;
                break;
            }
        }
        if (src < 0 || line < 0) {
            return;
        }
        String text = "在" + from.place + "，" + from.lines.get(src);
        from.lines.set(src, text);
        to.lines.set(line, evidence ? text : "在" + to.place + "，" + text.substring(text.indexOf('，') + 1));
        from.fresh.remove(src);
        to.fresh.remove(line);
        plants.add(new Plant("colleague", evidence ? "evidence" : "no-evidence", to.name, line, from.name, src));
    }

    // ---- edits (all rule-made) ---------------------------------------------------------------------------------

    private static int synonymCount(String s) {
        Matcher m = SYNONYM.matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private String edit(String s, String edit) {
        return switch (edit) {
            case "verbatim" -> s;
            case "light-numbers" -> numbers(s);
            case "light-clause" -> clause(s);
            case "reorder" -> reorder(s);
            case "synonyms" -> synonyms(s);
            case "split-merge" -> splitMerge(s);
            case "paraphrase" -> numbers(clause(reorder(synonyms(s))));
            default -> throw new IllegalArgumentException(edit);
        };
    }

    static String shiftYears(String s, int by) {
        Matcher m = Pattern.compile("(?<!\\d)(20\\d\\d)(?=年)").matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, String.valueOf(Integer.parseInt(m.group(1)) + by));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** Years move on by one, other numbers change; without numbers, a year-end clause is added. */
    private String numbers(String s) {
        String t = shiftYears(s, 1);
        Matcher m = Pattern.compile("(?<!\\d)(\\d{1,3})(?!\\d|年)").matcher(t);
        StringBuilder b = new StringBuilder();
        boolean any = !t.equals(s);
        while (m.find()) {
            m.appendReplacement(b, String.valueOf(Integer.parseInt(m.group(1)) + 1 + rnd.nextInt(5)));
            any = true;
        }
        m.appendTail(b);
        return any ? b.toString() : clause(s);
    }

    private static List<String> clauses(String sentence) {
        List<String> out = new ArrayList<>();
        for (String c : sentence.split("(?<=[，,])")) {
            if (!c.isEmpty()) {
                out.add(c);
            }
        }
        return out;
    }

    private static List<String> sentences(String s) {
        List<String> out = new ArrayList<>();
        for (String c : s.split("(?<=[。；;！？])")) {
            if (!c.isBlank()) {
                out.add(c);
            }
        }
        return out;
    }

    /** Drops a middle clause of the longest sentence when it has three or more, else adds a clause at the end. */
    private String clause(String s) {
        List<String> ss = sentences(s);
        int longest = 0;
        for (int i = 1; i < ss.size(); i++) {
            if (ss.get(i).length() > ss.get(longest).length()) {
                longest = i;
            }
        }
        List<String> cs = clauses(ss.get(longest));
        if (cs.size() >= 3) {
            cs.remove(1 + rnd.nextInt(cs.size() - 2));
            ss.set(longest, String.join("", cs));
        } else {
            String last = ss.get(ss.size() - 1);
            String end = last.isEmpty() ? "" : last.substring(last.length() - 1);
            boolean punct = "。；;！？".contains(end);
            ss.set(ss.size() - 1, (punct ? last.substring(0, last.length() - 1) : last)
                    + ADDED[rnd.nextInt(ADDED.length)] + (punct ? end : "。"));
        }
        return String.join("", ss);
    }

    /** Reverses the order of the sentences; a single sentence gets its clauses rotated by one. */
    private static String reorder(String s) {
        List<String> ss = sentences(s);
        if (ss.size() >= 2) {
            List<String> r = new ArrayList<>(ss);
            java.util.Collections.reverse(r);
            return String.join("", r.stream().map(x -> x.endsWith("。") || x.endsWith("；") ? x : x + "。").toList());
        }
        String x = ss.get(0);
        String end = x.substring(x.length() - 1);
        boolean punct = "。；;！？".contains(end);
        List<String> cs = clauses(punct ? x.substring(0, x.length() - 1) : x);
        if (cs.size() < 2) {
            return s;
        }
        String first = cs.remove(0);
        String last = cs.remove(cs.size() - 1);
        List<String> r = new ArrayList<>();
        r.add(last + "，");
        r.addAll(cs);
        r.add(first.replaceAll("[，,]$", ""));
        return String.join("", r) + (punct ? end : "。");
    }

    private static String synonyms(String s) {
        Map<String, String> table = new java.util.HashMap<>();
        for (String[] p : SYNONYMS) {
            table.put(p[0], p[1]);
        }
        Matcher m = SYNONYM.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, table.get(m.group()));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** Splits the longest sentence at a middle comma and merges the first two sentences (when there are two). */
    private static String splitMerge(String s) {
        List<String> ss = sentences(s);
        if (ss.size() >= 2 && ss.get(0).endsWith("。")) {
            ss.set(0, ss.get(0).substring(0, ss.get(0).length() - 1) + "，");
        }
        String joined = String.join("", ss);
        int mid = joined.length() / 2;
        int at = joined.indexOf('，', mid);
        if (at < 0) {
            at = joined.lastIndexOf('，', mid);
        }
        return at < 0 ? joined : joined.substring(0, at) + "。" + joined.substring(at + 1);
    }
}
