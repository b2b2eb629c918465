package dev.kontor.e2e;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Headless Chromium for the end-to-end tests: Debian's {@code /usr/bin/chromium} where it is installed (so nothing
 * is downloaded), else Playwright's own browser as usual.
 */
final class Browser implements AutoCloseable {

    private static final Path SYSTEM_CHROMIUM = Path.of("/usr/bin/chromium");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    Browser() {
        boolean system = Files.isExecutable(SYSTEM_CHROMIUM);
        Playwright.CreateOptions create = new Playwright.CreateOptions();
        if (system) {
            create.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"));
        }
        playwright = Playwright.create(create);
        BrowserType.LaunchOptions launch = new BrowserType.LaunchOptions()
                .setHeadless(true)
                // the closed network here refuses Chromium's own background connections; don't let it try
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--disable-quic"));
        if (system) {
            launch.setExecutablePath(SYSTEM_CHROMIUM);
        }
        chromium = playwright.chromium().launch(launch);
    }

    com.microsoft.playwright.Browser chromium() {
        return chromium;
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
