package org.shuzhi.pipeline.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shuzhi.pipeline.Repo;
import org.shuzhi.pipeline.compare.CompareOptions;
import org.shuzhi.pipeline.compare.CorpusComparison;
import org.shuzhi.pipeline.compare.InMemoryTextStore;
import org.shuzhi.pipeline.model.Assessment;
import org.shuzhi.pipeline.model.Category;
import org.shuzhi.pipeline.model.CommentSentence;
import org.shuzhi.pipeline.model.Comparison;
import org.shuzhi.pipeline.model.Comparison.CopiedPassage;
import org.shuzhi.pipeline.model.Finding;
import org.shuzhi.pipeline.model.MetaValue;
import org.shuzhi.pipeline.model.Metadata;
import org.shuzhi.pipeline.model.Originality;
import org.shuzhi.pipeline.model.Paragraph;
import org.shuzhi.pipeline.model.QualityLevel;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.model.Section;
import org.shuzhi.pipeline.model.SourceKind;
import org.shuzhi.pipeline.model.Verdict;
import org.shuzhi.pipeline.model.RuleFamily;
import org.shuzhi.pipeline.model.RuleId;
import org.shuzhi.pipeline.run.Pipeline;

/**
 * The claim audit (issue 13): every sentence shuzhi generates about a report — the 点评, the finding messages and
 * evidence, the level reasons — is checked against facts recomputed here from the analysis data (paragraph
 * categories, sections, the raw text, comparison passages), independently of the drafting code, over every report of
 * corpus-samples/units (compared with each other and the 003 template) and over the tricky reports of
 * {@code src/test/resources/claims} (sections without numbering, merged sections, one-year units, copies both ways,
 * a 整改 paragraph that names nothing).
 */
class ClaimAuditTest {
    private static final Map<String, ReportDocument> SAMPLES = new LinkedHashMap<>();
    private static final Map<String, ReportDocument> TRICKY = new LinkedHashMap<>();

    @BeforeAll
    static void analyse() throws Exception {
        try (Pipeline p = Repo.pipeline()) {
            ReportDocument template = p.analyzeText("tpl-s3-3", Files.readString(
                    Repo.samples().resolve("sources/s3-3-landbureau-report.txt"), StandardCharsets.UTF_8));
            Map<String, ReportDocument> units = UnitCorpus.analysed();
            SAMPLES.putAll(compareAndAssess(units, template, Map.of()));
            Path dir = Path.of(ClaimAuditTest.class.getResource("/claims/manifest.csv").toURI()).getParent();
            List<String> rows = Files.readAllLines(dir.resolve("manifest.csv"), StandardCharsets.UTF_8);
            Map<String, ReportDocument> tricky = new LinkedHashMap<>();
            Map<String, String> profiles = new LinkedHashMap<>();
            for (String row : rows.subList(1, rows.size())) {
                String[] c = row.split(",", 6);
                String id = c[0].replace(".txt", "");
                ReportDocument d = p.analyzeText(id, Files.readString(dir.resolve(c[0]), StandardCharsets.UTF_8))
                        .withMetadata(new Metadata(new MetaValue(c[1], "manifest"), new MetaValue(c[2], "manifest"),
                                new MetaValue(c[3], "manifest"), Map.of()));
                tricky.put(id, d);
                profiles.put(id, c[4]);
            }
            TRICKY.putAll(compareAndAssess(tricky, template, profiles));
        }
    }

    private static Map<String, ReportDocument> compareAndAssess(Map<String, ReportDocument> docs,
                                                                ReportDocument template,
                                                                Map<String, String> profiles) {
        CorpusComparison cc = new CorpusComparison(CompareOptions.defaults().withThreads(1), Repo.dictionaries(),
                new InMemoryTextStore());
        cc.addTemplate(template);
        docs.values().forEach(cc::add);
        Map<String, Comparison> cs = cc.compare();
        Map<String, ReportDocument> out = new LinkedHashMap<>();
        for (ReportDocument d : docs.values()) {
            ReportDocument c = d.withComparison(cs.getOrDefault(d.id(), Comparison.NONE));
            out.put(d.id(), UnitCorpus.assessor().assess(c, profiles.get(d.id()), Originality.of(c.comparison())));
        }
        return out;
    }

    // ---- the audit ----------------------------------------------------------------------------------------------

    @Test
    void everyClaimAboutTheSampleReportsHolds() {
        List<String> wrong = new ArrayList<>();
        SAMPLES.values().forEach(d -> audit(d, SAMPLES, wrong));
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertTrue(SAMPLES.values().stream().filter(d -> d.assessment().assessed()).count() >= 30);
    }

