package org.shuzhi.app.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shuzhi.pipeline.model.Assessment;
import org.shuzhi.pipeline.model.Finding;
import org.shuzhi.pipeline.model.RuleId;
import org.shuzhi.pipeline.profile.CountingRule;

/**
 * The one place that turns the assessment's internal codes into what a reviewer reads: a rule id into its Chinese
 * name (the finding's {@link Finding#title()}, taken from {@code dictionaries/terms/assessment-phrases.txt}), a
 * rule's source (which cites seed files such as {@code 002} and {@code DOMAIN.md §2 R14}) into the notice's name and
 * the quoted wording, and a counting rule id ({@code letters-digits}) into its Chinese description. Used by the HTML
 * page and the Word file, so both say the same. Rule ids themselves stay in tooltips, anchors and the Word appendix.
 * Stateless.
 */
public final class RuleNames {
    /** A dotted rule id as it must never reach a reviewer's text, e.g. {@code plan.concreteness}. */
    public static final Pattern RULE_ID = Pattern.compile("[a-z]+\\.[a-z_-]+");

    /**
     * The seed notices the profiles cite by file number ({@code dictionaries/profiles/*.yaml}, {@code source.seed}),
     * named by their issuer as the profiles' {@code source.issuer} states it.
     */
    private static final Map<String, String> NOTICES = new LinkedHashMap<>();

    static {
        NOTICES.put("003#6", "某市局党组通知");
        NOTICES.put("000", "衡阳科院通知");
        NOTICES.put("001", "周口职院通知");
        NOTICES.put("002", "上海开放大学通知");
        NOTICES.put("004", "某区委办通知");
    }

    private static final Pattern SEED = Pattern.compile("(?<![\\d#])(003#6|00[0-4])(?![\\d#])");
    /** DOMAIN.md references and bare rule numbers such as {@code DOMAIN.md §2 R14}, {@code §3(b)}, {@code R17}. */
    private static final Pattern DOMAIN = Pattern.compile(
            "DOMAIN\\.md|§\\d+(\\([a-z]\\))?( *整改)?|(?<![A-Za-z])R\\d+");

    private RuleNames() {
    }

    /** @return the Chinese name of {@code f}'s rule: its title, or the name of the rule's family */
    public static String name(Finding f) {
        return name(f.rule(), f.title());
    }

    /**
     * @param rule  the rule id
     * @param title the finding's title, or null
     * @return {@code title} when it is a Chinese name (not the id itself), else the name of the rule's family
     */
    public static String name(RuleId rule, String title) {
        if (title != null && !title.isBlank() && !title.equals(rule.id()) && !RULE_ID.matcher(title).find()) {
            return title;
        }
        return rule.family().label();
    }

    /** @return the Chinese names of {@code rules} (ids of {@code assessment}'s findings), joined with 、 */
    public static String names(List<RuleId> rules, Assessment assessment) {
        return String.join("、", rules.stream().map(r -> assessment.findings().stream()
                .filter(f -> f.rule().equals(r)).findFirst().map(RuleNames::name).orElse(name(r, null)))
                .distinct().toList());
    }

    /**
     * @return {@code text} with every rule id of {@code assessment}'s findings replaced by its Chinese name (level
     *         reasons and notes cite ids such as {@code （stance.first-person）})
     */
    public static String text(String text, Assessment assessment) {
        if (text == null || assessment == null) {
            return text;
        }
        String s = text;
        for (Finding f : assessment.findings()) {
            if (s.contains(f.rule().id())) {
                s = s.replace(f.rule().id(), name(f));
            }
        }
        return s;
    }

    /**
     * The source of a rule as a reviewer reads it: seed numbers become the notice's name in 《》, references to the
     * project's design notes ({@code DOMAIN.md §2 R14}) are dropped, and a rule that only rests on those notes reads
     * 各地通知的共同要求（默认值）.
     *
     * @param source the finding's source as the profile states it
     * @return the reviewer's version, never containing {@code DOMAIN.md} or a bare rule number
     */
    public static String source(String source) {
        if (source == null || source.isBlank()) {
            return "—";
        }
        String s = source.strip();
        if (s.startsWith("DOMAIN.md")) {
            StringBuilder b = new StringBuilder("各地通知的共同要求（默认值）");
            if (s.contains("缺少时只作提示")) {
                b.append("；缺少时只作提示");
            }
            if (s.contains("本通知未规定")) {
                b.append("；本通知未规定，采用默认值");
            }
            return b.toString();
        }
        s = DOMAIN.matcher(s).replaceAll("");
        Matcher m = SEED.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String name = NOTICES.getOrDefault(m.group(1), "通知");
            m.appendReplacement(b, Matcher.quoteReplacement(m.start() == 0 ? "《" + name + "》" : name));
        }
        m.appendTail(b);
        s = b.toString()
                .replaceAll("[ 　]*([、，；,])[ 　]*(?=[、，；,）)]|$)", "")   // separators left dangling
                .replaceAll("（[、，；, ]*", "（")
                .replaceAll("[、，；, ]+）", "）")
                .replaceAll("（）|\\(\\)", "")
                .replaceAll("；+$", "")
                .replaceAll("》 +", "》")
                .replaceAll("(\\p{IsHan}) +(\\p{IsHan})", "$1$2")
                .strip();
        s = s.replace("默认值（", "默认值（各地通知的共同要求；").replace("；）", "）");
        return s.isEmpty() ? "各地通知的共同要求（默认值）" : s;
    }

    /** @return the Chinese description of a counting rule id, e.g. 汉字、字母和数字（不计标点、空白） */
    public static String counting(String id) {
        for (CountingRule r : CountingRule.values()) {
            if (r.id().equals(id) || r.name().equalsIgnoreCase(id == null ? "" : id.replace('-', '_'))) {
                return r.label();
            }
        }
        return id == null ? "—" : id.toLowerCase(Locale.ROOT);
    }
}
