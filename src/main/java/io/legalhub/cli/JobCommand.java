package io.legalhub.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "job", description = "Show an operator job (e.g. a bulk replay) and its progress.")
final class JobCommand implements Runnable {

    @ParentCommand HubCli cli;
    @Parameters(paramLabel = "ID") long id;
    @Option(names = "--wait", description = "Wait until it finishes") boolean await;

    @Override
    public void run() {
        HubApiClient client = cli.client();
        JsonNode job = await ? waitFor(client, id) : client.get("/api/jobs/" + id);
        if (cli.json) {
            cli.printJson(job);
        } else {
            print(cli, job);
        }
    }

    static JsonNode waitFor(HubApiClient client, long id) {
        while (true) {
            JsonNode job = client.get("/api/jobs/" + id);
            if (!"running".equals(job.path("status").asText())) {
                return job;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return job;
            }
        }
    }

    static void print(HubCli cli, JsonNode job) {
        cli.out.printf("job %s (%s by %s): %s, %s/%s done (%s%%), %s succeeded, %s failed%s%n",
                job.path("id").asText(), job.path("kind").asText(), job.path("actor").asText(), job.path("status").asText(),
                job.path("done").asText(), job.path("total").asText(), job.path("percent").asText(),
                job.path("succeeded").asText(), job.path("failed").asText(),
                job.hasNonNull("message") ? " — " + job.get("message").asText() : "");
    }
}
