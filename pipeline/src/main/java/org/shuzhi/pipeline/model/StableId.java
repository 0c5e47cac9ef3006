package org.shuzhi.pipeline.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * An enum's stable id, written once: the constant's name in lower case with {@code _} as {@code -} (e.g.
 * {@code unknown}, {@code self-assessment}, {@code not-applicable}): the one id convention of the JSON contract since
 * contract version 2 ({@link ReportDocument#CONTRACT_VERSION}). The JSON contract writes it ({@link JsonValue});
 * {@link #fromId} reads it, and also the ids of contract 1, which wrote some constants in snake case
 * ({@code self_assessment}, {@code not_applicable}) or upper case ({@code EMPTY}, {@code SCANNED_NO_TEXT}), so that
 * existing output folders can still be read. An enum whose JSON may hold such an old id declares a
 * {@code @JsonCreator} that calls {@link #fromId}.
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
     * @param id the stable id, or a contract-1 spelling of it (any case, {@code _} for {@code -}); surrounding
     *           whitespace ignored
     * @return the constant of {@code type} with this id
     * @throws IllegalArgumentException if none has it
     */
    static <E extends Enum<E> & StableId> E fromId(Class<E> type, String id) {
        String want = id.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (E e : type.getEnumConstants()) {
            if (e.id().equals(want)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + type.getSimpleName() + ": " + id);
    }
}