    @Test
    void everyClaimAboutTheTrickyReportsHolds() {
        List<String> wrong = new ArrayList<>();
        TRICKY.values().forEach(d -> audit(d, TRICKY, wrong));
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        TRICKY.values().forEach(d -> assertTrue(d.assessment().assessed(), d.id() + " " + d.docType()));
    }

    private static void audit(ReportDocument d, Map<String, ReportDocument> corpus, List<String> wrong) {
        Assessment a = d.assessment();
        if (!a.assessed()) {
            return;
        }
        List<String> texts = new ArrayList<>();
        a.comment().stream().map(CommentSentence::text).forEach(texts::add);
        for (Finding f : a.findings()) {
            texts.add(f.message());
            texts.add(f.title());
            texts.addAll(f.evidence());
        }
        texts.addAll(a.levelReasons());
        for (String t : texts) {
            for (String bad : List.of("“”", "（）", "()", "null", "{", "}", "—", "、、", "““", "””", "如“未回应")) {
                if (t.contains(bad)) {
                    wrong.add(d.id() + ": broken text (" + bad + "): " + t);
                }
            }
            if (t.chars().filter(ch -> ch == '“').count() != t.chars().filter(ch -> ch == '”').count()) {
                wrong.add(d.id() + ": unbalanced quotation marks: " + t);
            }
            Matcher m = Pattern.compile("缺少(\\S{2,6}?)部分").matcher(t);
            while (m.find()) {
                Category c = category(m.group(1));
                if (c != null && partExists(d, c)) {
                    wrong.add(d.id() + ": says " + m.group() + " but the report has it: " + t);
                }
            }
            if (t.contains("未发现") && (t.contains("雷同") || t.contains("相同")) && !d.comparison().passages()
                    .isEmpty()) {
                wrong.add(d.id() + ": says nothing is shared but " + d.comparison().passages().size()
                        + " passages are: " + t);
            }
        }
        for (CommentSentence s : a.comment()) {
            String t = s.text();
            if (t.contains("取自他人") || t.contains("雷同（最多")) {
                if (d.comparison().passages().stream().noneMatch(p -> p.taken() && p.sourceKind().others())) {
                    wrong.add(d.id() + ": accuses of copying without a taken passage: " + t);
                }
            }
            if (t.contains("沿用往年") && s.part() == CommentSentence.Part.PROBLEM && d.comparison().passages()
                    .stream().noneMatch(p -> p.taken() && p.sourceKind() == SourceKind.OWN_EARLIER_YEAR)) {
                wrong.add(d.id() + ": says recycled without an earlier-year passage: " + t);
            }
        }
        for (CopiedPassage p : d.comparison().passages()) {
            auditDirection(d, p, corpus, wrong);
        }
        for (Comparison.ProblemCoverage pc : d.comparison().coverage()) {
            if (pc.status() != Comparison.ProblemCoverage.Status.ADDRESSED) {
                continue;
            }
            ReportDocument prev = corpus.get(pc.previousReportId());
            String prevPara = prev.paragraphs().get(pc.previousParagraph()).text();
            if (pc.sharedTerms().size() < 2) {
                wrong.add(d.id() + ": 整改 said to address a problem with fewer than two shared words: " + pc);
            }
            for (String w : pc.sharedTerms()) {
                if (!named(w, pc.text()) || !(named(w, pc.problem()) || named(w, prevPara))) {
                    wrong.add(d.id() + ": 整改 word “" + w + "” is not in both texts: " + pc.text() + " / "
                            + pc.problem());
                }
            }
        }
        List<Finding> hard = a.findings().stream().filter(f -> f.verdict() == Verdict.FAIL
                && EnumSet.of(RuleFamily.LENGTH, RuleFamily.STRUCTURE, RuleFamily.SHARE, RuleFamily.BUDGET)
                .contains(f.rule().family())).toList();
        boolean anyFail = a.findings().stream().anyMatch(f -> f.verdict() == Verdict.FAIL);
        if (anyFail && a.level() == QualityLevel.MEETS) {
            wrong.add(d.id() + ": level 文本符合要求 with a 不符合 finding");
        }
        long hardRules = hard.stream().map(f -> f.rule().name()).distinct().count();
        if (hardRules >= 2 && a.level().ordinal() < QualityLevel.REVISE.ordinal()) {
            wrong.add(d.id() + ": " + hard.size() + " hard 不符合 but level " + a.level());
        }
        if (a.level() != a.scoreLevel()) {
            for (RuleId rule : a.cappedBy()) {
                String title = a.finding(rule).title();
                if (a.levelReasons().stream().noneMatch(r -> r.contains(title))) {
                    wrong.add(d.id() + ": the level was capped by " + rule + " but the reasons do not say so");
                }
            }
            if (a.cappedBy().isEmpty()) {
                wrong.add(d.id() + ": level differs from the score's without a capping finding");
            }
        }
    }

