package io.crystallize.server.catalog.web;

import io.crystallize.server.catalog.Catalog;
import io.crystallize.server.catalog.Remote;
import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.spi.Datasource;
import io.crystallize.server.engine.spi.Described;
import io.crystallize.server.engine.spi.PluginFactory;
import io.crystallize.server.engine.spi.Step;
import io.crystallize.server.engine.spi.Verifier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code GET /api/catalog} in a web slice: the four kinds, each entry's params, the remote flag. */
@WebMvcTest(CatalogController.class)
// The controller alone: the real registered components are listed end to end (e2e/CatalogAndDocsTest).
@AutoConfigureMockMvc(addFilters = false)
class CatalogControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    Catalog catalog;

    @Test
    void listsEveryKindWithTypeDescriptionAndParams() throws Exception {
        Step add = described(Step.class, "math.add", "adds delta", List.of(
                ParamSpec.optional("delta", "number", 1.0, "what to add"),
                ParamSpec.required("column", "string", "which column").withMinimum(0)));
        Datasource range = described(Datasource.class, "range", "0..end", List.of(
                new ParamSpec("end", "integer", true, null, "exclusive end", 1.0, null)));
        Verifier welch = described(Verifier.class, "welch_t_test", "Welch's t", List.of(
                new ParamSpec("alternative", "string", false, "two-sided", "which side", null,
                        List.of("two-sided", "greater", "less"))));
        PluginFactory seed = described(PluginFactory.class, "seed", "seeds units", List.of());
        given(catalog.steps()).willReturn(List.of(add));
        given(catalog.datasources()).willReturn(List.of(range));
        given(catalog.verifiers()).willReturn(List.of(welch));
        given(catalog.plugins()).willReturn(List.of(seed));

        mvc.perform(get("/api/catalog"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.steps[0].type").value("math.add"))
                .andExpect(jsonPath("$.steps[0].description").value("adds delta"))
                .andExpect(jsonPath("$.steps[0].remote").value(false))
                .andExpect(jsonPath("$.steps[0].params[0].name").value("delta"))
                .andExpect(jsonPath("$.steps[0].params[0].type").value("number"))
                .andExpect(jsonPath("$.steps[0].params[0].required").value(false))
                .andExpect(jsonPath("$.steps[0].params[0].default").value(1.0))
                .andExpect(jsonPath("$.steps[0].params[0].description").value("what to add"))
                .andExpect(jsonPath("$.datasources[0].type").value("range"))
                .andExpect(jsonPath("$.datasources[0].params[0].minimum").value(1.0))
                .andExpect(jsonPath("$.verifiers[0].params[0].allowed[1]").value("greater"))
                .andExpect(jsonPath("$.plugins[0].type").value("seed"))
                .andExpect(jsonPath("$.plugins[0].params").isEmpty());
    }

    @Test
    void aRequiredParamShowsANullDefaultAndOmitsAbsentBounds() throws Exception {
        Step step = described(Step.class, "s", "d", List.of(ParamSpec.required("x", "string", "the x")));
        given(catalog.steps()).willReturn(List.of(step));
        mvc.perform(get("/api/catalog"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.steps[0].params[0].required").value(true))
                .andExpect(jsonPath("$.steps[0].params[0]", org.hamcrest.Matchers.hasKey("default")))
                .andExpect(jsonPath("$.steps[0].params[0].default").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.steps[0].params[0].minimum").doesNotExist())
                .andExpect(jsonPath("$.steps[0].params[0].allowed").doesNotExist())
                .andExpect(jsonPath("$.datasources").isEmpty());
    }

    @Test
    void aRemoteComponentIsFlagged() throws Exception {
        Step remote = mock(Step.class, withSettings().extraInterfaces(Remote.class));
        given(remote.type()).willReturn("py.clip");
        given(remote.description()).willReturn("clips in Python");
        given(remote.params()).willReturn(List.of());
        given(catalog.steps()).willReturn(List.of(remote));
        mvc.perform(get("/api/catalog"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.steps[0].type").value("py.clip"))
                .andExpect(jsonPath("$.steps[0].remote").value(true));
    }

    @Test
    void theCatalogIsReadOnlyAProblem405() throws Exception {
        mvc.perform(post("/api/catalog").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(405))
                .andExpect(jsonPath("$.title").exists())
                .andExpect(jsonPath("$.detail").exists());
    }

    private static <T extends Described> T described(Class<T> kind, String type, String description,
                                                     List<ParamSpec> params) {
        T d = mock(kind);
        given(d.type()).willReturn(type);
        given(d.description()).willReturn(description);
        given(d.params()).willReturn(params);
        return d;
    }
}
