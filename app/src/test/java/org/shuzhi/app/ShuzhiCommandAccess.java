package org.shuzhi.app;

/** Lets tests in other packages run the command line as a user does. */
public final class ShuzhiCommandAccess {
    private ShuzhiCommandAccess() {
    }

    /** @return the exit code of {@code shuzhi args…} */
    public static int run(String... args) {
        return ShuzhiCommand.commandLine().execute(args);
    }
}
