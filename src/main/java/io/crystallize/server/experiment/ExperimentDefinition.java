package io.crystallize.server.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

/**
 * An experiment as submitted and stored (API.md). Absent collections are empty and absent replicates is 1
 * after {@link #normalized()}. {@code tags} label it for search ({@code ?tag=key:value}); they are not part of
 * the pipeline, so not of the fingerprint. Rules that span the catalog are checked by {@link DefinitionValidator}.
 * {@code workspace} (the id of the workspace to create the experiment in) is part of the request only: the
 * stored definition has none, the stored experiment knows its workspace.
 */
public record ExperimentDefinition(
        @NotBlank @Size(max = 100)
        @Pattern(regexp = "^(?!\\.{1,2}$)[A-Za-z0-9][A-Za-z0-9._-]*$",
                message = "must be a safe folder name: letters, digits, '.', '_' or '-', starting with a letter or digit")
        String name,
        @Size(max = 10_000) String description,
        @NotNull @Valid ComponentSpec datasource,
        @NotEmpty List<@NotNull @Valid ComponentSpec> steps,
        Map<String, Object> initialContext,
        List<@NotNull @Valid TreatmentSpec> treatments,
        List<@NotNull @Valid HypothesisSpec> hypotheses,
        Integer replicates,
        List<@NotNull @Valid ComponentSpec> plugins,
        Map<String, String> tags,
        @JsonInclude(JsonInclude.Include.NON_NULL) String workspace) {

    /** At most this many tags per experiment. */
    public static final int MAX_TAGS = 50;

    /**
     * A registered component (datasource, step, verifier or plugin) by type, with explicit params; a step may say
     * {@code "cache": true} (SPEC §7: its output is reused when it is the same by construction).
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record ComponentSpec(@NotBlank String type, Map<String, Object> params, Boolean cache) {

        public ComponentSpec {
            params = params == null ? Map.of() : params;
        }

        public ComponentSpec(String type, Map<String, Object> params) {
            this(type, params, null);
        }

        public boolean cached() {
            return Boolean.TRUE.equals(cache);
        }
    }

    /** A named map of context additions. */
    public record TreatmentSpec(@NotBlank @Size(max = 100) String name, Map<String, Object> context) {

        public TreatmentSpec {
            context = context == null ? Map.of() : context;
        }
    }

    /**
     * A verifier over metrics ({@code "m"}, {@code ["m"]} or {@code [["a"], ["b"]]}), a ranker ({@code "p_value"}
     * or {@code {"key": "effect_size", "direction": "desc"}}) and a multiple-comparison correction.
     */
    public record HypothesisSpec(@Size(max = 100) String name, @NotNull @Valid ComponentSpec verifier,
                                 @NotNull Object metrics, Object ranker, String correction) {
    }

    public ExperimentDefinition normalized() {
        return new ExperimentDefinition(name, description, datasource, steps,
                initialContext == null ? Map.of() : initialContext,
                treatments == null ? List.of() : treatments,
                hypotheses == null ? List.of() : hypotheses,
                replicates == null ? 1 : replicates,
                plugins == null ? List.of() : plugins,
                tags == null ? Map.of() : tags, workspace);
    }

    /** The definition as stored: without the request's {@code workspace}. */
    public ExperimentDefinition withoutWorkspace() {
        return new ExperimentDefinition(name, description, datasource, steps, initialContext, treatments, hypotheses,
                replicates, plugins, tags, null);
    }
}
