package org.shuzhi.app.render;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * The one Pebble configuration of every page and report: templates from the classpath ({@code templates/…}),
 * HTML autoescaping of everything written with {@code {{ }}} (Pebble's default), strict variables (a misspelt
 * variable is an error, not an empty string), Chinese locale. Thread-safe.
 */
public final class Templates {
    private static final PebbleEngine ENGINE = new PebbleEngine.Builder().strictVariables(true).build();

    private Templates() {
    }

    /**
     * @param name a classpath path such as {@code templates/report.peb}
     * @throws io.pebbletemplates.pebble.error.PebbleException if the template is missing or does not parse
     */
    public static PebbleTemplate load(String name) {
        return ENGINE.getTemplate(name);
    }

    /** @return the template evaluated with {@code model} */
    public static String render(PebbleTemplate template, Map<String, Object> model) {
        StringWriter w = new StringWriter();
        try {
            template.evaluate(w, model, Locale.SIMPLIFIED_CHINESE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }
}
