package dev.orb.dashboard;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven by its chromedriver. When Chromium cannot start, the tests are skipped — or fail
 * with the reason when {@code ORB_REQUIRE_BROWSER=true} (CI), so that a missing browser never passes silently.
 */
final class Browser {
    static final String REQUIRE = "ORB_REQUIRE_BROWSER";
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private Browser() {
    }

    static WebDriver start() {
        String problem = null;
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            problem = CHROMIUM + " or " + CHROMEDRIVER + " is missing (apt-get install -y chromium chromium-driver)";
        } else {
            try {
                ChromeOptions options = new ChromeOptions();
                options.setBinary(CHROMIUM);
                options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=en-US");
                LoggingPreferences logs = new LoggingPreferences();
                logs.enable(LogType.BROWSER, Level.ALL);
                options.setCapability("goog:loggingPrefs", logs);
                ChromeDriverService service = new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
                ChromeDriver driver = new ChromeDriver(service, options);
                driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
                driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(15));
                return driver;
            } catch (RuntimeException e) {
                problem = "Chromium could not start: " + e.getMessage();
            }
        }
        if ("true".equalsIgnoreCase(System.getenv(REQUIRE))) {
            Assertions.fail(problem + " — and " + REQUIRE + "=true requires the browser tests to run");
        }
        Assumptions.abort(problem + " (set " + REQUIRE + "=true to make this a failure)");
        throw new AssertionError("unreachable");
    }

    /** Saves a PNG of the current page as {@code target/screenshots/<name>.png}; returns its path. */
    static Path screenshot(WebDriver driver, String name) throws IOException {
        Path dir = Path.of(System.getProperty("orb.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }
}
