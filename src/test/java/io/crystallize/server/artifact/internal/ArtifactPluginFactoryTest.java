package io.crystallize.server.artifact.internal;

import io.crystallize.server.engine.ParamResolver;
import io.crystallize.server.engine.Params;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How the plugin's settings come from its params, the environment overrides and the configuration. */
class ArtifactPluginFactoryTest {

    final MockEnvironment env = new MockEnvironment();
    final ArtifactPluginFactory factory = new ArtifactPluginFactory(
            new ArtifactProperties("./configured", DataSize.ofMegabytes(5), DataSize.ofGigabytes(1),
                    List.of("/tmp/elsewhere")), env,
            new FileSystemArtifactStore(), null, JsonMapper.builder().build(), null);

    private ArtifactSettings settings(Map<String, Object> params) {
        Params resolved = ParamResolver.resolve("plugin 'artifacts'", factory.params(), params, null);
        return factory.settings(resolved);
    }

    @Test
    void defaultsFollowCrystallizeAndTheConfiguration() {
        ArtifactSettings s = settings(Map.of());
        assertThat(s.versioned()).isFalse();
        assertThat(s.retention()).isEqualTo(3);
        assertThat(s.thresholdBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(s.root()).isEqualTo(Path.of("./configured").toAbsolutePath().normalize().toString());
        assertThat(s.maxArtifactBytes()).isEqualTo(5L * 1024 * 1024);
        assertThat(s.maxRunBytes()).isEqualTo(1024L * 1024 * 1024);
    }

    @Test
    void theEnvironmentOverridesOnlyAbsentParams() {
        env.setProperty(ArtifactPluginFactory.RETENTION_ENV, "7");
        env.setProperty(ArtifactPluginFactory.THRESHOLD_ENV, "2");
        assertThat(settings(Map.of()).retention()).isEqualTo(7);
        assertThat(settings(Map.of()).thresholdBytes()).isEqualTo(2L * 1024 * 1024);
        // Explicit params win even when they equal the defaults (crystallize would let the environment win).
        ArtifactSettings explicit = settings(Map.of("artifactRetention", 3, "bigFileThresholdMb", 10));
        assertThat(explicit.retention()).isEqualTo(3);
        assertThat(explicit.thresholdBytes()).isEqualTo(10L * 1024 * 1024);
    }

    @Test
    void anUnparsableOverrideFallsBackToTheDefault() {
        env.setProperty(ArtifactPluginFactory.RETENTION_ENV, "lots");
        env.setProperty(ArtifactPluginFactory.THRESHOLD_ENV, " ");
        assertThat(settings(Map.of()).retention()).isEqualTo(3);
        assertThat(settings(Map.of()).thresholdBytes()).isEqualTo(10L * 1024 * 1024);
    }

    @Test
    void paramsOverrideRootAndAcceptFractionalThresholds() {
        ArtifactSettings s = settings(Map.of("rootDir", "/tmp/elsewhere", "versioned", true, "bigFileThresholdMb", 0.5,
                "artifactRetention", -1));
        assertThat(s.root()).isEqualTo(Path.of("/tmp/elsewhere").toString());
        assertThat(s.versioned()).isTrue();
        assertThat(s.thresholdBytes()).isEqualTo(512L * 1024);
        assertThat(s.retention()).isEqualTo(-1);
        assertThat(settings(Map.of("rootDir", " ")).root()).endsWith("configured");
    }

    @Test
    void anExplicitRootDirMustLieInsideTheRootOrAnAllowedRoot() {
        assertThat(factory.validate(Map.of("rootDir", "./configured/team-a"))).isEmpty();
        assertThat(factory.validate(Map.of("rootDir", "/tmp/elsewhere/x"))).isEmpty();
        assertThat(factory.validate(Map.of("rootDir", "/etc"))).containsKey("rootDir");
        assertThat(factory.validate(Map.of("rootDir", "./configured/../escape"))).containsKey("rootDir");
    }
}
