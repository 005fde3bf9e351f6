package io.mist.cli;

import java.io.PrintWriter;
import java.util.Arrays;

import picocli.CommandLine;

/** Entry point of the {@code mist} command. */
public final class Main {
    /** The flag of {@code mist estimate} that asks for nothing but the number. */
    static final String VALUE_ONLY = "--value-only";
    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";
    private static final String CUDA_LOG_LEVEL = "org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils";

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
        if (Arrays.asList(args).contains(VALUE_ONLY)) {
            // the bmi contract: nothing but the number, so no log line at all (before anything logs)
            System.setProperty(LOG_LEVEL, "off");
            System.setProperty(CUDA_LOG_LEVEL, "off");
        }
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
        setIfAbsent(LOG_LEVEL, "warn");
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        // DJL probes for CUDA on every start and warns when there is no driver: not news on a CPU machine
        setIfAbsent(CUDA_LOG_LEVEL, "error");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
