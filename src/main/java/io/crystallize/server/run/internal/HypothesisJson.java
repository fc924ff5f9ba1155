package io.crystallize.server.run.internal;

import io.crystallize.server.engine.HypothesisOutcome.Ranked;
import io.crystallize.server.engine.TreatmentResult;
import io.crystallize.server.engine.VerifierOutput;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The JSON of the engine's typed hypothesis results (the engine is plain Java and knows no JSON), in API.md's
 * shape: a {@link VerifierOutput} is the verifier's object with its keys in their order, a
 * {@link TreatmentResult} is that object (one metric group) or an array of them (several), a {@link Ranked}
 * is the pair {@code [treatment, score]}. {@code HypothesisOutcome} and its {@code Ranking} are plain records
 * ({@code name, results, ranking, error} and {@code best, ranked}). This is the shape run_hypothesis.result_json
 * has always had, so stored rows read back as they are.
 */
@Configuration(proxyBeanMethods = false)
class HypothesisJson {

    @Bean
    JsonMapperBuilderCustomizer hypothesisResultsJson() {
        return builder -> builder.addModule(module());
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("crystallize-hypothesis-results");
        module.addSerializer(VerifierOutput.class, new ValueSerializer<>() {
            @Override
            public void serialize(VerifierOutput output, JsonGenerator g, SerializationContext ctxt) {
                ctxt.writeValue(g, output.values());
            }
        });
        module.addDeserializer(VerifierOutput.class, new ValueDeserializer<>() {
            @Override
            public VerifierOutput deserialize(JsonParser p, DeserializationContext ctxt) {
                return new VerifierOutput(ctxt.readValue(p, LinkedHashMap.class));
            }
        });
        module.addSerializer(TreatmentResult.class, new ValueSerializer<>() {
            @Override
            public void serialize(TreatmentResult result, JsonGenerator g, SerializationContext ctxt) {
                if (!result.grouped()) {
                    ctxt.writeValue(g, result.group(0));
                    return;
                }
                g.writeStartArray();
                for (VerifierOutput output : result.groups()) {
                    ctxt.writeValue(g, output);
                }
                g.writeEndArray();
            }
        });
        module.addDeserializer(TreatmentResult.class, new ValueDeserializer<>() {
            @Override
            public TreatmentResult deserialize(JsonParser p, DeserializationContext ctxt) {
                if (p.currentToken() != JsonToken.START_ARRAY) {
                    return TreatmentResult.single(ctxt.readValue(p, VerifierOutput.class));
                }
                List<VerifierOutput> groups = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    groups.add(ctxt.readValue(p, VerifierOutput.class));
                }
                return TreatmentResult.grouped(groups);
            }
        });
        module.addSerializer(Ranked.class, new ValueSerializer<>() {
            @Override
            public void serialize(Ranked ranked, JsonGenerator g, SerializationContext ctxt) {
                g.writeStartArray();
                g.writeString(ranked.treatment());
                g.writeNumber(ranked.score());
                g.writeEndArray();
            }
        });
        module.addDeserializer(Ranked.class, new ValueDeserializer<>() {
            @Override
            public Ranked deserialize(JsonParser p, DeserializationContext ctxt) {
                JsonNode pair = ctxt.readTree(p);
                if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isString() || !pair.get(1).isNumber()) {
                    return ctxt.reportInputMismatch(Ranked.class, "a ranked treatment is [treatment, score], not %s", pair);
                }
                return new Ranked(pair.get(0).asString(), pair.get(1).asDouble());
            }
        });
        return module;
    }
}
