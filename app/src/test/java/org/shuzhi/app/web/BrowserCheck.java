package org.shuzhi.app.web;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.opentest4j.TestAbortedException;

/**
 * Whether the browser tests can run: Debian's Chromium and chromedriver. When either is missing the tests are not
 * skipped in silence: the reason and the install command go to stderr (shown by Maven) and into the skip reason; in CI
 * (environment variable {@code CI=true}) a missing browser fails the build.
 */
final class BrowserCheck {
    /** The command that installs what the browser tests need. */
    static final String INSTALL = "apt-get install chromium chromium-driver";

    private BrowserCheck() {
    }

    /** @return true when the environment says this is CI ({@code CI} set and not {@code false}) */
    static boolean ci() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
    }

    /**
     * @throws org.opentest4j.AssertionFailedError in CI when {@code chromium} or {@code driver} is not executable
     * @throws TestAbortedException                 elsewhere when either is not executable (the tests are skipped)
     */
    static void require(Path chromium, Path driver, boolean ci) {
        StringBuilder missing = new StringBuilder();
        if (!Files.isExecutable(chromium)) {
            missing.append(chromium);
        }
        if (!Files.isExecutable(driver)) {
            missing.append(missing.isEmpty() ? "" : " and ").append(driver);
        }
        if (missing.isEmpty()) {
            return;
        }
        String message = "Browser tests (WebUiIT) cannot run: " + missing + " not found. Install them with: " + INSTALL
                + (ci ? " (CI=true: a missing browser fails the build)" : " — the browser tests are SKIPPED");
        System.err.println("\n" + "!".repeat(100) + "\n!! " + message + "\n" + "!".repeat(100) + "\n");
        if (ci) {
            Assertions.fail(message);
        }
        throw new TestAbortedException(message);
    }
}
