package io.legalhub.cli;

import java.io.PrintWriter;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code legal-hub cli}: the operator API for scripts. Credentials come from the environment
 * (HUB_USER and HUB_PASSWORD, or HUB_TOKEN), the hub's address from HUB_URL or --url. Prints tables, or
 * the API's JSON with --json; exits 0 on success, 1 when the hub refuses, 2 on bad usage, 3 when the hub
 * cannot be reached.
 */
@Command(name = "legal-hub cli", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Inspect and act on the hub's dead letters and record trails.",
        subcommands = {DeadLetterCommands.ListCommand.class, DeadLetterCommands.ShowCommand.class, DeadLetterCommands.ReplayCommand.class,
                DeadLetterCommands.DiscardCommand.class, DeadLetterCommands.ResolveCommand.class, TrailCommand.class,
                JobCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the hub refused (message says why)", "2:bad usage", "3:the hub cannot be reached"},
        footerHeading = "%nEnvironment:%n",
        footer = {"  HUB_URL       the hub (default http://127.0.0.1:8080)",
                "  HUB_USER, HUB_PASSWORD   a hub user (viewer reads; operator replays, discards, resolves)",
                "  HUB_TOKEN     a bearer token instead (JWT mode)"})
public final class HubCli {

    @Option(names = "--url", scope = ScopeType.INHERIT, description = "The hub's base URL (default: $HUB_URL or http://127.0.0.1:8080)")
    String url;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print the API's JSON instead of a table")
    boolean json;

    Map<String, String> env;
    PrintWriter out;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(args, System.getenv(), out, err));
    }

    public static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
        HubCli cli = new HubCli();
        cli.env = env;
        cli.out = out;
        CommandLine commandLine = new CommandLine(cli)
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof CliFailure failure) {
                        err.println("error: " + failure.getMessage());
                        return failure.exitCode();
                    }
                    err.println("error: " + e);
                    return CliFailure.API_ERROR;
                });
        commandLine.setParameterExceptionHandler((e, a) -> {
            err.println("error: " + e.getMessage());
            e.getCommandLine().usage(err);
            return CliFailure.USAGE;
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    HubApiClient client() {
        String base = url != null ? url : env.getOrDefault("HUB_URL", "http://127.0.0.1:8080");
        return new HubApiClient(base, env.get("HUB_USER"), env.get("HUB_PASSWORD"), env.get("HUB_TOKEN"));
    }

    void printJson(JsonNode node) {
        try {
            out.println(HubApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
