package com.titan.webhooks.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code changes}: print the change feed of a running service as JSON lines, one change a line,
 * through its HTTP API; with {@code --follow}, keep printing as changes commit, like
 * {@code tail -f}. Every line carries its {@code cursor}: pass the last one as {@code --after} to
 * go on from there.
 */
@Command(name = "changes", mixinStandardHelpOptions = true,
        description = "Print the change feed as JSON lines (one change a line); --follow keeps printing as changes commit.")
final class ChangesCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 1_000;
    private static final int WAIT_SECONDS = 30;

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Option(names = "--url", paramLabel = "URL", description = "The service (default: http://localhost:${HTTP_PORT:-8080}).")
    private String url;

    @Option(names = "--after", paramLabel = "CURSOR", description = "Start after this cursor (default: the oldest retained change).")
    private String after;

    @Option(names = "--aggregate", paramLabel = "TYPES",
            description = "Only these, comma-separated: connection, card, reminder, contact, scoring_job, or the name"
                    + " of an aggregate stored as a document.")
    private String aggregate;

    @Option(names = {"-f", "--follow"}, description = "Keep printing as changes commit, until interrupted.")
    private boolean follow;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Settings settings = main.settings();
        String token = settings.apiToken().orElseThrow(() -> new ParameterException(spec.commandLine(),
                "set API_TOKEN: the change feed is part of the authenticated API"));
        String base = (url != null ? url : "http://localhost:" + (settings.httpPort() == 0 ? 8080 : settings.httpPort()))
                .replaceAll("/+$", "");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        PrintWriter out = spec.commandLine().getOut();
        String cursor = after;
        while (true) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/changes?limit=" + PAGE
                            + (cursor == null ? "" : "&after=" + encode(cursor))
                            + (aggregate == null ? "" : "&aggregate=" + encode(aggregate))
                            + (follow ? "&wait=" + WAIT_SECONDS : "")))
                    .timeout(Duration.ofSeconds(WAIT_SECONDS + 15))
                    .header("Authorization", "Bearer " + token).GET().build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                spec.commandLine().getErr().println("titan-webhooks: " + response.statusCode() + " " + response.body());
                return 1;
            }
            JsonNode page = JSON.readTree(response.body());
            for (JsonNode change : page.get("changes")) {
                out.println(JSON.writeValueAsString(change));
            }
            out.flush();
            cursor = page.get("next_cursor").asText();
            if (!follow && page.get("changes").size() < PAGE) {
                return 0;
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
