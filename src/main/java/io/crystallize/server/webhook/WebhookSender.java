package io.crystallize.server.webhook;

import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * One attempt of a delivery: a signed POST over the JDK HttpClient, bounded by the connect and read timeouts,
 * never following redirects (a redirect could leave the allow-list). The answer's body is not read.
 */
@Component
class WebhookSender {

    /** How an attempt ended: the status code, or null and the error. */
    record Outcome(Integer statusCode, String error) {

        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    private final HttpClient client;
    private final WebhookProperties props;

    WebhookSender(WebhookProperties props) {
        this.props = props;
        this.client = HttpClient.newBuilder().connectTimeout(props.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Outcome post(String url, String messageId, long timestamp, String secret, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(props.readTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "crystallize-server-webhooks")
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(secret, messageId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            int status = response.statusCode();
            return new Outcome(status, status >= 200 && status < 300 ? null : "the receiver answered " + status);
        } catch (HttpTimeoutException e) {
            return new Outcome(null, "timed out: " + e.getMessage());
        } catch (IOException e) {
            return new Outcome(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted (the node is shutting down)");
        }
    }
}
