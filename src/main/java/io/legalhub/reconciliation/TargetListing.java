package io.legalhub.reconciliation;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.legalhub.systems.HubSystemsProperties;
import io.legalhub.systems.PermanentSystemFailure;
import io.legalhub.systems.SystemClient;
import io.legalhub.systems.SystemResponse;

/**
 * Reads every record of one entity from a target through its connector's {@code list} operation
 * ({@code hub.systems.<system>.entities.<entity>.list*}): offset paging with {offset}/{page}/{limit} ({start}: the
 * offset counted from 1, as Relativity's Object Manager counts),
 * next-link paging (the answer names the next page's URL), or a single request. Each record keeps its
 * id and business key as found at the configured JSON pointers.
 */
final class TargetListing {

    static final String OFFSET = "offset";
    static final String NEXT_LINK = "next-link";
    static final String NONE = "none";

    /** Called after each page, so a long listing shows the run is alive. */
    interface Progress {
        void pageRead(int recordsSoFar);
    }

    private final SystemClient client;
    private final HubSystemsProperties properties;
    private final int maxRecords;

    TargetListing(SystemClient client, HubSystemsProperties properties, int maxRecords) {
        this.client = client;
        this.properties = properties;
        this.maxRecords = maxRecords;
    }

    /** Why the connector cannot be listed, or null when its list configuration is complete. */
    static String configurationProblem(String system, String entity, HubSystemsProperties.EntityEndpoints endpoints) {
        String prefix = "hub.systems." + system + ".entities." + entity + ".";
        if (endpoints == null || endpoints.getList() == null || endpoints.getList().isBlank()) {
            return "no list operation is configured (" + prefix + "list)";
        }
        if (!endpoints.getList().trim().contains(" ")) {
            return prefix + "list must be 'METHOD /path', got '" + endpoints.getList() + "'";
        }
        if (endpoints.getListKey() == null || endpoints.getListKey().isBlank()) {
            return "no business-key pointer is configured (" + prefix + "list-key)";
        }
        String paging = endpoints.getListPaging() == null ? OFFSET : endpoints.getListPaging().toLowerCase(Locale.ROOT);
        if (!List.of(OFFSET, NEXT_LINK, NONE).contains(paging)) {
            return prefix + "list-paging must be offset, next-link or none, got '" + endpoints.getListPaging() + "'";
        }
        if (paging.equals(NEXT_LINK) && (endpoints.getListNext() == null || endpoints.getListNext().isBlank())) {
            return "next-link paging needs the pointer to the next page (" + prefix + "list-next)";
        }
        if (endpoints.getListPageSize() < 1) {
            return prefix + "list-page-size must be at least 1";
        }
        return null;
    }

    List<TargetComparison.TargetRecord> list(String system, String entity, Progress progress) {
        return list(system, entity, progress, java.util.function.Function.identity());
    }

    /** As {@link #list(String, String, Progress)}, each record's fields shown through {@code view} (the connector's list-mapping). */
    List<TargetComparison.TargetRecord> list(String system, String entity, Progress progress,
                                             java.util.function.Function<JsonNode, JsonNode> view) {
        HubSystemsProperties.EntityEndpoints endpoints = properties.system(system).endpoints(system, entity);
        String problem = configurationProblem(system, entity, endpoints);
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
        String spec = endpoints.getList().trim();
        String method = spec.substring(0, spec.indexOf(' ')).toUpperCase(Locale.ROOT);
        String template = spec.substring(spec.indexOf(' ') + 1).trim();
        String paging = endpoints.getListPaging().toLowerCase(Locale.ROOT);
        int limit = endpoints.getListPageSize();

        List<TargetComparison.TargetRecord> records = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int offset = 0;
        String next = page(template, 0, limit);
        while (next != null) {
            SystemResponse response = client.send(system, method, next, endpoints.getListBody(), false);
            JsonNode answer = client.parse(system, response.body());
            JsonNode items = endpoints.getListItems() == null || endpoints.getListItems().isEmpty()
                    ? answer : answer.at(endpoints.getListItems());
            if (!items.isArray()) {
                throw new PermanentSystemFailure(system, response.status(), "its list answer has no array of records at '"
                        + endpoints.getListItems() + "' (hub.systems." + system + ".entities." + entity + ".list-items)");
            }
            int fresh = 0;
            for (JsonNode item : items) {
                JsonNode id = item.at(endpoints.getListId());
                if (id.isMissingNode() || id.isNull() || id.asText().isBlank()) {
                    throw new PermanentSystemFailure(system, response.status(), "a listed " + entity + " has no id at '"
                            + endpoints.getListId() + "' (hub.systems." + system + ".entities." + entity + ".list-id)");
                }
                if (seen.add(id.asText())) {
                    fresh++;
                    JsonNode key = item.at(endpoints.getListKey());
                    records.add(new TargetComparison.TargetRecord(id.asText(),
                            key.isMissingNode() || key.isNull() || key.asText().isBlank() ? null : key.asText(), view.apply(item)));
                }
            }
            if (records.size() > maxRecords) {
                throw new IllegalStateException(system + " lists more than " + maxRecords + " " + entity
                        + " records; raise hub.reconciliation.max-records to reconcile it");
            }
            progress.pageRead(records.size());
            if (!items.isEmpty() && fresh == 0) {
                throw new IllegalStateException(system + "'s list paging does not advance (a page repeated only records already read); check "
                        + "hub.systems." + system + ".entities." + entity + ".list and list-paging");
            }
            switch (paging) {
                case OFFSET -> {
                    boolean paged = template.contains("{offset}") || template.contains("{page}") || template.contains("{start}");
                    offset += limit;
                    next = paged && items.size() >= limit ? page(template, offset, limit) : null;
                }
                case NEXT_LINK -> {
                    JsonNode link = answer.at(endpoints.getListNext());
                    next = link.isTextual() && !link.asText().isBlank() ? relative(system, link.asText()) : null;
                }
                default -> next = null;
            }
        }
        return records;
    }

    private static String page(String template, int offset, int limit) {
        return template.replace("{offset}", Integer.toString(offset))
                .replace("{start}", Integer.toString(offset + 1))
                .replace("{page}", Integer.toString(offset / limit + 1))
                .replace("{limit}", Integer.toString(limit));
    }

    /**
     * A next link, absolute or not, is only ever sent to the system's own base URL: its path must lie below
     * the base URL's path, and becomes relative to it.
     */
    private String relative(String system, String link) {
        String base = properties.system(system).getBaseUrl();
        String basePath = URI.create(base).getRawPath();
        basePath = basePath == null ? "" : basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
        URI uri;
        try {
            uri = URI.create(link);
        } catch (IllegalArgumentException e) {
            throw new PermanentSystemFailure(system, 200, "its next-page link is not a URL: " + e.getMessage());
        }
        String rest = (uri.getRawPath() == null ? "" : uri.getRawPath()) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        if (!rest.startsWith(basePath + "/")) {
            throw new PermanentSystemFailure(system, 200, "its next-page link does not point below its base URL " + base);
        }
        return rest.substring(basePath.length());
    }
}
