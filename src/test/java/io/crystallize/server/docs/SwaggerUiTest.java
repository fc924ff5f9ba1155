package io.crystallize.server.docs;

import io.crystallize.server.support.Api;
import io.crystallize.server.support.ExternalTool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Swagger UI as a newcomer uses it, in a real headless Chromium (Debian's, through the system chromedriver):
 * try-it-out of the pre-filled examples creates the API.md experiment (201) and starts a run of it (202).
 * Screenshots of each step are in {@code target/swagger-ui/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SwaggerUiTest {

    private static final Path SHOTS = Path.of("target/swagger-ui");

    @LocalServerPort
    int port;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void browser() throws IOException {
        Path chromium = ExternalTool.require("Chromium (Debian package chromium)", "/usr/bin/chromium", "/usr/bin/chromium-browser");
        Path driver = ExternalTool.require("chromedriver (Debian package chromium-driver)", "/usr/bin/chromedriver");
        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions().setBinary(chromium.toString())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1400,2600");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).build(), options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void tryingOutThePrefilledExamplesCreatesTheExperimentAndStartsARun() throws IOException {
        browser.get("http://localhost:" + port + "/swagger-ui/index.html");
        authorize(Api.ADMIN_TOKEN);
        WebElement create = operation("Experiments", "createExperiment");
        shot("1-swagger-ui");

        assertThat(execute(create, null)).isEqualTo("201");
        shot("2-create-experiment-201");
        JsonNode created = new Api(port).get("/api/experiments?name=boost-total").json().get("content").get(0);
        assertThat(created.get("replicates").asInt()).isEqualTo(12);

        WebElement start = operation("Runs", "startRun");
        assertThat(execute(start, created.get("id").asString())).isEqualTo("202");
        shot("3-start-run-202");
        JsonNode run = new Api(port).get("/api/runs?experimentId=" + created.get("id").asString()).json().get("content").get(0);
        assertThat(run.get("replicates").asInt()).isEqualTo(3);
        assertThat(run.get("conditions").toString()).contains("boost");
    }

    /** "Authorize" as a person does: the bearer token into the dialog, then close it. */
    private void authorize(String token) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.authorize"))).click();
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".modal-ux .auth-container input")));
        input.sendKeys(token);
        browser.findElement(By.cssSelector(".modal-ux .auth-btn-wrapper button.authorize")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".modal-ux button.btn-done"))).click();
    }

    /** Opens the operation's block (id {@code operations-<tag>-<operationId>}). */
    private WebElement operation(String tag, String operationId) {
        By block = By.id("operations-" + tag + "-" + operationId);
        WebElement op = wait.until(ExpectedConditions.presenceOfElementLocated(block));
        op.findElement(By.cssSelector(".opblock-summary-control, .opblock-summary")).click();
        return wait.until(ExpectedConditions.presenceOfNestedElementLocatedBy(block, By.cssSelector(".try-out__btn")))
                .findElement(By.xpath("ancestor::div[contains(@class,'opblock ')]"));
    }

    /** Try it out, fill the path id (if any), keep the pre-filled body, execute; the status Swagger UI shows. */
    private String execute(WebElement op, String pathId) {
        op.findElement(By.cssSelector(".try-out__btn")).click();
        if (pathId != null) {
            WebElement input = wait.until(d -> op.findElement(By.cssSelector(".parameters input[type=text]")));
            input.clear();
            input.sendKeys(pathId);
        }
        wait.until(d -> !op.findElement(By.cssSelector("textarea.body-param__text")).getAttribute("value").isBlank());
        op.findElement(By.cssSelector("button.execute")).click();
        WebElement status = wait.until(d -> op.findElement(By.cssSelector(".live-responses-table tbody .response-col_status")));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", status);
        return status.getText().strip();
    }

    private void shot(String name) throws IOException {
        Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
