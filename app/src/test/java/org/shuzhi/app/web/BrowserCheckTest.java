package org.shuzhi.app.web;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A missing Chromium is said loudly with the install command, skips the browser tests, and fails them in CI. */
class BrowserCheckTest {
    @TempDir
    Path tmp;

    @Test
    void aMissingBrowserSkipsWithTheInstallCommandOutsideCi() {
        TestAbortedException e = assertThrows(TestAbortedException.class,
                () -> BrowserCheck.require(tmp.resolve("chromium"), tmp.resolve("chromedriver"), false));
        assertTrue(e.getMessage().contains("apt-get install chromium chromium-driver"), e.getMessage());
        assertTrue(e.getMessage().contains("chromium") && e.getMessage().contains("chromedriver"), e.getMessage());
    }

    @Test
    void aMissingBrowserFailsInCi() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> BrowserCheck.require(tmp.resolve("chromium"), tmp.resolve("chromedriver"), true));
        assertTrue(e.getMessage().contains("apt-get install chromium chromium-driver"), e.getMessage());
    }

    @Test
    void anInstalledBrowserPasses() throws Exception {
        Path chromium = exe("chromium");
        Path driver = exe("chromedriver");
        assertDoesNotThrow(() -> BrowserCheck.require(chromium, driver, true));
        assertThrows(AssertionFailedError.class, () -> BrowserCheck.require(chromium, tmp.resolve("none"), true));
    }

    private Path exe(String name) throws Exception {
        return Files.createFile(tmp.resolve(name), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
    }
}
