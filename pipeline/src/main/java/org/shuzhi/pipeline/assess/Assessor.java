package org.shuzhi.pipeline.assess;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.model.Assessment;
import org.shuzhi.pipeline.model.Category;
import org.shuzhi.pipeline.model.DocType;
import org.shuzhi.pipeline.model.Finding;
import org.shuzhi.pipeline.model.Originality;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.model.RuleFamily;
import org.shuzhi.pipeline.model.RuleId;
import org.shuzhi.pipeline.profile.Profile;
import org.shuzhi.pipeline.profile.Profiles;

/**
 * The quality analysis of one report against its notice profile (issue 7). Runs after the per-document analysis and
 * after the corpus comparison (which supplies {@link Originality}), before outputs are written.
 *
 * <p>Findings come in this order: structure ({@link StructureCheck}), proportions ({@link ProportionCheck}),
 * concreteness ({@link ConcretenessCheck}), stance ({@link StanceCheck}), causes ({@link CauseCheck}), plans
 * ({@link PlanCheck}), originality ({@link OriginalityCheck}); then {@link QualityScorer} and {@link CommentDrafter}.
 * Only documents of type {@link DocType#REPORT} that were read are assessed; others get
 * {@link Assessment#notAssessed(String)} with the reason.
 *
 * <p>Immutable and thread-safe; needs the sentences' tokens, so it must run in the process that analysed the text.
 */
public final class Assessor {
    private final Profiles profiles;
    private final List<Check> checks;
    private final OriginalityCheck originality = new OriginalityCheck();
    private final QualityScorer scorer = new QualityScorer();
    private final CommentDrafter drafter;

    /**
     * @throws IllegalArgumentException if a term list the assessment needs is missing from {@code dict}
     */
    public Assessor(Dictionaries dict, Profiles profiles) {
        AssessmentLists lists = AssessmentLists.from(dict);
        this.profiles = profiles;
        this.checks = List.of(new StructureCheck(), new ProportionCheck(), new ConcretenessCheck(lists),
                new StanceCheck(), new CauseCheck(lists), new PlanCheck(lists));
        this.drafter = new CommentDrafter(lists);
    }

    /** @return the profiles this assessor chooses from */
    public Profiles profiles() {
        return profiles;
    }

    /**
     * Assesses {@code doc} against the profile {@link Profiles#choose chosen} for it.
     *
     * @param runProfile  the run's {@code --profile}, or null to use the manifest's column or the default
     * @param originality what copy detection found, or null when the report was not compared
     * @return {@code doc} with its assessment
     * @throws IllegalArgumentException if {@code runProfile} names no profile
     */
    public ReportDocument assess(ReportDocument doc, String runProfile, Originality originality) {
        if (!doc.ok()) {
            return doc.withAssessment(Assessment.notAssessed("文件无法读取，未评估"));
        }
        if (doc.docType() == DocType.OTHER) {
            return doc.withAssessment(Assessment.notAssessed("此文件没有述职报告的文字（" + doc.docTypeDecision()
                    .evidence().stream().findFirst().map(e -> e.detail()).orElse("判定为其他文本")
                    + "），不计算类别比例，也不评估"));
        }
        if (doc.docType() != DocType.REPORT) {
            return doc.withAssessment(Assessment.notAssessed("此文件判定为“" + doc.docType().label()
                    + "”，不是述职报告，不计算类别比例，也不按通知要求评估"));
        }
        return doc.withAssessment(assessWith(doc, profiles.choose(doc, runProfile), originality));
    }

    /**
     * Assesses a report against a given profile.
     *
     * @param doc         an analysed report (categories, sentences with tokens and features)
     * @param choice      the profile and why it was chosen
     * @param originality what copy detection found, or null
     */
    public Assessment assessWith(ReportDocument doc, Profiles.Choice choice, Originality originality) {
        Profile p = choice.profile();
        ReportView view = new ReportView(doc, p.charCounting());
        List<Finding> findings = new ArrayList<>();
        for (Check c : checks) {
            findings.addAll(c.check(view, p));
        }
        findings.addAll(this.originality.check(p, originality, doc.extraction().fromOcr()));
        findings.replaceAll(f -> {
            String t = drafter.template(f.rule(), "title");
            return f.withTitle(t == null ? f.rule().id() : t.replace("{label}", label(p).apply(f)));
        });
        QualityScorer.Result r = scorer.score(findings);
        List<String> reasons = new ArrayList<>(r.reasons());
        if (!choice.note().isEmpty()) {
            reasons.add(choice.note());
        }
        return new Assessment(p.id(), p.name(), choice.origin(), p.charCounting().id(), view.totalChars, findings,
                r.scores(), r.overall(), r.level(), reasons, drafter.draft(findings, label(p), originality), originality,
                "", r.scoreLevel(), r.cappedBy());
    }

    private static Function<Finding, String> label(Profile p) {
        return f -> {
            RuleId rule = f.rule();
            if (rule.family() == RuleFamily.STRUCTURE) {
                return Category.fromId(rule.name()).label();
            }
            if (rule.family() == RuleFamily.REQUIRED_TOPIC) {
                return p.requiredTopics().stream().filter(t -> t.id().equals(rule.name())).map(Profile.Topic::title)
                        .findFirst().orElse(rule.name());
            }
            for (Profile.Proportion q : p.proportions()) {
                if (q.rule().equals(rule)) {
                    return ProportionCheck.label(q.categories());
                }
            }
            return f.dimension().label();
        };
    }
}
