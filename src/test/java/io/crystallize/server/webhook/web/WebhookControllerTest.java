package io.crystallize.server.webhook.web;

import io.crystallize.server.problem.FieldError;
import io.crystallize.server.problem.InvalidRequestException;
import io.crystallize.server.problem.NotFoundException;
import io.crystallize.server.webhook.DeliveryView;
import io.crystallize.server.webhook.WebhookRequest;
import io.crystallize.server.webhook.WebhookService;
import io.crystallize.server.webhook.WebhookView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The webhook endpoints in a web slice: the secret shown once and never cached, the delivery log, problem bodies. */
@WebMvcTest(WebhookController.class)
// The controller alone: the security filters and the workspace checks are tested over real HTTP (events/).
@AutoConfigureMockMvc(addFilters = false)
class WebhookControllerTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final String BODY = """
            {"url": "https://hooks.example/run", "events": ["run.completed", "run.failed"]}""";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    WebhookService webhooks;

    final UUID id = UUID.randomUUID();
    final UUID workspace = UUID.randomUUID();

    @Test
    void registeringAnswers201WithTheSecretOnceAndNoStore() throws Exception {
        given(webhooks.register(any())).willReturn(new WebhookView(id, "https://hooks.example/run",
                List.of("run.completed", "run.failed"), "whsec_c2VjcmV0", workspace, T0));
        mvc.perform(post("/api/webhooks").contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/webhooks/" + id))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.id").value(id.toString()))
                .andExpect(jsonPath("$.url").value("https://hooks.example/run"))
                .andExpect(jsonPath("$.events[1]").value("run.failed"))
                .andExpect(jsonPath("$.secret").value("whsec_c2VjcmV0"))
                .andExpect(jsonPath("$.workspace").value(workspace.toString()));
        verify(webhooks).register(new WebhookRequest("https://hooks.example/run", List.of("run.completed", "run.failed"),
                null, null));
    }

    @Test
    void aHostOutsideTheAllowListIsAProblem400NamingUrl() throws Exception {
        given(webhooks.register(any())).willThrow(new InvalidRequestException(List.of(
                new FieldError("url", "host 'hooks.example' is not in crystallize.webhooks.allowed-hosts"),
                new FieldError("events[1]", "listed twice"))));
        mvc.perform(post("/api/webhooks").contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[0].field").value("url"))
                .andExpect(jsonPath("$.errors[1].field").value("events[1]"))
                .andExpect(jsonPath("$.errors[1].message").value("listed twice"));
    }

    @Test
    void eventsThatAreNotAListAreA400NamingThemAndReachNoService() throws Exception {
        mvc.perform(post("/api/webhooks").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\": \"https://hooks.example/run\", \"events\": {\"run.failed\": true}}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("events"));
        verify(webhooks, never()).register(any());
    }

    @Test
    void listedWebhooksNeverShowASecret() throws Exception {
        given(webhooks.list()).willReturn(List.of(new WebhookView(id, "https://hooks.example/run",
                List.of("run.started"), null, workspace, T0)));
        mvc.perform(get("/api/webhooks"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(id.toString()))
                .andExpect(jsonPath("$[0].events[0]").value("run.started"))
                .andExpect(jsonPath("$[0].secret").doesNotExist());
    }

    @Test
    void theDeliveryLogListsEveryAttempt() throws Exception {
        UUID delivery = UUID.randomUUID();
        UUID run = UUID.randomUUID();
        given(webhooks.deliveries(id)).willReturn(List.of(new DeliveryView(delivery, "run.completed", run, "PENDING",
                T0, null, List.of(new DeliveryView.Attempt(1, 503, null, T0, 12),
                        new DeliveryView.Attempt(2, null, "connect timed out", T0.plusSeconds(5), 5000)))));
        mvc.perform(get("/api/webhooks/{id}/deliveries", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(delivery.toString()))
                .andExpect(jsonPath("$[0].type").value("run.completed"))
                .andExpect(jsonPath("$[0].runId").value(run.toString()))
                .andExpect(jsonPath("$[0].status").value("PENDING"))
                .andExpect(jsonPath("$[0].attempts[0].statusCode").value(503))
                .andExpect(jsonPath("$[0].attempts[0].at").value("2026-01-01T00:00:00Z"))
                .andExpect(jsonPath("$[0].attempts[1].error").value("connect timed out"));
    }

    @Test
    void deletingAnswers204() throws Exception {
        mvc.perform(delete("/api/webhooks/{id}", id))
                .andExpect(status().isNoContent());
        verify(webhooks).delete(id);
    }

    @Test
    void anUnknownWebhookIsAProblem404() throws Exception {
        willThrow(new NotFoundException("webhook", id)).given(webhooks).delete(id);
        mvc.perform(delete("/api/webhooks/{id}", id))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").value("webhook " + id + " not found"));
    }
}
