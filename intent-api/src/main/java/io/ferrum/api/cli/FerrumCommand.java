package io.ferrum.api.cli;

import io.ferrum.FerrumApplication;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ferrum} command line: the server, the demo, and the tools that work on intent. */
@Command(name = "ferrum", mixinStandardHelpOptions = true, version = "Ferrum 0.1.0",
        description = "An on-premises micro cloud for physical data centers.",
        subcommands = {FerrumCommand.Serve.class, FerrumCommand.Demo.class, PlanCommands.PlanCommand.class,
            PlanCommands.ApplyCommand.class, ValidateCommand.class, ExportCommand.class, RenderCommand.class, PipelineCommands.class, KillSwitchCommands.class, DriftCommand.class, LabCommands.class,
            CommandLine.HelpCommand.class})
public class FerrumCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and returns the exit code: 0 success, 1 error, 2 usage (or command-specific). */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** The same, writing to the given streams (tests read them). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new FerrumCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            for (String line : CliErrors.lines(e)) {
                commandLine.getErr().println("ferrum: " + line);
            }
            return 1;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** Starts Spring for a command that needs the database but no web server. */
    static ConfigurableApplicationContext offline(String... properties) {
        return new SpringApplicationBuilder(FerrumApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties("logging.level.root=warn", "logging.level.io.ferrum=warn",
                        // a one-shot command must never pick up (and abandon) a pipeline run, nor poll devices
                        "ferrum.pipelines.enabled=false", "ferrum.assurance.collector.enabled=false")
                .properties(properties)
                .run();
    }

    static ConfigurableApplicationContext server(String... properties) {
        return new SpringApplicationBuilder(FerrumApplication.class).properties(properties).run();
    }

    @Command(name = "serve", description = "Serve the REST API and web console (port: SERVER_PORT, default 8080).")
    static class Serve implements Callable<Integer> {
        @Override
        public Integer call() {
            server();
            return waitForShutdown();
        }
    }

    @Command(name = "demo", description = "Serve Ferrum with a small demo site already present.")
    static class Demo implements Callable<Integer> {
        @Override
        public Integer call() {
            server("ferrum.demo.enabled=true");
            return waitForShutdown();
        }
    }

    /** The web server's threads keep the JVM alive; the launcher only returns when it is stopped. */
    private static int waitForShutdown() {
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    static PrintWriter out(CommandLine.Model.CommandSpec spec) {
        return spec.commandLine().getOut();
    }
}
