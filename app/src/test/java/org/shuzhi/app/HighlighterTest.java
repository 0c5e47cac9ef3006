package org.shuzhi.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.shuzhi.app.render.Highlighter;
import org.shuzhi.pipeline.model.Span;

class HighlighterTest {
    @Test
    void overlappingMarksSplitIntoRunsThatCoverTheTextExactly() {
        String text = "部分党员学习不够深入。";
        List<Highlighter.Run> runs = Highlighter.runs(text, 0, text.length(), List.of(
                new Highlighter.Mark(new Span(0, 4), "vague", "模糊"),
                new Highlighter.Mark(new Span(2, 6), "ent", "具名")));
        assertEquals(List.of("部分", "党员", "学习", "不够深入。"), runs.stream().map(Highlighter.Run::text).toList());
        assertEquals(List.of("vague", "vague ent", "ent", ""), runs.stream().map(Highlighter.Run::css).toList());
        assertEquals("模糊；具名", runs.get(1).title());
        assertEquals(text, String.join("", runs.stream().map(Highlighter.Run::text).toList()));
    }

    @Test
    void marksOutsideTheRangeAreClipped() {
        List<Highlighter.Run> runs = Highlighter.runs("abcdef", 2, 4,
                List.of(new Highlighter.Mark(new Span(0, 3), "x", "r")));
        assertEquals(List.of("c", "d"), runs.stream().map(Highlighter.Run::text).toList());
    }
}
