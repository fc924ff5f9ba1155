package io.crystallize.server.catalog.steps;

import io.crystallize.server.catalog.ResourceLimits;
import io.crystallize.server.engine.ArtifactNames;
import io.crystallize.server.engine.FrozenContext;
import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.spi.Step;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

@Component
class JsonArtifactStep implements Step {

    static final String PROPERTY = "crystallize.limits.max-artifact-json-size";
    /** Bytes of JSON per number, generously: a double prints as up to 24 characters plus a comma. */
    private static final long BYTES_PER_NUMBER = 26;

    private final JsonMapper json;
    private final long maxBytes;

    JsonArtifactStep(JsonMapper json, ResourceLimits limits) {
        this.json = json;
        this.maxBytes = limits.maxArtifactJsonSize().toBytes();
    }

    @Override
    public String type() {
        return "artifact.json";
    }

    @Override
    public String description() {
        return "Logs the current data as a JSON artifact named name (at most " + PROPERTY + "). Data passes through.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.optional("name", "string", "data.json", "the artifact's file name"));
    }

    /** An artifact name is a file name, never a path (SPEC §3): refused at submission, not per unit. */
    @Override
    public Map<String, String> validate(Map<String, Object> params) {
        if (params.get("name") instanceof String name) {
            try {
                ArtifactNames.requireValid(name);
            } catch (IllegalArgumentException e) {
                return Map.of("name", e.getMessage().length() > 200 ? e.getMessage().substring(0, 200) : e.getMessage());
            }
        }
        return Map.of();
    }

    /**
     * The JSON is written into a buffer that stops at the limit, after reserving its bytes (twice: the buffer and
     * the artifact's copy) from the node's budget, so a large data set cannot take more memory than was granted.
     */
    @Override
    public Object apply(Object data, FrozenContext ctx, Params params) throws InterruptedException {
        long estimate = Math.min(maxBytes, Numbers.count(data) * BYTES_PER_NUMBER + 1024);
        ctx.memory().reserve(2 * estimate);
        Bounded out = new Bounded(maxBytes);
        try {
            json.writeValue(out, data);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof LimitReached) {
                    throw new IllegalArgumentException("the JSON of the data is larger than " + maxBytes + " bytes ("
                            + PROPERTY + ")");
                }
            }
            throw e;
        }
        ctx.artifacts().add(params.getString("name"), out.toByteArray());
        return data;
    }

    private static final class LimitReached extends RuntimeException {
        LimitReached() {
            super(null, null, false, false);
        }
    }

    /** A byte buffer that refuses to grow past its limit. */
    private static final class Bounded extends ByteArrayOutputStream {
        private final long max;

        Bounded(long max) {
            this.max = max;
        }

        @Override
        public synchronized void write(int b) {
            check(1);
            super.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            check(len);
            super.write(b, off, len);
        }

        private void check(int more) {
            if (count + (long) more > max) {
                throw new LimitReached();
            }
        }
    }
}
