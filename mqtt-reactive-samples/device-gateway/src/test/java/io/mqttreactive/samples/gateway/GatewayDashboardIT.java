package io.mqttreactive.samples.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The dashboard in a real, headless Chromium: the connection state shows {@code CONNECTED}, live readings arrive
 * and are plotted, and a command sent from the form shows the broker's acknowledgement and then the device's
 * answer.
 *
 * <p>It needs Debian's {@code chromium} and {@code chromium-driver}, named by path so that Selenium never looks
 * for a browser or driver on the network. Without them it is skipped, unless {@code MQTT_REQUIRE_BROWSER=true}
 * (set in CI), where it fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gateway.telemetry-period=200ms")
class GatewayDashboardIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern NUMBER = Pattern.compile("-?\\d+\\.\\d{2}");
    private static final Pattern COMMAND_ID = Pattern.compile("command ([0-9a-f-]{36})");

    private static WebDriver browser;

    @Value("${local.server.port}")
    private int port;

    @BeforeAll
    static void startBrowser() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String missing = "Chromium and its driver are needed: apt-get install -y chromium chromium-driver";
            if ("true".equals(System.getenv("MQTT_REQUIRE_BROWSER"))) {
                Assertions.fail(missing + " (MQTT_REQUIRE_BROWSER=true)");
            }
            Assumptions.abort(missing);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1280,1000");
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void showsTheConnectionLiveReadingsAndACommandsRoundTrip() {
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        browser.get("http://127.0.0.1:" + port + "/");

        wait.until(ExpectedConditions.textToBe(By.id("connection-state"), "CONNECTED"));
        int plotted = wait.until(driver -> atLeast(pointCount(driver), 1));
        wait.until(driver -> atLeast(pointCount(driver), plotted + 3));
        assertThat(browser.findElements(By.cssSelector("#chart canvas"))).as("uPlot's canvas").isNotEmpty();
        String temperature = wait.until(driver -> driver.findElements(By.cssSelector("#latest td.temperature"))
                .stream().map(cell -> cell.getText()).filter(text -> NUMBER.matcher(text).matches())
                .findFirst().orElse(null));
        assertThat(Double.parseDouble(temperature)).isBetween(-20.0, 60.0);

        wait.until(driver -> new Select(driver.findElement(By.id("command-device"))).getOptions().size() > 0);
        new Select(browser.findElement(By.id("command-device"))).selectByVisibleText(
                wait.until(driver -> driver.findElements(By.cssSelector("#command-device option")).stream()
                        .map(option -> option.getText()).filter(text -> text.startsWith("device-"))
                        .findFirst().orElse(null)));
        browser.findElement(By.id("command-action")).clear();
        browser.findElement(By.id("command-action")).sendKeys("reboot");
        browser.findElement(By.id("command-send")).click();

        String ack = wait.until(driver -> {
            String text = driver.findElement(By.id("command-ack")).getText();
            return text.startsWith("202") ? text : null;
        });
        assertThat(ack).contains("SUCCESS").contains("/commands");
        Matcher commandId = COMMAND_ID.matcher(ack);
        assertThat(commandId.find()).as("the command id in %s", ack).isTrue();
        String result = wait.until(driver -> {
            String text = driver.findElement(By.id("command-result")).getText();
            return text.startsWith("DONE") ? text : null;
        });
        assertThat(result).contains("\"reboot\"").contains(commandId.group(1));
        saveScreenshot();
    }

    private static int pointCount(WebDriver driver) {
        return Integer.parseInt(driver.findElement(By.id("point-count")).getText());
    }

    private static Integer atLeast(int value, int minimum) {
        return value >= minimum ? value : null;
    }

    /** Kept next to the test reports, to look at what the test saw. */
    private static void saveScreenshot() {
        byte[] png = ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES);
        try {
            Path target = Files.createDirectories(Path.of("target", "failsafe-reports"));
            Files.write(target.resolve("GatewayDashboardIT.png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
