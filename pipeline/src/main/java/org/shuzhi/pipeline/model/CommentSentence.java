package org.shuzhi.pipeline.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * One sentence of the draft 点评, built from findings (DOMAIN.md §7: 肯定成绩 / 指出问题 / 提出要求).
 *
 * @param part  which part of the 点评 it belongs to
 * @param text  the sentence, Chinese
 * @param rules the rule ids of the findings it was built from (never empty)
 */
public record CommentSentence(Part part, String text, List<RuleId> rules) {
    public CommentSentence {
        rules = List.copyOf(rules);
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("a 点评 sentence must name the findings it is built from");
        }
    }

    /** The three parts of a 点评, in order. */
    public enum Part {
        /** 肯定成绩. */
        AFFIRM("肯定成绩"),
        /** 指出问题. */
        PROBLEM("指出问题"),
        /** 提出要求. */
        REQUIRE("提出要求");

        private final String label;

        Part(String label) {
            this.label = label;
        }

        /** @return the lower-case id used in JSON */
        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @return the Chinese heading of the part */
        public String label() {
            return label;
        }
    }
}