    /** A passage said to be taken from a same-year (or undated) report must carry evidence that holds. */
    private static void auditDirection(ReportDocument d, CopiedPassage p, Map<String, ReportDocument> corpus,
                                       List<String> wrong) {
        if (p.sourceKind() == SourceKind.TEMPLATE || !p.taken()) {
            if (p.direction() == Comparison.Direction.GIVEN) {
                ReportDocument src = corpus.get(p.sourceId());
                boolean mirrored = src.comparison().passages().stream().anyMatch(q -> q.sourceId().equals(d.id())
                        && q.span().equals(p.sourceSpan()) && q.taken());
                if (!mirrored) {
                    wrong.add(d.id() + ": passage given to " + p.sourceId() + " which does not hold it as taken");
                }
            }
            return;
        }
        boolean earlier = p.sourceYear() != null && d.year() != null && p.sourceYear() < d.year();
        if (earlier) {
            return;
        }
        if (p.directionEvidence().isEmpty()) {
            wrong.add(d.id() + ": taken from same-year " + p.sourceId() + " without evidence");
            return;
        }
        ReportDocument src = corpus.get(p.sourceId());
        String own = letters(d.text().substring(0, p.span().start()) + "\n" + d.text().substring(p.span().end()));
        String theirs = letters(src.text().substring(0, p.sourceSpan().start()) + "\n"
                + src.text().substring(p.sourceSpan().end()));
        String passage = letters(p.text());
        for (String ev : p.directionEvidence()) {
            Matcher m = Pattern.compile("“([^”]+)”").matcher(ev);
            boolean any = false;
            while (m.find()) {
                any = true;
                String term = letters(m.group(1));
                boolean name = ev.contains("名称");
                boolean holds = passage.contains(term) && (name
                        ? (src.unit() != null && src.unit().contains(term)) || (src.secretary() != null
                        && src.secretary().contains(term))
                        : theirs.contains(term) && !own.contains(term));
                if (!holds) {
                    wrong.add(d.id() + ": direction evidence does not hold: " + ev);
                }
            }
            if (!any) {
                wrong.add(d.id() + ": direction evidence names nothing: " + ev);
            }
        }
    }

    // ---- the tricky reports, one by one ---------------------------------------------------------------------------

    @Test
    void theReportCopiedFromIsNotAccusedTheCopierIs() {
        ReportDocument a = TRICKY.get("hongqi-2024");
        ReportDocument b = TRICKY.get("qingshan-2024");
        assertTrue(b.comparison().passages().stream().filter(p -> p.sourceId().equals(a.id()))
                .allMatch(CopiedPassage::taken), "B took A's paragraphs: " + b.comparison().passages());
        assertTrue(b.comparison().passages().stream().anyMatch(p -> p.sourceId().equals(a.id())));
        assertTrue(a.comparison().passages().stream().filter(p -> p.sourceId().equals(b.id()))
                .allMatch(p -> p.direction() == Comparison.Direction.GIVEN));
        assertEquals(0, a.comparison().copyStats().copyRatio(), 1e-9);
        assertTrue(a.comparison().copyStats().givenRatio() > 0.1);
        assertTrue(b.comparison().copyStats().copyRatio() > 0.1);
        assertEquals(Verdict.PASS, a.assessment().finding(RuleId.ORIGINALITY_COPIED).verdict());
        assertEquals(Verdict.FAIL, b.assessment().finding(RuleId.ORIGINALITY_COPIED).verdict());
        assertTrue(b.assessment().comment().stream().anyMatch(s -> s.text().contains("红旗镇党委")),
                b.assessment().comment().toString());
        assertTrue(a.assessment().comment().stream().noneMatch(s -> s.text().contains("取自他人")
                || s.text().contains("青山")), a.assessment().comment().toString());
        // the source shows both reports and the evidence
        assertTrue(a.comparison().passages().stream().anyMatch(p -> p.sourceUnit().equals("青山镇党委")
                && !p.directionEvidence().isEmpty()));
    }

    @Test
    void aSymmetricShareWithoutEvidenceIsUnknownAndCountsAlikeForBoth() {
        ReportDocument n = TRICKY.get("nanhu-2024");
        ReportDocument b = TRICKY.get("beihu-2024");
        for (ReportDocument x : List.of(n, b)) {
            String other = x == n ? b.id() : n.id();
            List<CopiedPassage> ps = x.comparison().passages().stream().filter(p -> p.sourceId().equals(other))
                    .toList();
            assertFalse(ps.isEmpty(), x.id());
            assertTrue(ps.stream().allMatch(p -> p.direction() == Comparison.Direction.UNKNOWN), ps.toString());
            assertEquals(0, x.comparison().copyStats().copyRatio(), 1e-9, x.id());
            assertTrue(x.comparison().copyStats().sharedRatio() > 0);
            assertEquals(Verdict.PASS, x.assessment().finding(RuleId.ORIGINALITY_COPIED).verdict());
            Finding shared = x.assessment().finding(RuleId.ORIGINALITY_SHARED);
            assertTrue(shared.message().contains("方向不明"), shared.message());
            assertTrue(x.assessment().comment().stream().noneMatch(s -> s.text().contains("未发现")));
        }
        assertEquals(n.assessment().finding(RuleId.ORIGINALITY_SHARED).verdict(),
                b.assessment().finding(RuleId.ORIGINALITY_SHARED).verdict());
    }

