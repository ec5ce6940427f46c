package io.fleetcast.example;

import io.fleetcast.model.Metric;
import io.fleetcast.model.Projection;
import io.fleetcast.model.ResolvedDeployment;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddingExampleTest {

    @Test
    void run_plannerScenario_printsSizingAndTotalsFromTheModel() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Projection p = EmbeddingExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);
        ResolvedDeployment gw = p.sizing().get(0);
        // 1 GW / (MI450 all-in W x Texas design PUE), floored
        double perAccelerator = p.scenario().accelerators().get("mi450").allInW() * p.scenario().sites().get("us-tx").designPue();
        assertEquals((long) Math.floor(1e9 / perAccelerator + 1e-9 * 1e9 / perAccelerator), gw.count());
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "%,d accelerators", gw.count())), text);
        assertEquals(20_000, p.sizing().get(1).count());
        assertTrue(p.summary().total(Metric.ENERGY_MWH) > 0);
        assertTrue(text.contains("NPV of cash"), text);
    }
}
