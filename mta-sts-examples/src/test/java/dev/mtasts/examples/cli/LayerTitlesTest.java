package dev.mtasts.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.report.Layer;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LayerTitlesTest {

    @Test
    void everyLayerHasOneDistinctTitleThatFitsTheColumn() {
        assertThat(Arrays.stream(Layer.values()).map(LayerTitles::of))
                .containsExactly("DNS record", "Policy fetch", "Policy", "MX coverage", "TLS-RPT", "Promotion")
                .doesNotHaveDuplicates()
                .allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(LayerTitles.WIDTH));
    }
}
