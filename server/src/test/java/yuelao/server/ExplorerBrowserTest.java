package yuelao.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The explorer page in a real browser: headless Chromium (Debian's chromium and chromium-driver) driven by Selenium.
 * Skipped, with the reason printed, where no browser is installed. The walk: type a word, pick it from the
 * autocomplete with the keyboard, see the neighbours in three modes and the PMI associates, see the map with k + 1
 * points, click a point, use the URL as a bookmark, run an analogy and a phrase PMI, and see an unknown word's message.
 *
 * <p>{@code -Dyuelao.explorer.dir=RUN_DIR -Dyuelao.explorer.word=WORD -Dyuelao.screenshot=FILE} serve another run
 * directory and save the screenshot there (docs/explorer.png was taken so, over english-mix).
 */
class ExplorerBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    static QueryServer server;
    static ChromeDriver browser;
    static Path userData;

    @BeforeAll
    static void start() throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!installed) {
            System.out.println("ExplorerBrowserTest skipped: no browser (" + CHROMIUM + " and " + DRIVER
                    + " are needed; Debian: apt-get install chromium chromium-driver)");
        }
        Assumptions.assumeTrue(installed, "no chromium and chromedriver installed");
        String other = System.getProperty("yuelao.explorer.dir");
        server = QueryServer.start(other != null ? Path.of(other) : TestRun.dir(), ServerSettings.builder().port(0).accessLog(false).build(),
                new PrintStream(OutputStream.nullOutputStream()));
        userData = Files.createTempDirectory("yuelao-chromium");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--window-size=1280,1100", "--user-data-dir=" + userData);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, o);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop();
        }
        if (userData != null) {
            try (var s = Files.walk(userData)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    static String url(String rest) {
        return "http://127.0.0.1:" + server.port() + rest;
    }

    static List<WebElement> items(String listId) {
        return browser.findElements(By.cssSelector("#" + listId + " li"));
    }

    @Test
    void walkThePage() throws Exception {
        String word = System.getProperty("yuelao.explorer.word", "king");
        browser.get(url("/"));
        waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        assertTrue(browser.findElement(By.id("info")).getText().contains("words"), browser.findElement(By.id("info")).getText());

        // Autocomplete: type a prefix, walk the suggestions with the keyboard, Enter on the word.
        WebElement q = browser.findElement(By.id("q"));
        q.sendKeys(word.substring(0, 3));
        waiting().until(d -> !d.findElements(By.cssSelector("#suggestions li")).isEmpty() && d.findElement(By.id("suggestions")).isDisplayed());
        List<WebElement> suggestions = browser.findElements(By.cssSelector("#suggestions li"));
        int index = -1;
        for (int i = 0; i < suggestions.size(); i++) {
            if (word.equals(suggestions.get(i).getDomAttribute("data-word"))) {
                index = i;
            }
        }
        assertTrue(index >= 0, "'" + word + "' among the suggestions");
        for (int i = 0; i <= index; i++) {
            q.sendKeys(Keys.ARROW_DOWN);
        }
        q.sendKeys(Keys.ENTER);

        // Neighbours in the three modes and the associates; the map with k + 1 points.
        int k = 10;
        waiting().until(d -> items("nearest-cosine").size() == k && items("nearest-relatedness").size() == k && items("nearest-similarity").size() == k
                && !items("associates").isEmpty() && d.findElements(By.cssSelector("#map circle")).size() == k + 1);
        assertEquals(word, browser.findElement(By.id("results-title")).getText());
        assertFalse(items("nearest-cosine").stream().anyMatch(li -> li.getText().startsWith(word + "\n") || li.getText().equals(word)),
                "the word is not its own neighbour");
        assertTrue(browser.getCurrentUrl().contains("q=" + word), browser.getCurrentUrl());
        String screenshot = System.getProperty("yuelao.screenshot");
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, Path.of("target", "explorer.png"), StandardCopyOption.REPLACE_EXISTING);
        if (screenshot != null) {
            Files.copy(shot, Path.of(screenshot), StandardCopyOption.REPLACE_EXISTING);
        }

        // A click on a point of the map searches that word, and the URL follows.
        WebElement point = browser.findElements(By.cssSelector("#map circle")).get(3);
        String picked = point.getDomAttribute("data-word");
        point.click();
        waiting().until(d -> picked.equals(d.findElement(By.id("results-title")).getText()) && items("nearest-cosine").size() == k);
        assertTrue(browser.getCurrentUrl().contains("q=" + java.net.URLEncoder.encode(picked, java.nio.charset.StandardCharsets.UTF_8)),
                browser.getCurrentUrl());

        // Back returns to the first word; the URL is a bookmark.
        browser.navigate().back();
        waiting().until(d -> word.equals(d.findElement(By.id("results-title")).getText()));
        browser.get(url("/?q=" + picked + "&top=5"));
        waiting().until(d -> items("nearest-cosine").size() == 5 && picked.equals(d.findElement(By.id("results-title")).getText()));

        // An analogy and a phrase PMI.
        String[] abc = System.getProperty("yuelao.explorer.analogy", "cat,dog,king").split(",");
        browser.findElement(By.id("a")).sendKeys(abc[0]);
        browser.findElement(By.id("b")).sendKeys(abc[1]);
        browser.findElement(By.id("c")).sendKeys(abc[2], Keys.ENTER);
        waiting().until(d -> items("analogy-results").size() == 5);
        for (WebElement li : items("analogy-results")) {
            for (String w : abc) {
                assertFalse(li.getText().startsWith(w + "\n"), "the question's words are never answers: " + li.getText());
            }
        }
        assertTrue(browser.getCurrentUrl().contains("a=" + abc[0]), browser.getCurrentUrl());
        browser.findElement(By.id("phrase-a")).sendKeys(abc[0] + " " + abc[1]);
        browser.findElement(By.id("phrase-b")).sendKeys(abc[2], Keys.ENTER);
        waiting().until(d -> !d.findElements(By.id("phrase-total")).isEmpty());
        assertTrue(browser.findElement(By.id("phrase-total")).getText().contains("(A, B) ="), browser.findElement(By.id("phrase-total")).getText());

        // An unknown word: the page says which word, and nothing else breaks.
        q = browser.findElement(By.id("q"));
        q.clear();
        q.sendKeys("zzqxjw", Keys.ENTER);
        waiting().until(d -> d.findElement(By.id("error")).isDisplayed());
        assertTrue(browser.findElement(By.id("error")).getText().contains("'zzqxjw'"), browser.findElement(By.id("error")).getText());
        assertTrue(browser.findElement(By.id("error")).getText().contains("not in the vocabulary"), browser.findElement(By.id("error")).getText());
    }
}
