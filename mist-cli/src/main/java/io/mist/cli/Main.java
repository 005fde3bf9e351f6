package io.mist.cli;

import java.io.PrintWriter;

import picocli.CommandLine;

/** Entry point of the {@code mist} command. */
public final class Main {
    private Main() {
    }

    /** Runs {@code mist} and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs {@code mist} in-process with the given streams.
     *
     * @return the exit status: 0 success, 2 bad input or usage, 1 internal error
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        configureRuntime();
        CommandLine cl = new CommandLine(new MistCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("mist: " + ex.getMessage() + " (see 'mist " + commandName(ex.getCommandLine())
                    + " --help')");
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof IllegalArgumentException) {
                err.println("mist: " + ex.getMessage());
                return 2;
            }
            err.println("mist: error: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return 1;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static String commandName(CommandLine cl) {
        String q = cl.getCommandSpec().qualifiedName(" ");
        return q.startsWith("mist ") ? q.substring(5) : "";
    }

    /** Offline natives and quiet logging unless the user chose otherwise. */
    static void configureRuntime() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("ai.djl.default_engine", "PyTorch");
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
