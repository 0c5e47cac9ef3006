package org.shuzhi.pipeline.profile;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import org.shuzhi.pipeline.model.Category;
import org.shuzhi.pipeline.model.RuleFamily;
import org.shuzhi.pipeline.model.RuleId;

/**
 * A notice profile: the writing rules of one 述职 notice, as in {@code dictionaries/profiles/<id>.yaml}. The YAML keys
 * are the record components below (and those of the nested records); every key marked required must be present,
 * every other may be omitted or {@code null}; unknown keys are errors. The format is documented with examples in
 * {@code dictionaries/README.md}.
 *
 * <p>Units are in the key names: {@code ...Chars} are 字数 by {@link #charCounting()}, {@code ...Share} are 0–1 of the
 * report's 字数, {@code ...Per1000Chars} are hits per 1000 字.
 *
 * @param id             the profile id, equal to the file name without {@code .yaml} (e.g. {@code s0}, {@code default})
 * @param name           Chinese name shown on the pages
 * @param source         the notice the rules come from
 * @param charCounting   how 字数 is counted
 * @param length         the length cap or target (R1)
 * @param proportions    shares and budgets of the parts (R2–R4, R5 budget); both readings where a notice contradicts
 *                       itself, each as its own rule
 * @param sections       the parts the report must contain (R5, R10, R14)
 * @param requiredTopics 必答题 (R13), may be empty
 * @param checks         thresholds of the quality checks (R6–R9, R12, R15, R16 and 套话)
 * @param gradeQuota     the notice's quota of the official grade (informational only; never applied to the text)
 */
