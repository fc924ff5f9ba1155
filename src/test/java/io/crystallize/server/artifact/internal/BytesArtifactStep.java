package io.crystallize.server.artifact.internal;

import io.crystallize.server.engine.FrozenContext;
import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.spi.Step;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.List;

/** Test-only step {@code artifact.bytes}: logs {@code size} bytes named {@code name}, so tests can make big files. */
class BytesArtifactStep implements Step {

    @Override
    public String type() {
        return "artifact.bytes";
    }

    @Override
    public String description() {
        return "test: logs size bytes as artifact name";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.optional("name", "string", "bytes.bin", "file name"),
                ParamSpec.required("size", "integer", "how many bytes").withMinimum(0));
    }

    @Override
    public Object apply(Object data, FrozenContext ctx, Params params) {
        ctx.artifacts().add(params.getString("name"), content(params.getInt("size"), ctx.replicate()));
        return data;
    }

    /** The bytes the step logs: a pattern that differs per replicate, so misplaced files show. */
    static byte[] content(int size, int replicate) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + replicate * 7);
        }
        return bytes;
    }

    /** Registers the step in the test context. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Config {
        @Bean
        BytesArtifactStep bytesArtifactStep() {
            return new BytesArtifactStep();
        }
    }
}
