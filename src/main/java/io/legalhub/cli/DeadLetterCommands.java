package io.legalhub.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** list, show, replay, discard, resolve: the dead-letter commands. */
final class DeadLetterCommands {

    private DeadLetterCommands() {
    }

    /** The list's filters, shared by {@code list} and {@code replay --filter}. */
    static class Filters {
        @Option(names = "--system", description = "Source or target system") String system;
        @Option(names = "--source", description = "Source system") String source;
        @Option(names = "--target", description = "Target system") String target;
        @Option(names = "--entity", description = "Entity type (matter, invoice, …)") String entity;
        @Option(names = "--error-class", description = "Error class (simple or full name)") String errorClass;
        @Option(names = "--key", description = "Record key contains this text") String key;
        @Option(names = "--from", description = "Failed at or after (ISO date-time)") String from;
        @Option(names = "--to", description = "Failed before (ISO date-time)") String to;

        String query() {
            List<String> params = new ArrayList<>();
            add(params, "system", system);
            add(params, "source", source);
            add(params, "target", target);
            add(params, "entity", entity);
            add(params, "errorClass", errorClass);
            add(params, "q", key);
            add(params, "from", from);
            add(params, "to", to);
            return String.join("&", params);
        }
    }

    static void add(List<String> params, String name, Object value) {
        if (value != null && !String.valueOf(value).isBlank()) {
            params.add(name + "=" + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
        }
    }

    @Command(name = "list", description = "List dead letters, newest first.")
    static class ListCommand implements Runnable {
        @ParentCommand HubCli cli;
        @Option(names = "--status", defaultValue = "open", description = "open (default), replaying, replayed, superseded, resolved, discarded, or all")
        String status;
        @ArgGroup(exclusive = false) Filters filters = new Filters();
        @Option(names = "--page", defaultValue = "0") int page;
        @Option(names = "--size", defaultValue = "50") int size;

        @Override
        public void run() {
            List<String> params = new ArrayList<>();
            if (!"all".equalsIgnoreCase(status)) {
                add(params, "status", status);
            }
            if (filters != null && !filters.query().isEmpty()) {
                params.add(filters.query());
            }
            params.add("page=" + page);
            params.add("size=" + size);
            JsonNode answer = cli.client().get("/api/dead-letters?" + String.join("&", params));
            if (cli.json) {
                cli.printJson(answer);
                return;
            }
            Table table = new Table("ID", "STATUS", "ENTITY", "KEY", "TARGET", "STAGE", "ATTEMPTS", "LAST FAILED", "ERROR");
            answer.path("items").forEach(d -> table.row(d.path("id").asText(), d.path("status").asText(), d.path("entityType").asText(),
                    d.path("recordKey").asText(), d.path("target").asText(), d.path("stage").asText(), d.path("attempts").asText(),
                    d.path("lastFailedAt").asText(), d.path("error").asText()));
            table.print(cli.out);
            cli.out.printf("%d of %d (page %d)%n", answer.path("items").size(), answer.path("total").asLong(), page);
        }
    }

    @Command(name = "show", description = "Show one dead letter: error, cause chain, payload and history.")
    static class ShowCommand implements Runnable {
        @ParentCommand HubCli cli;
        @Parameters(paramLabel = "ID") long id;

        @Override
        public void run() {
            JsonNode d = cli.client().get("/api/dead-letters/" + id);
            if (cli.json) {
                cli.printJson(d);
                return;
            }
            String[] fields = {"id", "status", "entityType", "recordKey", "sourceSystem", "target", "stage", "failureKind", "errorClass",
                    "failedField", "failedLine", "attempts", "replayCount", "firstFailedAt", "lastFailedAt"};
            for (String f : fields) {
                if (d.hasNonNull(f)) {
                    cli.out.printf("%-14s %s%n", f, d.get(f).asText());
                }
            }
            cli.out.println();
            cli.out.println("Error:   " + d.path("error").asText());
            cli.out.println("Cause:   " + d.path("causeChain").asText().replace("\n", "\n         "));
            cli.out.println();
            cli.out.println("Payload:");
            cli.out.println(d.path("body").asText());
            cli.out.println();
            Table history = new Table("WHEN", "WHO", "ACTION", "DETAIL");
            d.path("history").forEach(h -> history.row(h.path("at").asText(), h.path("actor").asText(), h.path("action").asText(),
                    h.path("detail").asText()));
            history.print(cli.out);
        }
    }

    @Command(name = "replay", description = "Replay dead letters by id, or every open one matching --filter options.")
    static class ReplayCommand implements Runnable {
        @ParentCommand HubCli cli;
        @Parameters(paramLabel = "ID", arity = "0..*", description = "Dead letter ids") List<Long> ids = new ArrayList<>();
        @Option(names = "--filter", description = "Replay every open dead letter matching the filter options") boolean byFilter;
        @ArgGroup(exclusive = false) Filters filters = new Filters();
        @Option(names = "--wait", description = "With --filter: wait for the job to finish and print its outcome") boolean await;

        @Override
        public void run() {
            if (byFilter == !ids.isEmpty()) {
                throw new CliFailure(CliFailure.USAGE, "give dead letter ids, or --filter with filter options (not both)");
            }
            HubApiClient client = cli.client();
            if (byFilter) {
                String query = filters == null ? "" : filters.query();
                JsonNode started = client.post("/api/dead-letters/replay" + (query.isEmpty() ? "" : "?" + query), null);
                long jobId = started.path("jobId").asLong();
                JsonNode job = await ? JobCommand.waitFor(client, jobId) : client.get("/api/jobs/" + jobId);
                if (cli.json) {
                    cli.printJson(job);
                } else {
                    JobCommand.print(cli, job);
                }
                return;
            }
            Table table = new Table("ID", "STATUS", "KEY", "TARGET");
            List<JsonNode> answers = new ArrayList<>();
            for (long id : ids) {
                JsonNode d = client.post("/api/dead-letters/" + id + "/replay", null);
                answers.add(d);
                table.row(d.path("id").asText(), d.path("status").asText(), d.path("recordKey").asText(), d.path("target").asText());
            }
            if (cli.json) {
                cli.printJson(HubApiClient.JSON.valueToTree(answers));
            } else {
                table.print(cli.out);
            }
        }
    }

    @Command(name = "discard", description = "Discard a dead letter, with a reason.")
    static class DiscardCommand implements Runnable {
        @ParentCommand HubCli cli;
        @Parameters(paramLabel = "ID") long id;
        @Option(names = "--reason", required = true, description = "Why it is discarded (kept in its history)") String reason;

        @Override
        public void run() {
            ObjectNode body = HubApiClient.JSON.createObjectNode().put("reason", reason);
            report(cli, cli.client().post("/api/dead-letters/" + id + "/discard", body.toString()));
        }
    }

    @Command(name = "resolve", description = "Mark a dead letter resolved (fixed outside the hub).")
    static class ResolveCommand implements Runnable {
        @ParentCommand HubCli cli;
        @Parameters(paramLabel = "ID") long id;
        @Option(names = "--note", description = "What was done") String note;

        @Override
        public void run() {
            ObjectNode body = HubApiClient.JSON.createObjectNode();
            if (note != null) {
                body.put("note", note);
            }
            report(cli, cli.client().post("/api/dead-letters/" + id + "/resolve", body.toString()));
        }
    }

    private static void report(HubCli cli, JsonNode d) {
        if (cli.json) {
            cli.printJson(d);
        } else {
            cli.out.printf("dead letter %s is now %s%n", d.path("id").asText(), d.path("status").asText());
        }
    }
}
