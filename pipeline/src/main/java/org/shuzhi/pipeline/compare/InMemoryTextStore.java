package org.shuzhi.pipeline.compare;

import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link TextStore} in a concurrent hash map: about 2 bytes per character of text plus the paragraph arrays. */
public final class InMemoryTextStore implements TextStore {
    private final ConcurrentHashMap<String, ReportText> texts = new ConcurrentHashMap<>();

    @Override
    public void put(ReportText text) {
        texts.put(text.id(), text);
    }

    @Override
    public ReportText get(String id) {
        ReportText t = texts.get(id);
        if (t == null) {
            throw new NoSuchElementException("no text for " + id);
        }
        return t;
    }
}