public record Profile(@JsonProperty(required = true) String id, @JsonProperty(required = true) String name,
                      @JsonProperty(required = true) Source source,
                      @JsonProperty(required = true) CountingRule charCounting,
                      @JsonProperty(required = true) Length length,
                      @JsonProperty(required = true) List<Proportion> proportions,
                      @JsonProperty(required = true) List<SectionRule> sections,
                      List<Topic> requiredTopics, @JsonProperty(required = true) Checks checks,
                      GradeQuota gradeQuota) {

    public Profile {
        proportions = List.copyOf(proportions);
        sections = List.copyOf(sections);
        requiredTopics = requiredTopics == null ? List.of() : List.copyOf(requiredTopics);
        for (Proportion p : proportions) {
            if (p.conflictsWith() != null && proportions.stream().noneMatch(o -> o.rule().equals(p.conflictsWith()))) {
                throw new IllegalArgumentException("proportions: conflictsWith '" + p.conflictsWith()
                        + "' names no rule of this profile");
            }
        }
    }

    /**
     * The notice.
     *
     * @param seed           seed file name in {@code shared/seeds/}, or {@code DOMAIN.md §2} for the default
     * @param issuer         the issuing organisation
     * @param documentNumber 文号, e.g. 衡科院组通〔2026〕4号, or null
     * @param reportYear     the 述职 year the notice governs, or null
     */
    public record Source(@JsonProperty(required = true) String seed, @JsonProperty(required = true) String issuer,
                         String documentNumber, Integer reportYear) {
    }

    /**
     * R1.
     *
     * @param totalMaxChars    hard cap (字数以内 / 不超过), or null
     * @param totalTargetChars target (左右), or null
     * @param targetTolerance  allowed deviation from the target, 0–1 of the target (DOMAIN.md §2: ±10% for 左右)
     * @param source           the notice's wording
     */
    public record Length(Integer totalMaxChars, Integer totalTargetChars, Double targetTolerance,
                         @JsonProperty(required = true) String source) {
        public Length {
            positive("length.totalMaxChars", totalMaxChars);
            positive("length.totalTargetChars", totalTargetChars);
            unit("length.targetTolerance", targetTolerance);
            if (totalTargetChars != null && targetTolerance == null) {
                throw new IllegalArgumentException("length.targetTolerance is required with totalTargetChars");
            }
        }
    }

    /**
     * One share or budget rule over the 字数 of one or more paragraph categories. Exactly one bound is given.
     *
     * @param rule          stable rule id, {@code share.*} for shares or {@code budget.*} for 字数 budgets
     * @param categories    the categories whose 字数 are summed (e.g. problem + cause)
     * @param minShare      at least this share, 0–1
     * @param maxShare      at most this share, 0–1
     * @param targetShare   about this share (±tolerance), 0–1
     * @param minChars      at least this many 字
     * @param maxChars      at most this many 字
     * @param targetChars   about this many 字 (±tolerance)
     * @param tolerance     for target bounds: allowed deviation, 0–1 of the target
     * @param source        the notice's wording
     * @param conflictsWith the rule id of the other reading when the notice contradicts itself, or null
     * @param note          a remark shown with the finding (e.g. how the two readings differ), or null
     */
    public record Proportion(@JsonProperty(required = true) RuleId rule,
                             @JsonProperty(required = true) List<Category> categories, Double minShare,
                             Double maxShare, Double targetShare, Integer minChars, Integer maxChars,
                             Integer targetChars, Double tolerance, @JsonProperty(required = true) String source,
                             RuleId conflictsWith, String note) {
        public Proportion {
            if (rule.family() != RuleFamily.SHARE && rule.family() != RuleFamily.BUDGET || rule.name().isEmpty()) {
                throw new IllegalArgumentException("proportions.rule must look like share.x or budget.x: " + rule);
            }
            categories = List.copyOf(categories);
            if (categories.isEmpty()) {
                throw new IllegalArgumentException("proportions.categories must not be empty (" + rule + ")");
            }
            long bounds = java.util.stream.Stream.of(minShare, maxShare, targetShare, minChars, maxChars, targetChars)
                    .filter(Objects::nonNull).count();
            if (bounds != 1) {
                throw new IllegalArgumentException("proportions." + rule
                        + ": give exactly one of minShare, maxShare, targetShare, minChars, maxChars, targetChars");
            }
            unit("proportions.minShare", minShare);
            unit("proportions.maxShare", maxShare);
            unit("proportions.targetShare", targetShare);
            unit("proportions.tolerance", tolerance);
            positive("proportions.minChars", minChars);
            positive("proportions.maxChars", maxChars);
            positive("proportions.targetChars", targetChars);
            if ((targetShare != null || targetChars != null) && tolerance == null) {
                throw new IllegalArgumentException("proportions." + rule + ": tolerance is required with a target");
            }
        }
    }

    /**
     * A part the report must contain.
     *
     * @param kind        the part, as a paragraph category
     * @param required    true when its absence is a failure (false: reported as a hint only)
     * @param targetChars about this many 字 (e.g. the 150-字 self-assessment of S3#6), or null
     * @param tolerance   for {@code targetChars}: allowed deviation, 0–1
     * @param source      the notice's wording
     */
    public record SectionRule(@JsonProperty(required = true) Category kind,
                              @JsonProperty(required = true) Boolean required, Integer targetChars,
                              Double tolerance, @JsonProperty(required = true) String source) {
        public SectionRule {
            if (kind == Category.OTHER) {
                throw new IllegalArgumentException("sections.kind cannot be 'other'");
            }
            positive("sections.targetChars", targetChars);
            unit("sections.tolerance", tolerance);
            if (targetChars != null && tolerance == null) {
                throw new IllegalArgumentException("sections.tolerance is required with targetChars");
            }
        }
    }

    /**
     * A 必答题.
     *
     * @param id          stable id (the rule id is {@code required-topic.<id>})
     * @param title       the question as the notice words it
     * @param keywords    words that show the report answers it; matched in the achievement part
     * @param minKeywords how many different keywords must occur (1 or more)
     * @param requireHeading true when the notice asks for a part of its own (分题作答): answered only with a heading
     *                    that says 必答题 or names {@code minKeywords} keywords; keywords in the text alone then give
     *                    a WARN
     * @param source      the notice's wording
     */
    public record Topic(@JsonProperty(required = true) String id, @JsonProperty(required = true) String title,
                        @JsonProperty(required = true) List<String> keywords,
                        @JsonProperty(required = true) Integer minKeywords,
                        @JsonProperty(required = true) Boolean requireHeading,
                        @JsonProperty(required = true) String source) {
        public Topic {
            keywords = List.copyOf(keywords);
            if (!id.matches("[a-z0-9-]+")) {
                throw new IllegalArgumentException("requiredTopics.id must be lower-case letters, digits, '-': " + id);
            }
            if (minKeywords < 1 || minKeywords > keywords.size()) {
                throw new IllegalArgumentException("requiredTopics.minKeywords must be within 1–" + keywords.size());
            }
        }
    }

    /**
     * Thresholds of the quality checks. A check left out (null) is not part of this notice and is not run.
     *
     * @param vagueTerms   R6
     * @param stance       R7
     * @param causes       R8
     * @param plans        R9
     * @param data         R12
     * @param boilerplate  套话 density (DOMAIN.md §3(b), §4)
     * @param partyFocus   R16 (以全面工作代替党建工作)
     * @param problemDepth R15 (不能只找工作层面的问题)
     * @param originality  R11/R17 copy thresholds, used once copy detection feeds the assessment
     */
    public record Checks(VagueTerms vagueTerms, Stance stance, Causes causes, Plans plans, Data data,
                         Boilerplate boilerplate, PartyFocus partyFocus, ProblemDepth problemDepth,
                         OriginalityRule originality) {
    }

    /**
     * @param maxForbiddenInProblems most hits of 部分、一些、少数、有的 (and compounds) allowed in the problem and cause
     *                               paragraphs
     * @param maxVaguePer1000Chars   most vague-term hits per 1000 字 of the problem and cause paragraphs
     * @param source                 the notice's wording
     */
    public record VagueTerms(@JsonProperty(required = true) Integer maxForbiddenInProblems,
                             @JsonProperty(required = true) Double maxVaguePer1000Chars,
                             @JsonProperty(required = true) String source) {
    }

    /**
     * @param minFirstPersonShare  least share of first-person markers among first-person + collective markers, 0–1
     * @param maxDeflectedProblems most problem sentences that put the problem on others (下面、有的支部 …) without the
     *                             secretary as subject
     * @param source               the notice's wording
     */
    public record Stance(@JsonProperty(required = true) Double minFirstPersonShare,
                         @JsonProperty(required = true) Integer maxDeflectedProblems,
                         @JsonProperty(required = true) String source) {
        public Stance {
            unit("checks.stance.minFirstPersonShare", minFirstPersonShare);
        }
    }

    /**
     * @param minSubjectiveShare least share of subjective cause sentences among the cause sentences with a marker, 0–1
     * @param source             the notice's wording
     */
    public record Causes(@JsonProperty(required = true) Double minSubjectiveShare,
                         @JsonProperty(required = true) String source) {
        public Causes {
            unit("checks.causes.minSubjectiveShare", minSubjectiveShare);
        }
    }

    /**
     * @param minAnsweredShare least share of problem items that a plan item answers, 0–1
     * @param minConcreteShare least share of plan items with a deadline, a quantity or an owner, 0–1
     * @param source           the notice's wording
     */
    public record Plans(@JsonProperty(required = true) Double minAnsweredShare,
                        @JsonProperty(required = true) Double minConcreteShare,
                        @JsonProperty(required = true) String source) {
        public Plans {
            unit("checks.plans.minAnsweredShare", minAnsweredShare);
            unit("checks.plans.minConcreteShare", minConcreteShare);
        }
    }

    /**
     * @param minPer1000Chars least numbers + named entities per 1000 字 of the achievement paragraphs
     * @param source          the notice's wording
     */
    public record Data(@JsonProperty(required = true) Double minPer1000Chars,
                       @JsonProperty(required = true) String source) {
    }

    /**
     * @param maxPer1000Chars most 套话 hits per 1000 字 of the whole report
     * @param source          the notice's wording
     */
    public record Boilerplate(@JsonProperty(required = true) Double maxPer1000Chars,
                              @JsonProperty(required = true) String source) {
    }

    /**
     * @param minPartyShare least share of Party-building sentences among the achievement sentences that name either
     *                      Party building or general business, 0–1
     * @param source        the notice's wording
     */
    public record PartyFocus(@JsonProperty(required = true) Double minPartyShare,
                             @JsonProperty(required = true) String source) {
        public PartyFocus {
            unit("checks.partyFocus.minPartyShare", minPartyShare);
        }
    }

    /**
     * @param minSelfLevelProblems least problem items at the level of thinking, stance or the secretary's own conduct
     *                             (not only the work level)
     * @param source               the notice's wording
     */
    public record ProblemDepth(@JsonProperty(required = true) Integer minSelfLevelProblems,
                               @JsonProperty(required = true) String source) {
    }

    /**
     * @param maxCopiedShare   most share of the report copied from others or templates, 0–1
     * @param maxRecycledShare most share taken over from the same unit's earlier reports, 0–1
     * @param source           the notice's wording
     */
    public record OriginalityRule(@JsonProperty(required = true) Double maxCopiedShare,
                                  @JsonProperty(required = true) Double maxRecycledShare,
                                  @JsonProperty(required = true) String source) {
        public OriginalityRule {
            unit("checks.originality.maxCopiedShare", maxCopiedShare);
            unit("checks.originality.maxRecycledShare", maxRecycledShare);
        }
    }

    /**
     * The notice's quota of the official grade. Shown for information; the tool never assigns that grade.
     *
     * @param goodMaxShare most share of 好, 0–1, or null when the notice gives no number
     * @param note         the notice's wording on the other grades
     * @param source       the notice's wording
     */
    public record GradeQuota(Double goodMaxShare, String note, @JsonProperty(required = true) String source) {
        public GradeQuota {
            unit("gradeQuota.goodMaxShare", goodMaxShare);
        }
    }

    private static void unit(String key, Double v) {
        if (v != null && !(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(key + " must be within 0–1 (a share, not a percentage): " + v);
        }
    }

    private static void positive(String key, Integer v) {
        if (v != null && v <= 0) {
            throw new IllegalArgumentException(key + " must be a positive number of 字: " + v);
        }
    }
}
