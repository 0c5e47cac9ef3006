package org.shuzhi.pipeline.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fingerprint store: what is saved comes back whole, and only under its stamp; a damaged record is absent. */
class FileTextStoreTest {
    @TempDir
    Path dir;

    private static CompareInput input() {
        // a lone surrogate and a supplementary character must survive (offsets are UTF-16 units)
        String text = "一、存在问题\n理论学习不深入\uD800。\n𠀀明年将开展培训。";
        ReportText t = new ReportText("r1", text, new int[] {0, 7, 17}, new int[] {6, 16, text.length()},
                new byte[] {0, 2, 4}, new boolean[] {false, true, true});
        return new CompareInput("r1", "某支部", null, 2024, true, "标题", t,
                List.of(new CompareInput.ItemRow(0, 1, 7, 15, new String[] {"学习", "理论"})));
    }

    @Test
    void roundTripUnderTheSameStampOnly() {
        FileTextStore store = new FileTextStore(dir);
        store.save(input(), "k:abc");
        CompareInput back = store.load("r1", "k:abc");
        assertEquals(input().text().text(), back.text().text());
        assertArrayEquals(input().text().ends(), back.text().ends());
        assertArrayEquals(input().text().compared(), back.text().compared());
        assertEquals("某支部", back.unit());
        assertNull(back.secretary());
        assertEquals(2024, back.year());
        assertArrayEquals(new String[] {"学习", "理论"}, back.items().get(0).words());
        assertNull(store.load("r1", "k:other"), "another stamp: analyse again");
        assertNull(store.load("r2", "k:abc"), "no record");
        assertEquals(back.text().text(), store.get("r1").text());
        assertThrows(java.util.NoSuchElementException.class, () -> store.get("r2"));
    }

    @Test
    void aTruncatedOrGarbledRecordReadsAsAbsent() throws Exception {
        FileTextStore store = new FileTextStore(dir);
        store.save(input(), "k:abc");
        byte[] whole = Files.readAllBytes(dir.resolve("r1.bin"));
        for (int cut : new int[] {0, 3, 10, whole.length / 2, whole.length - 1}) {
            Files.write(dir.resolve("r1.bin"), java.util.Arrays.copyOf(whole, cut));
            assertNull(store.load("r1", "k:abc"), "cut at " + cut);
        }
        byte[] garbled = whole.clone();
        garbled[garbled.length - 2] ^= 0x55; // the end mark
        Files.write(dir.resolve("r1.bin"), garbled);
        assertNull(store.load("r1", "k:abc"));
    }
}
