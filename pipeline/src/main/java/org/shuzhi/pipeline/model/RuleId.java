package org.shuzhi.pipeline.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The stable id of a quality-analysis rule, written {@code <family>.<name>} (e.g. {@code plan.answers-problems}); the
 * JSON contract writes and reads that string. The rules the code defines are the constants below; three families
 * take their names from data: {@code structure.<category id>} ({@link #structure}), {@code required-topic.<topic id>}
 * ({@link #requiredTopic}) and the profile's {@code share.*} / {@code budget.*} rules.
 *
 * @param family the family, the part before the first dot
 * @param name   the rest: lower-case letters, digits, {@code -} and inner dots ({@code _} is read as {@code -}, as
 *               contract 1 wrote {@code structure.self_assessment}); empty for the family as a whole (see
 *               {@link #within})
 */
public record RuleId(RuleFamily family, String name) {
    /** Declared before the constants, which it checks. */
    private static final Pattern NAME = Pattern.compile("([a-z0-9-]+(\\.[a-z0-9-]+)*)?");

    public static final RuleId LENGTH_TOTAL_MAX = new RuleId(RuleFamily.LENGTH, "total-max");
    public static final RuleId LENGTH_TOTAL_TARGET = new RuleId(RuleFamily.LENGTH, "total-target");
    public static final RuleId BUDGET_SELF_ASSESSMENT = new RuleId(RuleFamily.BUDGET, "self-assessment");
    public static final RuleId DATA_ACHIEVEMENT_DENSITY = new RuleId(RuleFamily.DATA, "achievement-density");
    public static final RuleId VAGUE_FORBIDDEN_IN_PROBLEMS = new RuleId(RuleFamily.VAGUE, "forbidden-in-problems");
    public static final RuleId VAGUE_PROBLEM_DENSITY = new RuleId(RuleFamily.VAGUE, "problem-density");
    public static final RuleId BOILERPLATE_DENSITY = new RuleId(RuleFamily.BOILERPLATE, "density");
    public static final RuleId FOCUS_PARTY_BUILDING = new RuleId(RuleFamily.FOCUS, "party-building");
    public static final RuleId STANCE_FIRST_PERSON = new RuleId(RuleFamily.STANCE, "first-person");
    public static final RuleId STANCE_DEFLECTED_PROBLEMS = new RuleId(RuleFamily.STANCE, "deflected-problems");
    public static final RuleId CAUSE_SUBJECTIVE = new RuleId(RuleFamily.CAUSE, "subjective");
    public static final RuleId CAUSE_OBJECTIVE_FIRST = new RuleId(RuleFamily.CAUSE, "objective-first");
    public static final RuleId PROBLEM_DEPTH = new RuleId(RuleFamily.PROBLEM, "depth");
    public static final RuleId PLAN_ANSWERS_PROBLEMS = new RuleId(RuleFamily.PLAN, "answers-problems");
    public static final RuleId PLAN_CONCRETENESS = new RuleId(RuleFamily.PLAN, "concreteness");
    public static final RuleId ORIGINALITY_COPIED = new RuleId(RuleFamily.ORIGINALITY, "copied");
    public static final RuleId ORIGINALITY_RECYCLED = new RuleId(RuleFamily.ORIGINALITY, "recycled");
    public static final RuleId ORIGINALITY_SHARED = new RuleId(RuleFamily.ORIGINALITY, "shared");

    /** @throws IllegalArgumentException if {@code name} is not lower-case letters, digits, -, _ and inner dots */
    public RuleId {
        Objects.requireNonNull(family, "family");
        name = name.replace('_', '-');
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad rule name: " + family.id() + "." + name);
        }
    }

    /** @return {@code structure.<id of c>}: the rule that the part {@code c} is there */
    public static RuleId structure(Category c) {
        return new RuleId(RuleFamily.STRUCTURE, c.id());
    }

    /** @return {@code required-topic.<topicId>}: the rule that the 必答题 {@code topicId} is answered */
    public static RuleId requiredTopic(String topicId) {
        return new RuleId(RuleFamily.REQUIRED_TOPIC, topicId);
    }

    /** @return the family as a whole (empty name), for {@link #within} */
    public static RuleId any(RuleFamily family) {
        return new RuleId(family, "");
    }

    /** @return true when this is {@code key}, or {@code key} is a whole family ({@link #any}) this rule belongs to */
    public boolean within(RuleId key) {
        return equals(key) || key.name.isEmpty() && key.family == family;
    }

    /** @return the stable id, e.g. {@code share.achievement-max}; the family's id alone for a whole family */
    @JsonValue
    public String id() {
        return name.isEmpty() ? family.id() : family.id() + "." + name;
    }

    /**
     * @param id a rule id as {@link #id()} writes it
     * @throws IllegalArgumentException if the family is unknown or the name malformed
     */
    @JsonCreator
    public static RuleId parse(String id) {
        String s = id.strip();
        int dot = s.indexOf('.');
        RuleFamily family = StableId.fromId(RuleFamily.class, dot < 0 ? s : s.substring(0, dot));
        return new RuleId(family, dot < 0 ? "" : s.substring(dot + 1));
    }

    @Override
    public String toString() {
        return id();
    }
}
