package org.shuzhi.pipeline.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shuzhi.pipeline.Repo;
import org.shuzhi.pipeline.model.Category;
import org.shuzhi.pipeline.model.RuleId;

/** The repository's notice profiles load, carry their sources and both readings; malformed profiles are rejected. */
class ProfilesTest {
    @TempDir
    Path tmp;

    private static Profiles repo() {
        return Profiles.load(Repo.root().resolve("dictionaries"));
    }

    @Test
    void oneProfilePerSeedNoticeAndTheDefault() {
        Profiles p = repo();
        assertEquals(List.of("default", "s0", "s1", "s2", "s3-6", "s4"), p.ids());
        assertEquals("衡科院组通〔2026〕4号", p.get("s0").source().documentNumber());
        assertEquals("周职党〔2024〕45号", p.get("s1").source().documentNumber());
        assertEquals("沪开大委〔2023〕42号", p.get("s2").source().documentNumber());
        assertEquals(2500, p.get("s3-6").length().totalMaxChars());
        assertEquals(0.30, p.get("s1").gradeQuota().goodMaxShare());
        for (String id : p.ids()) {
            Profile profile = p.get(id);
            assertTrue(Files.exists(Repo.root().resolve("dictionaries/profiles/" + id + ".yaml")));
            profile.proportions().forEach(q -> assertTrue(!q.source().isBlank(), id + " " + q.rule()));
            profile.sections().forEach(s -> assertTrue(!s.source().isBlank(), id + " " + s.kind()));
        }
    }

    @Test
    void seed000KeepsBothReadingsOfItsContradictions() {
        Profile s0 = repo().get("s0");
        Profile.Proportion share = rule(s0, "share.achievement-max");
        Profile.Proportion budget = rule(s0, "budget.achievement-max");
        assertEquals(0.30, share.maxShare());
        assertEquals(1000, budget.maxChars());
        assertEquals(RuleId.parse("budget.achievement-max"), share.conflictsWith());
        assertEquals(RuleId.parse("share.achievement-max"), budget.conflictsWith());
        assertEquals(0.50, rule(s0, "share.problem-cause-min").minShare());
        assertEquals(1000, rule(s0, "budget.problem-cause-min").minChars());
        assertEquals(0.30, rule(s0, "share.problem-min").minShare());
    }

    @Test
    void seed004BudgetsAndSeed36SelfAssessment() {
        Profiles p = repo();
        assertEquals(1500, rule(p.get("s4"), "budget.achievement-target").targetChars());
        assertEquals(900, rule(p.get("s4"), "budget.problem-cause-min").minChars());
        assertEquals(600, rule(p.get("s4"), "budget.plan-target").targetChars());
        assertNotNull(p.get("s4").checks().problemDepth());
        Profile.SectionRule self = p.get("s3-6").sections().stream()
                .filter(s -> s.kind() == Category.SELF_ASSESSMENT).findFirst().orElseThrow();
        assertEquals(150, self.targetChars());
        assertTrue(self.required());
    }

    @Test
    void unknownKeyIsAnErrorNamingFileKeyAndLine() throws Exception {
        Path f = copyWith("s2", "  stance:\n", "  stance:\n    minFirstPersonShar: 0.4\n");
        ProfileException e = assertThrows(ProfileException.class, () -> Profiles.read(f));
        assertEquals(f, e.file());
        assertEquals("checks.stance.minFirstPersonShar", e.key());
        assertEquals(lineOf(f, "minFirstPersonShar:"), e.line());
        assertTrue(e.getMessage().contains("minFirstPersonShare"), "lists the allowed keys: " + e.getMessage());
    }

    @Test
    void missingRequiredKeyIsAnError() throws Exception {
        Path f = copyWith("s0", "charCounting: letters-digits\n", "");
        ProfileException e = assertThrows(ProfileException.class, () -> Profiles.read(f));
        assertEquals("charCounting", e.key());
        assertTrue(e.line() > 0);
    }

    @Test
    void requiredKeyWithoutValueIsAnError() throws Exception {
        Path f = copyWith("s2", "    minSubjectiveShare: 0.5\n", "    minSubjectiveShare: null\n");
        ProfileException e = assertThrows(ProfileException.class, () -> Profiles.read(f));
        assertEquals("checks.causes.minSubjectiveShare", e.key());
        assertEquals(lineOf(f, "minSubjectiveShare:"), e.line());
    }

    @Test
    void aPercentageWhereAShareBelongsIsAnError() throws Exception {
        Path f = copyWith("s2", "    maxShare: 0.3334\n", "    maxShare: 33\n");
        ProfileException e = assertThrows(ProfileException.class, () -> Profiles.read(f));
        assertTrue(e.getMessage().contains("0–1"), e.getMessage());
        assertTrue(e.key().startsWith("proportions"), e.key());
        assertTrue(e.line() > 0);
    }

    @Test
    void idMustMatchTheFileName() throws Exception {
        Path f = copyWith("s2", "id: s2\n", "id: s9\n");
        assertThrows(ProfileException.class, () -> Profiles.read(f));
    }

    @Test
    void runOptionNamingNoProfileIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> repo().get("s7"));
        assertTrue(e.getMessage().contains("s0"), e.getMessage());
    }

    private Path copyWith(String id, String from, String to) throws Exception {
        String yaml = Files.readString(Repo.root().resolve("dictionaries/profiles/" + id + ".yaml"));
        assertTrue(yaml.contains(from), "fixture text not in " + id + ": " + from);
        Path f = tmp.resolve(id + ".yaml");
        Files.writeString(f, yaml.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)), StandardCharsets.UTF_8);
        return f;
    }

    private static int lineOf(Path f, String text) throws Exception {
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text);
    }

    private static Profile.Proportion rule(Profile p, String rule) {
        return p.proportions().stream().filter(q -> q.rule().equals(RuleId.parse(rule))).findFirst().orElseThrow();
    }
}
