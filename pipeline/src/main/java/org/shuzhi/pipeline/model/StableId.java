package org.shuzhi.pipeline.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * An enum's stable id, written once: the constant's name in lower case with {@code _} as {@code -} (e.g.
 * {@code unknown}, {@code heading}). The JSON contract writes and reads it (Jackson maps the {@link JsonValue} back
 * to the constant); {@link #fromId} reads it elsewhere.
 */
public interface StableId {
    /** @return the enum constant's name (every enum has it) */
    String name();

    /** @return the stable id */
    @JsonValue
    default String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @return the constant of {@code type} whose {@link #id()} is {@code id} (surrounding whitespace ignored)
     * @throws IllegalArgumentException if none has it
     */
    static <E extends Enum<E> & StableId> E fromId(Class<E> type, String id) {
        String want = id.strip();
        for (E e : type.getEnumConstants()) {
            if (e.id().equals(want)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + type.getSimpleName() + ": " + id);
    }
}
