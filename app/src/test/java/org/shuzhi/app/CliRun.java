package org.shuzhi.app;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One run of the command line as a user runs it, in this JVM: the exit code and what it printed on standard output and
 * standard error (UTF-8). Swaps {@code System.out}/{@code System.err} for the run, so tests using it must not run in
 * parallel with other output.
 */
record CliRun(int code, String out, String err) {
    /** @return the result of {@code shuzhi args…} */
    static CliRun of(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = ShuzhiCommand.commandLine().execute(args);
            return new CliRun(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
