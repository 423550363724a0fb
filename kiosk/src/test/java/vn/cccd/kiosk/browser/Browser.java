package vn.cccd.kiosk.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.cccd.mock.persona.Persona;
import vn.cccd.reader.testing.SystemTestSupport;

/** Headless Debian Chromium driven by Selenium, with no download of browsers or drivers. */
final class Browser implements AutoCloseable {
    /** Dates as the kiosk's fields take them. */
    static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Screenshots of each step: build artefacts, never committed. */
    static final Path SHOTS = Path.of("target", "screenshots");

    final WebDriver driver;
    private final ChromeDriverService service;

    private Browser(WebDriver driver, ChromeDriverService service) {
        this.driver = driver;
        this.service = service;
    }

    static Browser start(Path profile) throws Exception {
        return start(profile, new String[0]);
    }

    /** With extra Chromium switches (for instance a fake camera). */
    static Browser start(Path profile, String... extraArguments) throws Exception {
        SystemTestSupport.requireComponent(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium and chromedriver (Debian chromium, chromium-driver)");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        service.start();
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toString());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,1100", "--lang=vi", "--force-device-scale-factor=1");
        o.addArguments(extraArguments);
        try {
            return new Browser(new ChromeDriver(service, o), service);
        } catch (RuntimeException e) {
            service.stop();
            throw e;
        }
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    <T> T until(Function<WebDriver, T> condition, int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds)).until(condition::apply);
    }

    /** Waits until the screen is the one shown. */
    void screen(String name) {
        until(d -> {
            WebElement s = d.findElement(By.id("screen-" + name));
            return s.isDisplayed() ? s : null;
        }, 15);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Runs a script that ends by calling its last argument with the result (for promises). */
    Object jsAsync(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    void type(String css, String text) {
        WebElement e = find(css);
        e.clear();
        e.sendKeys(text);
    }

    /** On the key screen: types a CCCD's number, birth and issue dates (dd/MM/yyyy), submits, waits for "card". */
    void typeCccdKey(Persona p) {
        type("#key-id", p.person().idNumber());
        type("#key-dob", LocalDate.parse(p.person().dateOfBirth()).format(DMY));
        type("#key-issue", LocalDate.parse(p.person().issueDate()).format(DMY));
        find("#key-submit").click();
        screen("card");
    }

    void shot(String name) throws Exception {
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
