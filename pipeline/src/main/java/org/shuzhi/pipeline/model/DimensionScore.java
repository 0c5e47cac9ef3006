package org.shuzhi.pipeline.model;

import java.util.List;

/**
 * The score of one dimension.
 *
 * @param dimension the dimension
 * @param score     0–100, or null when the dimension was not assessed (no applicable finding; originality before the
 *                  corpus comparison)
 * @param formula   how the score was computed, in Chinese, with the numbers used
 * @param rules     the rule ids of the findings that went into it
 */
public record DimensionScore(Dimension dimension, Double score, String formula, List<RuleId> rules) {
    public DimensionScore {
        rules = List.copyOf(rules);
    }

    /** @return true when a score was computed */
    public boolean assessed() {
        return score != null;
    }
}
