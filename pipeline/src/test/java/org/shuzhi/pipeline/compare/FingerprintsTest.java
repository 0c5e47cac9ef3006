package org.shuzhi.pipeline.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.shuzhi.pipeline.Repo;

/**
 * Winnowing keeps its guarantee on real text: a string of {@code seedChars} characters that two otherwise unrelated
 * sample reports share always yields a shared fingerprint (reproducible random insertions; the seed is printed), and a
 * k-gram across a break never becomes one.
 */
class FingerprintsTest {
    private static char[] normalized(String s) {
        return NormalizedText.of(s, null, null).chars();
    }

    private static int[] fingerprints(char[] s, CompareOptions o) {
        return Fingerprints.winnow(Fingerprints.kgrams(s, o.fingerprintChars()), o.window());
    }

    @Test
    void aSharedSeedLengthStringAlwaysSharesAFingerprint() throws Exception {
        CompareOptions o = CompareOptions.defaults();
        String a = Files.readString(Repo.samples().resolve("units/src/qingshi-town/2024.txt"), StandardCharsets.UTF_8);
        String b = Files.readString(Repo.samples().resolve("units/src/jc-univ-info/2023.txt"), StandardCharsets.UTF_8);
        String c = Files.readString(Repo.samples().resolve("units/src/dongfang-power-3/2025.txt"),
                StandardCharsets.UTF_8).replaceAll("[^\\p{IsHan}]", "");
        long seed = new Random().nextLong();
        System.out.println("FingerprintsTest seed " + seed);
        Random rnd = new Random(seed);
        for (int trial = 0; trial < 200; trial++) {
            int at = rnd.nextInt(c.length() - o.seedChars());
            String shared = c.substring(at, at + o.seedChars());
            String x = insert(a, shared, rnd);
            String y = insert(b, shared, rnd);
            int[] fx = fingerprints(normalized(x), o);
            int[] fy = fingerprints(normalized(y), o);
            assertTrue(Arrays.stream(fx).anyMatch(h -> Arrays.binarySearch(fy, h) >= 0),
                    "seed " + seed + ": no shared fingerprint for " + shared);
        }
    }

    private static String insert(String text, String s, Random rnd) {
        int at = rnd.nextInt(text.length());
        while (at > 0 && text.charAt(at - 1) != '。') {
            at--;
        }
        return text.substring(0, at) + s + "。" + text.substring(at);
    }

    @Test
    void kgramsAcrossABreakOrAMaskAreNoFingerprints() {
        char[] s = ("组织生活质量不高" + NormalizedText.BREAK + "党员参与积极性不高" + NormalizedText.MASK + "形式单一")
                .toCharArray();
        long[] h = Fingerprints.kgrams(s, 4);
        for (int i = 0; i < h.length; i++) {
            boolean crosses = false;
            for (int j = i; j < i + 4; j++) {
                crosses |= NormalizedText.gap(s[j]);
            }
            assertEquals(crosses, h[i] == Fingerprints.NONE, "k-gram at " + i);
        }
    }

    @Test
    void fingerprintsAreSortedDistinctAndDeterministic() {
        char[] s = normalized("全年主持党总支理论学习中心组学习12次，其中围绕党的二十届三中全会精神开展专题研讨4次。");
        int[] f = fingerprints(s, CompareOptions.defaults());
        assertTrue(f.length > 0);
        for (int i = 1; i < f.length; i++) {
            assertTrue(f[i - 1] < f[i]);
        }
        assertTrue(Arrays.equals(f, fingerprints(s, CompareOptions.defaults())));
    }
}
