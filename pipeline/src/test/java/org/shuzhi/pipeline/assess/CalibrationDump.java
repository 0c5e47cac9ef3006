package org.shuzhi.pipeline.assess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.shuzhi.pipeline.model.Assessment;
import org.shuzhi.pipeline.model.Finding;
import org.shuzhi.pipeline.model.ReportDocument;

class CalibrationDump {
    @Test
    void dump() throws Exception {
        StringBuilder b = new StringBuilder();
        for (String id : UnitCorpus.analysed().keySet()) {
            ReportDocument d = UnitCorpus.assessed(id, null);
            Assessment a = d.assessment();
            b.append(String.format(Locale.ROOT, "%s\t%s\t%s\t%.1f\t%s%n", id, a.profile(), a.level(), a.overall(),
                    a.scores().stream().map(s -> s.dimension().id() + "=" + s.score()).toList()));
            for (Finding f : a.findings()) {
                b.append(String.format(Locale.ROOT, "   %s\t%s\t%s\t%s\t%.2f\t%s%n", f.rule(), f.verdict(), f.value(),
                        f.threshold(), f.credit(), f.message()));
            }
            a.comment().forEach(c -> b.append("   > ").append(c.part()).append(" ").append(c.text()).append(" ")
                    .append(c.rules()).append('\n'));
        }
        Files.writeString(Path.of("target/calibration.txt"), b.toString());
    }
}
