package io.crystallize.server.dashboard;

import io.crystallize.server.support.Api;
import io.crystallize.server.support.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The dashboard in a real headless Chromium against the real service: plots drawn, numbers equal the API's. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "crystallize.limits.max-replicates=20000")
class DashboardBrowserTest {

    private static Browser browser;

    @LocalServerPort
    int port;

    Api api;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void finishedRunShowsAPlotPerMetricAndTheApiNumbers() {
        String name = "dash-" + UUID.randomUUID().toString().substring(0, 8);
        String experimentId = api.createExperiment(definition(name, 12, List.of(
                Map.of("type", "math.add"), Map.of("type", "stats.summary"),
                Map.of("type", "artifact.json", "params", Map.of("name", "data.json")))));
        String runId = api.startRun(experimentId, (Object) null);
        api.awaitCompleted(runId, Duration.ofSeconds(60));
        JsonNode results = api.results(runId);

        ChromeDriver driver = browser.driver();
        signIn(Api.ADMIN_TOKEN);
        driver.get(url("/"));
        assertThat(driver.findElement(By.id("experiments")).getText()).contains(name);
        driver.findElement(By.linkText(name)).click();
        assertThat(driver.findElement(By.id("runs")).getText()).contains("COMPLETED");

        driver.get(url("/runs/" + runId));
        awaitChartsDrawn(driver);
        List<WebElement> charts = driver.findElements(By.cssSelector(".metric-chart"));
        List<String> metrics = new ArrayList<>();
        results.path("metrics").path("baseline").propertyNames().forEach(metrics::add);
        assertThat(charts).extracting(c -> c.getAttribute("data-metric")).containsExactlyInAnyOrderElementsOf(metrics);
        for (WebElement chart : charts) {
            // Each plot is an SVG with its boxes and one point per replicate and condition.
            assertThat(chart.findElements(By.cssSelector("svg"))).hasSize(1);
            assertThat(chart.findElements(By.cssSelector("svg path")).size()).isGreaterThanOrEqualTo(24);
            assertThat(chart.getAttribute("data-points")).isEqualTo("24");
        }

        JsonNode boost = results.path("hypotheses").get(0).path("results").path("boost");
        WebElement row = driver.findElement(By.cssSelector("#hypotheses tr[data-treatment='boost']"));
        assertThat(Double.parseDouble(row.findElement(By.className("p")).getText()))
                .isEqualTo(boost.path("p_value").asDouble());
        assertThat(Double.parseDouble(row.findElement(By.className("diff")).getText()))
                .isEqualTo(boost.path("diff").asDouble());
        assertThat(row.findElement(By.className("ci")).getText())
                .isEqualTo("[" + boost.path("ci_low").asDouble() + ", " + boost.path("ci_high").asDouble() + "]");
        assertThat(row.getText()).contains("best");
        assertThat(driver.findElements(By.cssSelector("#forest svg path"))).isNotEmpty();
        browser.screenshot("dashboard-finished-run");

        // An artifact downloads from its link with the bytes the API recorded.
        WebElement link = driver.findElement(By.cssSelector("#artifacts a[download]"));
        JsonNode artifact = api.get("/api/runs/" + runId + "/artifacts").json().get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> download = (Map<String, Object>) driver.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.arrayBuffer().then(b => "
                        + "done({status: r.status, size: b.byteLength})));", link.getAttribute("href"));
        assertThat(download).containsEntry("status", 200L)
                .containsEntry("size", artifact.path("sizeBytes").asLong());
    }

