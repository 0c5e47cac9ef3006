package org.shuzhi.pipeline.segment;

import com.hankcs.hanlp.HanLP;

/** Traditional → simplified conversion with HanLP's conversion dictionary (phrase-aware, e.g. 乾隆 stays 乾隆). */
public final class ChineseScript {
    private ChineseScript() {
    }

    /** @return {@code text} in simplified characters; text that is already simplified comes back unchanged */
    public static String toSimplified(String text) {
        return HanLP.convertToSimplifiedChinese(text);
    }
}
