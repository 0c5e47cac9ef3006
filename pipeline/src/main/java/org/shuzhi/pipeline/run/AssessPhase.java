package org.shuzhi.pipeline.run;

import java.nio.file.Path;
import org.shuzhi.pipeline.assess.Assessor;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.model.Originality;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.profile.Profiles;

/**
 * The assess phase of a run: loads the notice profiles once, checks the run's {@code --profile} up front, and
 * assesses each report. Call {@link #assess} per report after the corpus comparison (pass what copy detection found as
 * {@link Originality}, or null) and before writing its outputs. Thread-safe.
 */
public final class AssessPhase {
    private final Assessor assessor;
    private final String runProfile;

    /**
     * @param dict       the run's dictionaries (their folder holds {@code profiles/})
     * @param runProfile the {@code --profile} option, or null
     * @throws org.shuzhi.pipeline.profile.ProfileException if a profile file is malformed
     * @throws IllegalArgumentException if {@code runProfile} names no profile (Chinese message listing the ids)
     */
    public AssessPhase(Dictionaries dict, String runProfile) {
        Profiles profiles = Profiles.load(dict.root());
        if (runProfile != null) {
            profiles.get(runProfile);
        }
        this.assessor = new Assessor(dict, profiles);
        this.runProfile = runProfile;
    }

    /** @return the folder that holds the profiles */
    public static Path profilesOf(Dictionaries dict) {
        return dict.root().resolve("profiles");
    }

    /**
     * @param doc         an analysed document (any type; non-reports come back marked as not assessed)
     * @param originality what copy detection found for it, or null when not compared
     * @return the document with its assessment
     */
    public ReportDocument assess(ReportDocument doc, Originality originality) {
        return assessor.assess(doc, runProfile, originality);
    }
}
