package org.shuzhi.pipeline.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who took a passage shared by two reports of the same year (or of unknown years) from whom, from evidence in the
 * texts only (issue 13). Two kinds of evidence, shown to the user next to the verdict:
 *
 * <ul>
 *   <li><b>names</b>: the passage names one report's unit or secretary (as written in its metadata) and not the
 *       other's;</li>
 *   <li><b>anchored names</b>: character {@value #K}-grams of the passage that look like part of a name or figure
 *       (they hold a digit, or end in a place or organisation suffix: 村, 镇, 社区, 湾, 厂, 校…), are specific to the
 *       pair (no third report contains them) and stand elsewhere in one report, outside the passage, but nowhere else
 *       in the other. A paragraph naming unit A's villages is anchored in A's report (the same names recur in A's
 *       other paragraphs) and stands in isolation in B's. Ordinary words are not evidence: a common verb found
 *       elsewhere in one report only is chance. Person names without a suffix are caught only through the
 *       secretary's name (the segmenter's named entities are not kept for the comparison).</li>
 * </ul>
 * A direction is said when one side has names evidence and the other none, or when one side has at least
 * {@value #MIN_ANCHORED} anchored grams and {@value #DOMINANCE} times as many as the other. Anything else is "unknown" (方向不明): the tool does not
 * guess. The coherence of the surrounding paragraphs (a block in one report, in isolation in the other) is only
 * captured through the anchored terms; there is no separate measure of it.
 *
 * <p>Not thread-safe: {@link #documentFrequencies} is filled once, then {@link #decide} may run.
 */
final class CopyDirection {
    /** Length of the grams compared. */
    static final int K = 3;
    /** Fewest anchored grams that make evidence. */
    static final int MIN_ANCHORED = 3;
    /** One side's anchored names must outnumber the other's by this factor (a common noun like 合作社 may stand
     *  elsewhere in either report by chance). */
    static final int DOMINANCE = 3;
    /** A gram found in more reports than this is common wording, not a name. */
    static final int MAX_DF = 2;

    /** The verdict: +1 when report a took the passage from b, −1 when b took it from a, 0 unknown. */
    record Verdict(int aTook, List<String> evidence) {
    }

    private final Map<Long, int[]> df = new HashMap<>();

    /** Registers the grams of a passage whose direction will be asked (normalised chars {@code [from, to)}). */
    void want(char[] n, int from, int to) {
        for (int p = from; p + K <= to; p++) {
            long g = gram(n, p);
            if (g >= 0) {
                df.putIfAbsent(g, new int[1]);
            }
        }
    }

    /** Counts, for every wanted gram, the reports containing it; call once per report after all {@link #want}s. */
    void count(char[] n) {
        if (df.isEmpty()) {
            return;
        }
        Set<Long> seen = new HashSet<>();
        for (int p = 0; p + K <= n.length; p++) {
            long g = gram(n, p);
            if (g >= 0 && df.containsKey(g) && seen.add(g)) {
                df.get(g)[0]++;
            }
        }
    }

    /**
     * @param na     report a's normalised characters; the passage is {@code [aS, aE)}
     * @param nb     report b's; the passage is {@code [bS, bE)}
     * @param textA  report a's cleaned text (for the names check), {@code passageA} the passage in it
     * @param namesA report a's unit and secretary as written (null entries skipped)
     */
    Verdict decide(char[] na, int aS, int aE, char[] nb, int bS, int bE, String passageA, List<String> namesA,
                   List<String> namesB) {
        List<String> nameA = names(passageA, namesA, namesB);
        List<String> nameB = names(passageA, namesB, namesA);
        if (!nameA.isEmpty() && nameB.isEmpty()) {
            return new Verdict(-1, nameA.stream().map(x -> "文字中出现本单位或本人名称“" + x + "”").toList());
        }
        if (!nameB.isEmpty() && nameA.isEmpty()) {
            return new Verdict(1, nameB.stream().map(x -> "文字中出现对方单位或述职人名称“" + x + "”").toList());
        }
        Set<Long> outsideA = grams(na, 0, aS);
        outsideA.addAll(grams(na, aE, na.length));
        Set<Long> outsideB = grams(nb, 0, bS);
        outsideB.addAll(grams(nb, bE, nb.length));
        List<Integer> anchoredA = new ArrayList<>();
        int anchoredB = 0;
        Set<Long> counted = new HashSet<>();
        for (int p = aS; p + K <= aE; p++) {
            long g = gram(na, p);
            if (g < 0 || !counted.add(g)) {
                continue;
            }
            int[] d = df.get(g);
            if (d == null || d[0] > MAX_DF || !nameLike(na, p)) {
                continue;
            }
            boolean inA = outsideA.contains(g);
            boolean inB = outsideB.contains(g);
            if (inA && !inB) {
                anchoredA.add(p);
            } else if (inB && !inA) {
                anchoredB++;
            }
        }
        if (anchoredA.size() >= MIN_ANCHORED && anchoredA.size() >= DOMINANCE * anchoredB) {
            return new Verdict(-1, terms(na, anchoredA, "本报告其他段落也出现，对方报告其他段落未出现"));
        }
        if (anchoredB >= MIN_ANCHORED && anchoredB >= DOMINANCE * anchoredA.size()) {
            List<Integer> at = new ArrayList<>();
            counted.clear();
            for (int p = aS; p + K <= aE; p++) {
                long g = gram(na, p);
                int[] d = g < 0 ? null : df.get(g);
                if (d != null && d[0] <= MAX_DF && nameLike(na, p) && counted.add(g) && outsideB.contains(g) && !outsideA.contains(g)) {
                    at.add(p);
                }
            }
            return new Verdict(1, terms(na, at, "对方报告其他段落也出现，本报告其他段落未出现"));
        }
        return new Verdict(0, List.of());
    }

    /** @return the names of {@code own} that the passage contains while it contains none of {@code other} */
    private static List<String> names(String passage, List<String> own, List<String> other) {
        List<String> out = new ArrayList<>();
        for (String n : own) {
            String core = core(n);
            if (core != null && passage.contains(core) && other.stream().map(CopyDirection::core)
                    .noneMatch(o -> o != null && (o.contains(core) || core.contains(o)))) {
                out.add(core);
            }
        }
        return out;
    }

    /** @return a unit or person name without the party-organisation suffix, or null when too short to be evidence */
    static String core(String name) {
        if (name == null) {
            return null;
        }
        String c = name.strip().replaceFirst("(机关)?(党委|党总支|党支部|党组|总支|支部|委员会)$", "");
        return c.length() >= 2 ? c : null;
    }

    /** @return up to three anchored terms (runs of consecutive anchored grams), quoted, with {@code why} */
    private static List<String> terms(char[] n, List<Integer> at, String why) {
        List<String> runs = new ArrayList<>();
        int i = 0;
        while (i < at.size() && runs.size() < 3) {
            int s = at.get(i);
            int e = s + K;
            while (i + 1 < at.size() && at.get(i + 1) <= e) {
                i++;
                e = at.get(i) + K;
            }
            runs.add("“" + new String(n, s, e - s) + "”");
            i++;
        }
        return List.of(String.join("、", runs) + "：" + why + "（共 " + at.size() + " 处特有字串）");
    }

    /** Last characters of place and organisation names. */
    private static final String SUFFIXES = "村镇乡街区县市省湾山河湖寨屯庄港园社厂校院所站队矿场坝岭峪沟桥";

    /** @return whether the gram at {@code p} holds a digit or ends in a name suffix */
    static boolean nameLike(char[] n, int p) {
        for (int i = 0; i < K; i++) {
            if (Character.isDigit(n[p + i])) {
                return true;
            }
        }
        return SUFFIXES.indexOf(n[p + K - 1]) >= 0;
    }

    private static Set<Long> grams(char[] n, int from, int to) {
        Set<Long> out = new HashSet<>();
        for (int p = Math.max(0, from); p + K <= to; p++) {
            long g = gram(n, p);
            if (g >= 0) {
                out.add(g);
            }
        }
        return out;
    }

    /** @return the gram at {@code p} as a 48-bit key, or −1 when it holds a break or mask */
    private static long gram(char[] n, int p) {
        long g = 0;
        for (int i = 0; i < K; i++) {
            char c = n[p + i];
            if (NormalizedText.gap(c)) {
                return -1;
            }
            g = (g << 16) | c;
        }
        return g;
    }
}
