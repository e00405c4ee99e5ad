package io.legalhub.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "trail", description = "Where is a record now: its id in each system and each step through the hub.")
final class TrailCommand implements Runnable {

    @ParentCommand HubCli cli;
    @Parameters(paramLabel = "KEY", description = "The record key, e.g. a matter number") String key;
    @Option(names = "--entity", defaultValue = "matter", description = "Entity type (default matter)") String entity;

    @Override
    public void run() {
        JsonNode trail = cli.client().get("/api/records/" + encode(entity) + "/" + encode(key) + "/trail");
        if (cli.json) {
            cli.printJson(trail);
            return;
        }
        cli.out.println(entity + " " + key);
        trail.path("systems").fields().forEachRemaining(e -> cli.out.printf("  in %-18s %s%n", e.getKey(), e.getValue().asText()));
        cli.out.println();
        Table table = new Table("WHEN", "STEP", "SYSTEM", "ID", "VERSION", "DETAIL");
        trail.path("steps").forEach(s -> table.row(s.path("at").asText(), s.path("step").asText(), s.path("system").asText(),
                s.path("systemId").asText(), s.path("sourceVersion").asText(), s.path("detail").asText()));
        table.print(cli.out);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
