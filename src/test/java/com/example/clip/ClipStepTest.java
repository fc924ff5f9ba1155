package com.example.clip;

import io.crystallize.server.engine.FrozenContext;
import io.crystallize.server.engine.Params;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's extension example is this file, and it works as a step. */
class ClipStepTest {

    @Test
    void clipsAndRecordsHowManyItChanged() {
        FrozenContext ctx = new FrozenContext(Map.of(), (level, message) -> { });
        Object out = new ClipStep().apply(List.of(-1, 0.5, 3), ctx, Params.of(Map.of("low", 0, "high", 1)));
        assertThat(out).isEqualTo(List.of(0.0, 0.5, 1.0));
        assertThat(ctx.metrics().get("clipped").get(0).value()).isEqualTo(2);
    }

    @Test
    void theReadmeShowsThisFileVerbatim() throws IOException {
        String source = Files.readString(Path.of("src/test/java/com/example/clip/ClipStep.java"));
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).contains("```java\n" + source + "```");
    }
}