    @Test
    void aRectificationThatNamesNothingIsNotSaidToAddressARepeatedProblem() {
        ReportDocument x = TRICKY.get("xiyuan-2024");
        List<Comparison.ProblemCoverage> cov = x.comparison().coverage();
        assertFalse(cov.isEmpty());
        // the 整改 paragraph of 2024 speaks of study and a reading room; it names none of 2023's problems, two of
        // which recur in 2024 (老年党员, 议事规则)
        assertTrue(cov.stream().filter(Comparison.ProblemCoverage::repeated).count() >= 1,
                "problems recur in 2024: " + x.comparison().yearOverYear());
        for (Comparison.ProblemCoverage c : cov) {
            assertEquals(Comparison.ProblemCoverage.Status.NOT_MENTIONED, c.status(), c.toString());
        }
    }

    @Test
    void aShortReportIsCappedByItsLengthAndThePageSaysSo() {
        for (ReportDocument d : TRICKY.values()) {
            Assessment a = d.assessment();
            List<Finding> hard = a.findings().stream().filter(QualityScorer::hardFail).toList();
            if (!hard.isEmpty()) {
                assertNotEquals(QualityLevel.MEETS, a.level(), d.id());
            }
        }
        Assessment h = TRICKY.get("hongqi-2024").assessment();
        Finding len = h.findings().stream().filter(f -> f.rule().family() == RuleFamily.LENGTH).findFirst().orElseThrow();
        assertEquals(Verdict.FAIL, len.verdict(), len.message());
    }

    @Test
    void unnumberedAndMergedSectionsAreNotCalledMissing() {
        for (String id : List.of("qingshan-2024", "beihu-2024")) {
            Assessment a = TRICKY.get(id).assessment();
            for (Category part : List.of(Category.PROBLEM, Category.CAUSE, Category.PLAN)) {
                Finding f = a.finding(RuleId.structure(part));
                assertEquals(Verdict.PASS, f.verdict(), id + " " + f.message());
            }
        }
    }

    // ---- independent recomputation ------------------------------------------------------------------------------

    private static Category category(String label) {
        for (Category c : Category.values()) {
            if (c.label().equals(label)) {
                return c;
            }
        }
        return null;
    }

    private static final Map<Category, Pattern> HEADING = Map.of(
            Category.ACHIEVEMENT, Pattern.compile("做法|成效|成绩|工作情况|履职情况"),
            Category.PROBLEM, Pattern.compile("问题|不足"),
            Category.CAUSE, Pattern.compile("原因|根源"),
            Category.PLAN, Pattern.compile("打算|计划|思路|措施|方向"),
            Category.SELF_ASSESSMENT, Pattern.compile("自我评价|自评"),
            Category.RECTIFICATION, Pattern.compile("整改"));

    /**
     * @return true when a paragraph of the category exists, a section is of that kind, or a short line of the raw
     *         text names the part (三、下一步打算 / 下一步打算 / 二、存在问题及原因剖析)
     */
    private static boolean partExists(ReportDocument d, Category c) {
        for (Paragraph p : d.paragraphs()) {
            if (p.category() == c) {
                return true;
            }
        }
        for (Section s : d.sections()) {
            if (s.kinds().contains(c)) {
                return true;
            }
        }
        Pattern h = HEADING.get(c);
        if (h == null) {
            return false;
        }
        for (String line : d.text().split("\n")) {
            String l = line.strip().replaceFirst("^[（(]?[一二三四五六七八九十0-9]+[、.．)）]\\s*", "");
            if (l.length() <= 16 && !l.endsWith("。") && h.matcher(l).find()
                    && (c == Category.RECTIFICATION || !l.contains("整改"))) {
                return true;
            }
        }
        return false;
    }

    /** @return whether the text holds the canonical word or a surface form that yoy-synonyms.txt folds into it */
    private static boolean named(String canonical, String text) {
        return text.contains(canonical) || Repo.dictionaries().list("yoy-synonyms").entries().stream()
                .anyMatch(e -> canonical.equals(e.column(0)) && text.contains(e.term()));
    }

    private static String letters(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
        return b.toString();
    }
}
