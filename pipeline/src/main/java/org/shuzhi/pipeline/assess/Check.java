package org.shuzhi.pipeline.assess;

import java.util.List;
import org.shuzhi.pipeline.model.Finding;
import org.shuzhi.pipeline.profile.Profile;

/** A group of rules of one dimension. Implementations are immutable and thread-safe. */
interface Check {
    /** @return the findings of {@code report} under {@code profile}, in a stable order; may be empty */
    List<Finding> check(ReportView report, Profile profile);
}