    @Test
    void runningRunShowsProgressRisingWithoutReloading() {
        String name = "dash-live-" + UUID.randomUUID().toString().substring(0, 8);
        String experimentId = api.createExperiment(definition(name, 40, List.of(
                Map.of("type", "sleep", "params", Map.of("ms", 100)), Map.of("type", "stats.summary"))));
        String runId = api.startRun(experimentId, (Object) null);
        ChromeDriver driver = browser.driver();
        signIn(Api.ADMIN_TOKEN);
        driver.get(url("/runs/" + runId));
        driver.executeScript("window.__sameDocument = true;");
        long first = completed(driver);
        long later = await("progress rises on the page").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).until(() -> completed(driver), c -> c > first && c > 0);
        assertThat(driver.executeScript("return window.__sameDocument === true;")).isEqualTo(true);
        long evenLater = await("progress keeps rising").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).until(() -> completed(driver), c -> c > later);
        assertThat(evenLater).isGreaterThan(later);
        browser.screenshot("dashboard-running-run");
        api.awaitFinished(runId);
    }

    @Test
    void aUserSeesOnlyTheirWorkspaceAndARevokedTokenEndsTheSession() {
        Api.User alice = api.createUser("alice-" + UUID.randomUUID().toString().substring(0, 8));
        Api.User bob = api.createUser("bob-" + UUID.randomUUID().toString().substring(0, 8));
        String aliceExperiment = "dash-alice-" + UUID.randomUUID().toString().substring(0, 8);
        String aliceRun = alice.api().startRun(alice.api().createExperiment(definition(aliceExperiment, 2,
                List.of(Map.of("type", "stats.summary")))), (Object) null);
        alice.api().awaitFinished(aliceRun);

        ChromeDriver driver = browser.driver();
        driver.manage().deleteAllCookies();
        driver.get(url("/runs/" + aliceRun));
        assertThat(driver.getCurrentUrl()).as("a browser that is not signed in is sent to sign in").contains("/login");
        driver.findElement(By.id("token")).sendKeys("cz_not-a-token");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        // The answer to the form is a new page: wait for it rather than read the one still showing.
        assertThat(await("the sign-in page says why").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> driver.findElements(By.cssSelector("[role=alert]")), alerts -> !alerts.isEmpty())
                .get(0).getText()).contains("not accepted");

        signIn(bob.token());
        assertThat(driver.getPageSource()).doesNotContain(aliceExperiment);
        driver.get(url("/runs/" + aliceRun));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
        assertThat(api.as(bob.token()).get("/api/runs/" + aliceRun).status()).isEqualTo(404);
        driver.get(url("/runs/" + UUID.randomUUID()));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
        browser.screenshot("dashboard-not-found");

        signIn(alice.token());
        driver.get(url("/"));
        assertThat(driver.findElement(By.id("experiments")).getText()).contains(aliceExperiment);
        // The page's own data calls use the session: the run's JSON reads, a write does not.
        assertThat(fetchStatus(driver, "GET", "/api/runs/" + aliceRun)).isEqualTo(200L);
        assertThat(fetchStatus(driver, "POST", "/api/runs/" + aliceRun + "/cancel")).isEqualTo(401L);

        String tokenId = api.get("/api/users/" + alice.id() + "/tokens").json().get(0).path("id").asString();
        assertThat(api.delete("/api/tokens/" + tokenId).status()).isEqualTo(204);
        driver.get(url("/"));
        assertThat(driver.getCurrentUrl()).as("a revoked token ends the session at once").contains("/login");
    }

    private static long fetchStatus(ChromeDriver driver, String method, String path) {
        return (Long) driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch(arguments[1], {method: arguments[0], credentials: 'same-origin'}).then(r => done(r.status));",
                method, path);
    }

    @Test
    void pageOfALargeRunStaysSmall() {
        String name = "dash-big-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> d = definition(name, 10_000, List.of(Map.of("type", "math.add"), Map.of("type", "stats.summary")));
        d.put("datasource", Map.of("type", "range", "params", Map.of("end", 5)));
        d.put("plugins", List.of(Map.of("type", "seed", "params", Map.of("seed", 7)),
                Map.of("type", "parallel", "params", Map.of("maxWorkers", 2))));
        String runId = api.startRun(api.createExperiment(d), (Object) null);
        api.awaitCompleted(runId, Duration.ofMinutes(5));

        ChromeDriver driver = browser.driver();
        signIn(Api.ADMIN_TOKEN);
        driver.get(url("/runs/" + runId));
        awaitChartsDrawn(driver);
        @SuppressWarnings("unchecked")
        Map<String, Object> weight = (Map<String, Object>) driver.executeScript(
                "var nav = performance.getEntriesByType('navigation')[0];"
                        + "var res = performance.getEntriesByType('resource');"
                        + "var bytes = nav.transferSize + res.reduce((s, r) => s + r.transferSize, 0);"
                        + "return {bytes: bytes, drawnMs: Number(document.body.getAttribute('data-drawn-ms')),"
                        + " loadMs: nav.loadEventEnd - nav.startTime};");
        System.out.printf("dashboard 10,000-replicate run page: %.0f KB transferred, load %.0f ms, charts drawn at %.0f ms%n",
                ((Number) weight.get("bytes")).doubleValue() / 1024, ((Number) weight.get("loadMs")).doubleValue(),
                ((Number) weight.get("drawnMs")).doubleValue());
        assertThat(((Number) weight.get("bytes")).longValue()).isLessThan(2L * 1024 * 1024);
        for (WebElement chart : driver.findElements(By.cssSelector(".metric-chart"))) {
            // 500 points per condition at most, whatever the replicates.
            assertThat(Integer.parseInt(chart.getAttribute("data-points"))).isEqualTo(1000);
        }
        browser.screenshot("dashboard-large-run");
    }

    /** Signs the browser in through the login form, as a person would. */
    private void signIn(String token) {
        ChromeDriver driver = browser.driver();
        driver.manage().deleteAllCookies();
        driver.get(url("/login"));
        driver.findElement(By.id("token")).sendKeys(token);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        await("signed in").atMost(Duration.ofSeconds(20)).until(() -> !driver.getCurrentUrl().contains("/login"));
    }

    private static long completed(ChromeDriver driver) {
        return Long.parseLong(driver.findElement(By.id("completed")).getText().trim());
    }

    private static void awaitChartsDrawn(ChromeDriver driver) {
        await("charts drawn").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> driver.findElement(By.tagName("body")).getAttribute("data-charts-drawn") != null);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static Map<String, Object> definition(String name, int replicates, List<Object> steps) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", name);
        d.put("description", "dashboard test");
        d.put("datasource", Map.of("type", "random.normal", "params", Map.of("n", 20)));
        d.put("steps", steps);
        d.put("treatments", List.of(Map.of("name", "boost", "context", Map.of("delta", 1.0))));
        d.put("hypotheses", List.of(Map.of("name", "boost_raises_mean", "verifier", Map.of("type", "welch_t_test"),
                "metrics", "mean")));
        d.put("replicates", replicates);
        d.put("plugins", List.of(Map.of("type", "seed", "params", Map.of("seed", 42))));
        return d;
    }
}
