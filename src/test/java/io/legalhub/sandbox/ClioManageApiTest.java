package io.legalhub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.SandboxHttp.Resp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.legalhub.sandbox.SandboxHttp.data;
import static io.legalhub.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * What a client of the sandbox's matter management sees: Clio Manage API v4 as its published spec
 * (../shared/specs/clio-manage-v4.openapi.json) defines it, plus the sandbox's documented assumptions (docs/sandbox.md §1).
 * Each test names one behaviour and checks it over real HTTP, webhooks through a real receiver.
 */
class ClioManageApiTest {

    private static final String API = "/api/v4";
    private static final Duration QUIET = Duration.ofMillis(400);

    private static SandboxServer sandbox;
    private static SandboxHttp mm;
    private static WebhookReceiver receiver;

    @BeforeAll
    static void start() {
        receiver = new WebhookReceiver();
        sandbox = SandboxServer.start(SandboxSettings.builder().webhookBackoff(Duration.ofMillis(20)).build());
        mm = new SandboxHttp(sandbox.baseUrl(SandboxSystem.MATTER_MANAGEMENT));
    }

    @AfterAll
    static void stop() {
        sandbox.stop();
        receiver.close();
    }

    @AfterEach
    void dropSubscriptions() {
        for (JsonNode hook : mm.get(API + "/webhooks.json?fields=id").json().path("data")) {
            mm.delete(API + "/webhooks/" + hook.path("id").asLong() + ".json");
        }
        receiver.clear();
        mm.delete("/_control/webhooks/deliveries");
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static JsonNode dataOf(Resp r) {
        return r.json().path("data");
    }

    private static List<String> names(JsonNode record) {
        List<String> out = new ArrayList<>();
        record.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    private static long acmeId() {
        for (JsonNode c : dataOf(mm.get(API + "/contacts.json?query=Acme&fields=id,name"))) {
            if (c.path("name").asText().equals("Acme Corporation")) {
                return c.path("id").asLong();
            }
        }
        throw new AssertionError("Acme Corporation is not seeded");
    }

    private static long matterId(String displayNumber) {
        for (JsonNode m : dataOf(mm.get(API + "/matters.json?query=" + displayNumber + "&fields=id,display_number"))) {
            if (m.path("display_number").asText().equals(displayNumber)) {
                return m.path("id").asLong();
            }
        }
        throw new AssertionError("no matter " + displayNumber);
    }

    private static long newMatter(String description) {
        Resp r = mm.post(API + "/matters.json", data(json("{'description':'" + description + "','client':{'id':" + acmeId() + "}}")));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return dataOf(r).path("id").asLong();
    }

    private static JsonNode matter(long id, String fields) {
        return dataOf(mm.get(API + "/matters/" + id + ".json?fields=" + enc(fields)));
    }

    private static Resp patchMatter(long id, String dataJson) {
        return mm.patch(API + "/matters/" + id + ".json", data(json(dataJson)));
    }

    private static int matterCount() {
        return mm.get(API + "/matters.json?limit=1").json().path("meta").path("records").asInt();
    }

    /** A subscription's record as Clio answers its creation (with {@code shared_secret}). */
    private static JsonNode createWebhook(String url, String model, String fields, String... events) {
        ObjectNode body = json("{'url':'" + url + "','model':'" + model + "','fields':'" + fields + "'}");
        if (events.length > 0) {
            var list = body.putArray("events");
            for (String e : events) {
                list.add(e);
            }
        }
        Resp r = mm.post(API + "/webhooks.json", data(body));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return dataOf(r);
    }

    private static String webhookStatus(long id) {
        return dataOf(mm.get(API + "/webhooks/" + id + ".json?fields=status")).path("status").asText();
    }

    /** Subscribes the shared receiver (which echoes the handshake) and waits until the subscription is enabled. */
    private static JsonNode subscribe(String model, String fields, String... events) {
        JsonNode hook = createWebhook(receiver.url(), model, fields, events);
        long id = hook.path("id").asLong();
        await().atMost(Duration.ofSeconds(5)).until(() -> webhookStatus(id).equals("enabled"));
        return hook;
    }

    /** Payloads the shared receiver got from one subscription, oldest first. */
    private static List<JsonNode> payloads(JsonNode hook) {
        return payloads(receiver, hook);
    }

    private static List<JsonNode> payloads(WebhookReceiver rx, JsonNode hook) {
        List<JsonNode> out = new ArrayList<>();
        for (WebhookReceiver.Delivery d : rx.deliveries()) {
            JsonNode n = d.json();
            if (n.path("meta").path("webhook_id").asLong() == hook.path("id").asLong()) {
                out.add(n);
            }
        }
        return out;
    }

    private static List<String> events(JsonNode hook) {
        return payloads(hook).stream().map(p -> p.path("meta").path("event").asText()).toList();
    }

    private static void awaitPayloads(JsonNode hook, int count) {
        await().atMost(Duration.ofSeconds(5)).until(() -> payloads(hook).size() >= count);
        assertThat(payloads(hook)).hasSize(count);
    }

    private static void assertNothingArrives(JsonNode hook) {
        await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> payloads(hook).isEmpty());
    }

    // ------------------------------------------------------------------------------------------ paths, envelopes, versions, errors

    @Test
    void pathsEndInDotJsonUnderApiV4AndAnswersComeInADataEnvelope() {
        Resp r = mm.get(API + "/matters/1001.json");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(names(r.json())).containsExactly("data");
        assertThat(dataOf(r).path("id").asLong()).isEqualTo(1001);

        assertThat(mm.get(API + "/matters/1001").status()).isEqualTo(404);
        assertThat(mm.get(API + "/matters").status()).isEqualTo(404);
        assertThat(mm.get("/api/v1/matters.json").status()).isEqualTo(404);
    }

    @Test
    void requestBodiesMustBeDataEnvelopesOfWellFormedJson() {
        Resp bare = mm.post(API + "/matters.json", json("{'description':'x','client':{'id':" + acmeId() + "}}"));
        assertThat(bare.status()).isEqualTo(400);
        assertThat(bare.errorType()).isEqualTo("MalformedJson");
        assertThat(bare.errorMessage()).contains("data");

        Resp malformed = mm.post(API + "/matters.json", "{\"data\": {\"description\": }");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorMessage()).contains("line 1");
        assertThat(mm.post(API + "/matters.json", "").errorMessage()).contains("empty");
    }

    @Test
    void xApiVersionPinsOneOfVersions404To4010AndTheAnswerNamesTheVersionUsed() {
        assertThat(mm.get(API + "/matters/1001.json").header("X-API-VERSION")).as("the default").isEqualTo("4.0.9");
        for (String v : List.of("4.0.4", "4.0.9", "4.0.10")) {
            Resp r = mm.send("GET", API + "/matters/1001.json", null, new String[]{"X-API-VERSION", v});
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("X-API-VERSION")).isEqualTo(v);
        }
        for (String v : List.of("4.0.3", "4.1.0", "5")) {
            Resp r = mm.send("GET", API + "/matters/1001.json", null, new String[]{"X-API-VERSION", v});
            assertThat(r.status()).as(v).isEqualTo(410);
            assertThat(r.errorType()).isEqualTo("Gone");
            assertThat(r.errorMessage()).contains(v);
        }
    }

    @Test
    void errorsAreErrorObjectsWith404ForUnknownRecordsAnd405ForMethodsAPathDoesNotTake() {
        Resp missing = mm.get(API + "/matters/424242.json");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorType()).isEqualTo("NotFound");
        assertThat(missing.errorMessage()).contains("424242");
        assertThat(mm.get(API + "/matters/not-a-number.json").status()).isEqualTo(404);
        assertThat(mm.get(API + "/nothing-here.json").status()).isEqualTo(404);

        Resp put = mm.put(API + "/matters/1001.json", data(json("{'description':'x'}")));
        assertThat(put.status()).as("Clio updates with PATCH only").isEqualTo(405);
        assertThat(put.errorType()).isEqualTo("MethodNotAllowed");
        assertThat(put.header("Allow")).isEqualTo("DELETE, GET, PATCH");
    }

    // ------------------------------------------------------------------------------------------ paging

    @Test
    void listsPageBy200RecordsByDefaultAndAtMost() {
        try (SandboxServer fresh = SandboxServer.start()) {
            SandboxHttp clio = new SandboxHttp(fresh.baseUrl(SandboxSystem.MATTER_MANAGEMENT));
            assertThat(clio.post("/_control/matters/generate", json("{'count':250}")).status()).isEqualTo(201);

            JsonNode page = clio.get(API + "/matters.json?fields=id").json();
            assertThat(page.path("data")).hasSize(200);
            assertThat(page.path("meta").path("records").asInt()).isEqualTo(310);
            assertThat(page.path("meta").path("paging").path("next").asText()).contains("page_token=");
            JsonNode second = clio.get(page.path("meta").path("paging").path("next").asText()).json();
            assertThat(second.path("data")).hasSize(110);
            assertThat(second.path("meta").path("paging").has("next")).isFalse();

            assertThat(clio.get(API + "/matters.json?limit=200&fields=id").json().path("data")).hasSize(200);
            assertThat(clio.get(API + "/matters.json?limit=201").status()).isEqualTo(400);
            assertThat(clio.get(API + "/matters.json?limit=0").status()).isEqualTo(400);
        }
    }

    @Test
    void theNextLinkIsAbsoluteKeepsTheFiltersAndIsAbsentOnTheLastPage() {
        JsonNode first = mm.get(API + "/matters.json?status=open&limit=10&fields=id,status").json();
        int total = first.path("meta").path("records").asInt();
        assertThat(total).isGreaterThan(10);
        String next = first.path("meta").path("paging").path("next").asText();
        assertThat(next).startsWith(sandbox.baseUrl(SandboxSystem.MATTER_MANAGEMENT) + API + "/matters.json?")
                .contains("status=open").contains("limit=10").contains("page_token=");
        int count = first.path("data").size();
        JsonNode last = first;
        while (last.path("meta").path("paging").has("next")) {
            last = mm.get(last.path("meta").path("paging").path("next").asText()).json();
            count += last.path("data").size();
            last.path("data").forEach(m -> assertThat(m.path("status").asText()).isEqualTo("Open"));
        }
        assertThat(count).isEqualTo(total);
    }

    @Test
    void cursorPagingNeitherSkipsNorRepeatsRecordsThatChangeWhilePaging() {
        Set<Long> before = new HashSet<>();
        dataOf(mm.get(API + "/matters.json?fields=id")).forEach(m -> before.add(m.path("id").asLong()));
        List<Long> seen = new ArrayList<>();
        String next = API + "/matters.json?limit=7&order=id(asc)&fields=id";
        int page = 0;
        long created = -1;
        while (next != null) {
            JsonNode body = mm.get(next).json();
            body.path("data").forEach(m -> seen.add(m.path("id").asLong()));
            if (page == 1) {
                // change a record already seen and one not yet seen, and add a new one
                mm.post("/_control/matters/" + seen.get(0) + "/touch", null);
                mm.post("/_control/matters/" + (seen.get(seen.size() - 1) + 20) + "/touch", null);
                created = newMatter("Mid-paging matter");
            }
            JsonNode n = body.path("meta").path("paging").path("next");
            next = n.isMissingNode() ? null : n.asText();
            page++;
        }
        assertThat(seen).doesNotHaveDuplicates().containsAll(before).contains(created).isSorted();
    }

    @Test
    void aPageTokenNotTakenFromNextAndAnOrderOtherThanIdAscendingAreRefused400() {
        assertThat(mm.get(API + "/matters.json?page_token=garbage").status()).isEqualTo(400);
        Resp order = mm.get(API + "/matters.json?order=" + enc("id(desc)"));
        assertThat(order.status()).isEqualTo(400);
        assertThat(order.errorMessage()).contains("id(asc)");
    }

    // ------------------------------------------------------------------------------------------ fields

    @Test
    void withoutFieldsARecordShowsItsOwnScalarFieldsOnly() {
        JsonNode m = dataOf(mm.get(API + "/matters/1001.json"));
        assertThat(names(m)).contains("id", "etag", "number", "display_number", "description", "status", "open_date", "close_date",
                        "billable", "client_id", "created_at", "updated_at")
                .doesNotContain("client", "practice_area", "responsible_attorney", "relationships", "custom_field_values");
        m.fields().forEachRemaining(e -> assertThat(e.getValue().isContainerNode()).as(e.getKey()).isFalse());
        assertThat(m.path("etag").asText()).matches("\"[0-9a-f]{32}\"");
        assertThat(m.path("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        // the same shape whatever the record holds: a matter without a practice area does not show it as null
        JsonNode bare = dataOf(mm.get(API + "/matters/" + newMatter("Without a practice area") + ".json"));
        assertThat(names(bare)).isEqualTo(names(m));
        JsonNode note = dataOf(mm.post(API + "/notes.json", data(json("{'type':'Matter','matter':{'id':1001},'subject':'Default view'}"))));
        assertThat(names(note)).containsExactly("id", "etag", "type", "subject", "detail", "detail_text_type", "date", "created_at", "updated_at");
    }

    @Test
    void fieldsSelectsFieldsAndNestedFieldsInBracesAndANestedRecordNamedAloneShowsItsIdAndEtag() {
        JsonNode m = matter(matterId("2026-0012"), "id,display_number,client{id,name,ledes_client_id},practice_area");
        assertThat(names(m)).containsExactly("id", "display_number", "client", "practice_area");
        assertThat(names(m.path("client"))).containsExactly("id", "name", "ledes_client_id");
        assertThat(m.path("client").path("ledes_client_id").asText()).isEqualTo("ACME-001");
        assertThat(names(m.path("practice_area"))).containsExactly("id", "etag");
    }

    @Test
    void aFieldTheResourceDoesNotHaveIsRefused400WhateverTheRecordHolds() {
        for (String fields : List.of("id,conflict_status", "id,version", "client{client_number}", "display_number{id}", "id,client{id")) {
            Resp r = mm.get(API + "/matters/1001.json?fields=" + enc(fields));
            assertThat(r.status()).as(fields).isEqualTo(400);
            assertThat(r.errorType()).isEqualTo("BadRequest");
        }
        assertThat(mm.get(API + "/matters.json?fields=" + enc("id,intake_flag")).status()).isEqualTo(400);
        // a matter without a practice area refuses an unknown practice-area field just the same
        long bare = newMatter("No practice area");
        assertThat(mm.get(API + "/matters/" + bare + ".json?fields=" + enc("practice_area{id,bogus}")).status()).isEqualTo(400);
    }

    @Test
    void fieldsClioHasButTheSandboxDoesNotSimulateAnswerNull() {
        JsonNode m = matter(1001, "id,currency,matter_stage,maildrop_address");
        assertThat(m.path("id").asLong()).isEqualTo(1001);
        assertThat(m.path("currency").isNull()).isTrue();
        assertThat(m.path("matter_stage").isNull()).isTrue();
        assertThat(m.path("maildrop_address").isNull()).isTrue();
    }

    @Test
    void writesAnswerWithTheRequestedFieldsAndABadSelectionChangesNothing() {
        Resp created = mm.post(API + "/matters.json?fields=" + enc("id,display_number,client{name}"),
                data(json("{'description':'Selected answer','client':{'id':" + acmeId() + "}}")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(names(dataOf(created))).containsExactly("id", "display_number", "client");
        assertThat(dataOf(created).path("client").path("name").asText()).isEqualTo("Acme Corporation");

        Resp note = mm.post(API + "/notes.json?fields=" + enc("id,subject,matter{id}"),
                data(json("{'type':'Matter','matter':{'id':1001},'subject':'Selected note'}")));
        assertThat(names(dataOf(note))).containsExactly("id", "subject", "matter");

        int matters = matterCount();
        Resp bad = mm.post(API + "/matters.json?fields=" + enc("id,bogus"),
                data(json("{'description':'Must not be created','client':{'id':" + acmeId() + "}}")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(matterCount()).as("nothing written").isEqualTo(matters);
        assertThat(dataOf(mm.get(API + "/matters.json?query=" + enc("Must not be created") + "&fields=id"))).isEmpty();
    }

    // ------------------------------------------------------------------------------------------ matters

    @Test
    void aMatterNeedsAClientAndADescriptionAndItsReferencesMustExist() {
        Resp none = mm.post(API + "/matters.json", data(json("{'status':'open'}")));
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.errorType()).isEqualTo("ValidationFailed");
        assertThat(none.json().path("error").path("fields").toString()).contains("client.id", "description");

        Resp bad = mm.post(API + "/matters.json", data(json("{'description':'x','client':{'id':999999},'practice_area':{'id':99},"
                + "'responsible_attorney':{'id':1},'open_date':'15/01/2026'}")));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.errorMessage()).contains("client.id", "practice_area.id", "responsible_attorney.id", "open_date");
    }

    @Test
    void aNewMatterIsOpenFromTodayWithTheNextDisplayNumberOfTheYear() {
        Resp r = mm.post(API + "/matters.json?fields=" + enc("id,number,display_number,status,open_date,billable,client_id,client{id}"),
                data(json("{'description':'Acme v. Initrode – patent dispute','client':{'id':" + acmeId() + "},"
                        + "'practice_area':{'id':3},'responsible_attorney':{'id':21}}")));
        assertThat(r.status()).isEqualTo(201);
        JsonNode m = dataOf(r);
        assertThat(m.path("status").asText()).isEqualTo("Open");
        assertThat(m.path("open_date").asText()).isEqualTo(today());
        assertThat(m.path("display_number").asText()).matches(LocalDate.now(ZoneOffset.UTC).getYear() + "-\\d{4}");
        assertThat(m.path("billable").asBoolean()).isTrue();
        assertThat(m.path("client_id").asLong()).isEqualTo(acmeId()).isEqualTo(m.path("client").path("id").asLong());
        assertThat(m.path("number").asLong()).isEqualTo(m.path("id").asLong() - 1000);
        JsonNode shown = matter(m.path("id").asLong(), "practice_area{name},responsible_attorney{email}");
        assertThat(shown.path("practice_area").path("name").asText()).isEqualTo("Litigation");
        assertThat(shown.path("responsible_attorney").path("email").asText()).isEqualTo("ana.rivera@firm.example");
    }

    @Test
    void statusesAreLowerCaseInRequestsAndCapitalisedInAnswers() {
        Resp pending = mm.post(API + "/matters.json?fields=id,status,pending_date",
                data(json("{'description':'Pending intake','client':{'id':" + acmeId() + "},'status':'pending'}")));
        assertThat(dataOf(pending).path("status").asText()).isEqualTo("Pending");
        assertThat(dataOf(pending).path("pending_date").asText()).isEqualTo(today());
        long id = dataOf(pending).path("id").asLong();

        Resp closed = mm.patch(API + "/matters/" + id + ".json?fields=status,close_date", data(json("{'status':'closed'}")));
        assertThat(dataOf(closed).path("status").asText()).isEqualTo("Closed");
        assertThat(dataOf(closed).path("close_date").asText()).isEqualTo(today());

        Resp capitalised = patchMatter(id, "{'status':'Open'}");
        assertThat(capitalised.status()).isEqualTo(422);
        assertThat(capitalised.errorMessage()).contains("status", "open, pending, closed");

        Set<String> listed = new HashSet<>();
        dataOf(mm.get(API + "/matters.json?status=" + enc("open,pending") + "&fields=status")).forEach(m -> listed.add(m.path("status").asText()));
        assertThat(listed).containsExactlyInAnyOrder("Open", "Pending");
        assertThat(mm.get(API + "/matters.json?status=dormant").status()).isEqualTo(400);
    }

    @Test
    void aPatchChangesTheGivenFieldsAndTheEtagButAPatchChangingNothingKeepsBoth() {
        long id = newMatter("Etag matter");
        JsonNode before = matter(id, "etag,updated_at,description,client_reference");
        Resp patched = mm.patch(API + "/matters/" + id + ".json?fields=etag,updated_at,description,client_reference",
                data(json("{'client_reference':'PO-7'}")));
        assertThat(patched.status()).isEqualTo(200);
        JsonNode after = dataOf(patched);
        assertThat(after.path("client_reference").asText()).isEqualTo("PO-7");
        assertThat(after.path("description").asText()).isEqualTo("Etag matter");
        assertThat(after.path("etag").asText()).isNotEqualTo(before.path("etag").asText());
        assertThat(after.path("updated_at").asText()).isGreaterThan(before.path("updated_at").asText());
        assertThat(mm.get(API + "/matters/" + id + ".json").header("ETag")).isEqualTo(after.path("etag").asText());

        JsonNode same = dataOf(mm.patch(API + "/matters/" + id + ".json?fields=etag,updated_at",
                data(json("{'client_reference':'PO-7','description':'Etag matter'}"))));
        assertThat(same.path("etag").asText()).isEqualTo(after.path("etag").asText());
        assertThat(same.path("updated_at").asText()).isEqualTo(after.path("updated_at").asText());
    }

    @Test
    void ifMatchWithAStaleEtagIsRefused412AndIfNoneMatchWithTheCurrentOneAnswers304() {
        long id = newMatter("Conditional matter");
        String etag = matter(id, "etag").path("etag").asText();
        Resp stale = mm.send("PATCH", API + "/matters/" + id + ".json", data(json("{'client_reference':'X-1'}")),
                new String[]{"If-Match", "\"0123\""});
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.errorType()).isEqualTo("PreconditionFailed");
        assertThat(matter(id, "client_reference").path("client_reference").isNull()).as("unchanged").isTrue();

        assertThat(mm.send("PATCH", API + "/matters/" + id + ".json", data(json("{'client_reference':'X-1'}")),
                new String[]{"If-Match", etag}).status()).isEqualTo(200);
        String current = matter(id, "etag").path("etag").asText();
        assertThat(mm.send("GET", API + "/matters/" + id + ".json", null, new String[]{"If-None-Match", current}).status()).isEqualTo(304);
        assertThat(mm.send("GET", API + "/matters/" + id + ".json", null, new String[]{"If-None-Match", etag}).status()).isEqualTo(200);
    }

    @Test
    void fieldsClioDoesNotHaveAreRefused422AndReadOnlyFieldsEchoedBackAreIgnored() {
        long id = newMatter("Strict matter");
        Resp r = patchMatter(id, "{'conflict_status':'cleared','intake_flag':'x'}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.errorMessage()).contains("conflict_status is not a known field", "intake_flag is not a known field");

        JsonNode m = matter(id, "id,etag,created_at,updated_at");
        Resp echoed = mm.patch(API + "/matters/" + id + ".json?fields=description", data(json("{'id':" + id + ",'etag':'" + m.path("etag").asText()
                .replace("\"", "\\\"") + "','created_at':'2000-01-01T00:00:00Z','description':'Echoed'}")));
        assertThat(echoed.status()).isEqualTo(200);
        assertThat(dataOf(echoed).path("description").asText()).isEqualTo("Echoed");
    }

    @Test
    void aDeletedMatterIsGoneAndSoAreItsRelationships() {
        long id = newMatter("Short-lived matter");
        mm.post(API + "/relationships.json", data(json("{'description':'Witness','matter':{'id':" + id + "},'contact':{'id':530}}")));
        assertThat(mm.delete(API + "/matters/" + id + ".json").status()).isEqualTo(204);
        assertThat(mm.get(API + "/matters/" + id + ".json").status()).isEqualTo(404);
        assertThat(dataOf(mm.get(API + "/relationships.json?matter_id=" + id))).isEmpty();
        assertThat(mm.delete(API + "/matters/" + id + ".json").status()).isEqualTo(404);
    }

    @Test
    void queryFindsMattersByNumberDescriptionOrClientNameAndThereIsNoDisplayNumberFilter() {
        assertThat(dataOf(mm.get(API + "/matters.json?query=2026-0012&fields=display_number")).findValuesAsText("display_number"))
                .containsExactly("2026-0012");
        assertThat(dataOf(mm.get(API + "/matters.json?query=Globex&fields=display_number")).findValuesAsText("display_number"))
                .contains("2026-0012");
        List<String> acme = dataOf(mm.get(API + "/matters.json?query=acme+corporation&fields=" + enc("client{name}"))).findValuesAsText("name");
        assertThat(acme).isNotEmpty().containsOnly("Acme Corporation");
        assertThat(mm.get(API + "/matters.json?display_number=2026-0012&limit=1").json().path("meta").path("records").asInt())
                .as("an unknown filter is ignored, as by Clio").isGreaterThan(1);
    }

    @Test
    void mattersAreFilteredByClientPracticeAreaAndResponsibleAttorney() {
        long acme = acmeId();
        JsonNode byClient = dataOf(mm.get(API + "/matters.json?client_id=" + acme + "&fields=" + enc("client{id}")));
        assertThat(byClient).isNotEmpty();
        byClient.forEach(m -> assertThat(m.path("client").path("id").asLong()).isEqualTo(acme));
        dataOf(mm.get(API + "/matters.json?practice_area_id=3&fields=" + enc("practice_area{id}")))
                .forEach(m -> assertThat(m.path("practice_area").path("id").asLong()).isEqualTo(3));
        dataOf(mm.get(API + "/matters.json?responsible_attorney_id=21&fields=" + enc("responsible_attorney{id}")))
                .forEach(m -> assertThat(m.path("responsible_attorney").path("id").asLong()).isEqualTo(21));
        assertThat(mm.get(API + "/matters.json?client_id=acme").status()).isEqualTo(400);
    }

    @Test
    void updatedSinceIsInclusiveAndReturnsOnlyLaterChanges() {
        JsonNode touched = dataOf(mm.post("/_control/matters/1004/touch", null));
        String since = touched.path("updated_at").asText();
        JsonNode changed = dataOf(mm.get(API + "/matters.json?fields=id,updated_at&updated_since=" + enc(since)));
        assertThat(changed.findValues("id").stream().map(JsonNode::asLong)).contains(1004L);
        changed.forEach(m -> assertThat(m.path("updated_at").asText()).isGreaterThanOrEqualTo(since));
        assertThat(mm.get(API + "/matters.json?updated_since=2000-01-01T00:00:00+00:00&limit=1").status()).isEqualTo(200);
        assertThat(mm.get(API + "/matters.json?updated_since=yesterday").status()).isEqualTo(400);
    }

    @Test
    void updatedAtStrictlyIncreasesEvenForUpdatesInTheSameMillisecond() {
        List<String> stamps = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            stamps.add(dataOf(mm.post("/_control/matters/1002/touch", null)).path("updated_at").asText());
        }
        for (int i = 1; i < stamps.size(); i++) {
            assertThat(stamps.get(i)).isGreaterThan(stamps.get(i - 1));
        }
    }

    // ------------------------------------------------------------------------------------------ custom fields

    @Test
    void theFirmsFourMatterCustomFieldsAreSeeded() {
        JsonNode fields = dataOf(mm.get(API + "/custom_fields.json?parent_type=Matter&fields=id,name,field_type,parent_type,displayed"));
        assertThat(fields.findValues("id").stream().map(JsonNode::asLong)).containsExactly(3001L, 3002L, 3003L, 3004L);
        assertThat(fields.findValuesAsText("name")).containsExactly("Conflict status", "Conflict search ID", "Conflict note", "Intake flag");
        assertThat(fields.findValuesAsText("field_type")).containsExactly("text_line", "text_line", "text_area", "text_line");
        fields.forEach(f -> assertThat(f.path("displayed").asBoolean()).isTrue());
        assertThat(dataOf(mm.get(API + "/custom_fields/3003.json")).path("name").asText()).isEqualTo("Conflict note");
        assertThat(dataOf(mm.get(API + "/custom_fields.json?parent_type=Contact"))).isEmpty();
    }

    @Test
    void aDisplayedCustomFieldWithoutAValueShowsWithANullId() {
        long id = newMatter("No custom values yet");
        JsonNode values = matter(id, "custom_field_values{id,value,custom_field}").path("custom_field_values");
        assertThat(values).hasSize(4);
        values.forEach(v -> {
            assertThat(v.path("id").isNull()).isTrue();
            assertThat(v.path("value").isNull()).isTrue();
        });
        assertThat(values.findValues("custom_field").stream().map(f -> f.path("id").asLong())).containsExactly(3001L, 3002L, 3003L, 3004L);
    }

    @Test
    void aCustomFieldValueIsCreatedByItsFieldChangedByItsIdAndRemovedWithDestroy() {
        long id = newMatter("Custom values");
        String sel = "custom_field_values{id,value,created_at,custom_field}";
        JsonNode created = dataOf(mm.patch(API + "/matters/" + id + ".json?fields=" + enc(sel),
                data(json("{'custom_field_values':[{'custom_field':{'id':3001},'value':'cleared'}]}")))).path("custom_field_values");
        JsonNode status = created.get(0);
        assertThat(status.path("custom_field").path("id").asLong()).isEqualTo(3001);
        assertThat(status.path("value").asText()).isEqualTo("cleared");
        String valueId = status.path("id").asText();
        assertThat(valueId).as("a composite id with the field type").matches("text_line-\\d+");

        String etag = matter(id, "etag").path("etag").asText();
        patchMatter(id, "{'custom_field_values':[{'id':'" + valueId + "','value':'cleared'}]}");
        assertThat(matter(id, "etag").path("etag").asText()).as("the same value is no change").isEqualTo(etag);

        JsonNode changed = dataOf(mm.patch(API + "/matters/" + id + ".json?fields=" + enc(sel),
                data(json("{'custom_field_values':[{'id':'" + valueId + "','value':'waived'}]}")))).path("custom_field_values").get(0);
        assertThat(changed.path("id").asText()).isEqualTo(valueId);
        assertThat(changed.path("value").asText()).isEqualTo("waived");
        assertThat(changed.path("created_at").asText()).as("still the value created first").isEqualTo(status.path("created_at").asText());

        JsonNode destroyed = dataOf(mm.patch(API + "/matters/" + id + ".json?fields=" + enc(sel),
                data(json("{'custom_field_values':[{'id':'" + valueId + "','_destroy':true}]}")))).path("custom_field_values").get(0);
        assertThat(destroyed.path("custom_field").path("id").asLong()).isEqualTo(3001);
        assertThat(destroyed.path("id").isNull()).as("back to a displayed field without a value").isTrue();
    }

    @Test
    void aSecondValueForAFieldThatHasOneIsRefused422() {
        long id = newMatter("One value per field");
        patchMatter(id, "{'custom_field_values':[{'custom_field':{'id':3004},'value':'rush'}]}");
        Resp again = patchMatter(id, "{'custom_field_values':[{'custom_field':{'id':3004},'value':'urgent'}]}");
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.errorMessage()).contains("custom_field_values[0].custom_field.id", "already has a value");
        Resp twice = mm.post(API + "/matters.json", data(json("{'description':'Twice','client':{'id':" + acmeId() + "},"
                + "'custom_field_values':[{'custom_field':{'id':3001},'value':'a'},{'custom_field':{'id':3001},'value':'b'}]}")));
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.errorMessage()).contains("custom_field_values[1]");
    }

    @Test
    void customFieldValuesMustNameAMatterFieldOrOneOfTheMattersValuesAndCarryAValue() {
        long id = newMatter("Bad custom values");
        Resp r = patchMatter(id, "{'custom_field_values':[{'custom_field':{'id':9999},'value':'x'},{'custom_field':{'id':3002}},"
                + "{'id':'text_line-999999','value':'x'},{'custom_field':{'id':3003},'value':'x','colour':'red'}]}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.errorMessage()).contains("custom_field_values[0].custom_field.id", "custom_field_values[1].value",
                "custom_field_values[2].id", "custom_field_values[3].colour");
    }

    @Test
    void customFieldValuesCanBeGivenWhenTheMatterIsCreated() {
        Resp r = mm.post(API + "/matters.json?fields=" + enc("id,custom_field_values{value,custom_field}"),
                data(json("{'description':'Created with values','client':{'id':" + acmeId() + "},"
                        + "'custom_field_values':[{'custom_field':{'id':3002},'value':'CS-000123'},{'custom_field':{'id':3003},'value':'Long note'}]}")));
        assertThat(r.status()).isEqualTo(201);
        JsonNode values = dataOf(r).path("custom_field_values");
        assertThat(values).hasSize(4);
        assertThat(values.get(1).path("value").asText()).isEqualTo("CS-000123");
        assertThat(values.get(2).path("value").asText()).isEqualTo("Long note");
        assertThat(values.get(0).path("value").isNull()).isTrue();
    }

    // ------------------------------------------------------------------------------------------ relationships

    @Test
    void relationshipsAreAResourceOfTheirOwnFilteredByMatterWithTheirContacts() {
        long id = matterId("2026-0012");
        JsonNode rels = dataOf(mm.get(API + "/relationships.json?matter_id=" + id
                + "&fields=" + enc("id,description,contact{id,name,type},matter{id,display_number}")));
        assertThat(rels.findValuesAsText("description")).contains("Client", "Adverse Party");
        assertThat(rels.findValues("contact").stream().map(c -> c.path("name").asText())).contains("Acme Corporation", "Globex Inc.");
        rels.forEach(r -> assertThat(r.path("matter").path("display_number").asText()).isEqualTo("2026-0012"));
        long relId = rels.get(0).path("id").asLong();
        assertThat(dataOf(mm.get(API + "/relationships/" + relId + ".json?fields=" + enc("contact{name}"))).path("contact").path("name")
                .asText()).isEqualTo(rels.get(0).path("contact").path("name").asText());
        long acme = acmeId();
        dataOf(mm.get(API + "/relationships.json?contact_id=" + acme + "&fields=" + enc("contact{id}")))
                .forEach(r -> assertThat(r.path("contact").path("id").asLong()).isEqualTo(acme));
    }

    @Test
    void aMatterShowsItsRelationshipsWithoutTheirContacts() {
        long id = matterId("2026-0012");
        JsonNode shown = matter(id, "relationships{id,etag,description,created_at,updated_at}").path("relationships");
        JsonNode resource = dataOf(mm.get(API + "/relationships.json?matter_id=" + id + "&fields=id,description"));
        assertThat(shown.findValues("id")).isEqualTo(resource.findValues("id"));
        assertThat(shown.findValuesAsText("description")).isEqualTo(resource.findValuesAsText("description"));
        assertThat(names(matter(id, "relationships").path("relationships").get(0))).containsExactly("id", "etag");
        Resp contact = mm.get(API + "/matters/" + id + ".json?fields=" + enc("relationships{contact}"));
        assertThat(contact.status()).isEqualTo(400);
        assertThat(contact.errorMessage()).contains("contact");
    }

    @Test
    void relationshipsArePatchedOnTheMatterAsNestedAttributes() {
        Resp created = mm.post(API + "/matters.json?fields=id", data(json("{'description':'Parties','client':{'id':" + acmeId() + "},"
                + "'relationships':[{'description':'Client','contact':{'id':" + acmeId() + "}}]}")));
        long id = dataOf(created).path("id").asLong();
        String list = API + "/relationships.json?matter_id=" + id + "&fields=" + enc("id,description,contact{id}");
        assertThat(dataOf(mm.get(list))).hasSize(1);

        assertThat(patchMatter(id, "{'relationships':[{'description':'Expert','contact':{'id':530}}]}").status()).isEqualTo(200);
        JsonNode expert = dataOf(mm.get(list)).get(1);
        assertThat(expert.path("description").asText()).isEqualTo("Expert");
        long relId = expert.path("id").asLong();

        patchMatter(id, "{'relationships':[{'id':" + relId + ",'description':'Witness','contact':{'id':531}}]}");
        JsonNode witness = dataOf(mm.get(list)).get(1);
        assertThat(witness.path("id").asLong()).isEqualTo(relId);
        assertThat(witness.path("description").asText()).isEqualTo("Witness");
        assertThat(witness.path("contact").path("id").asLong()).isEqualTo(531);

        patchMatter(id, "{'relationships':[{'id':" + relId + ",'_destroy':true}]}");
        assertThat(dataOf(mm.get(list))).hasSize(1);

        long otherMattersRelationship = dataOf(mm.get(API + "/relationships.json?matter_id=1001&fields=id")).get(0).path("id").asLong();
        Resp bad = patchMatter(id, "{'relationships':[{'id':" + otherMattersRelationship + ",'_destroy':true},"
                + "{'description':'Friend','contact':{'id':530}},{'description':'Judge'},{'description':'Judge','contact':{'id':999999}}]}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.errorMessage()).contains("relationships[0].id", "relationships[1].description", "relationships[2].contact.id",
                "relationships[3].contact.id");
        assertThat(dataOf(mm.get(API + "/relationships.json?matter_id=1001&fields=id")).findValues("id").stream().map(JsonNode::asLong))
                .contains(otherMattersRelationship);
    }

    @Test
    void aRelationshipCreatedOrDeletedOnItsOwnChangesItsMatter() {
        long id = newMatter("Relationship resource");
        String etag0 = matter(id, "etag").path("etag").asText();
        Resp created = mm.post(API + "/relationships.json?fields=" + enc("id,description,matter{id},contact{id,name}"),
                data(json("{'description':'Co-Counsel','matter':{'id':" + id + "},'contact':{'id':531}}")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(dataOf(created).path("matter").path("id").asLong()).isEqualTo(id);
        String etag1 = matter(id, "etag").path("etag").asText();
        assertThat(etag1).isNotEqualTo(etag0);

        Resp invalid = mm.post(API + "/relationships.json", data(json("{'description':'Co-Counsel','matter':{'id':999999}}")));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.errorMessage()).contains("matter.id", "contact.id");

        assertThat(mm.delete(API + "/relationships/" + dataOf(created).path("id").asLong() + ".json").status()).isEqualTo(204);
        assertThat(matter(id, "etag").path("etag").asText()).isNotEqualTo(etag1);
        assertThat(matter(id, "relationships{id}").path("relationships")).isEmpty();
    }

    // ------------------------------------------------------------------------------------------ contacts and reference data

    @Test
    void aClientsLedesClientIdIsItsBillingClientNumber() {
        JsonNode acme = dataOf(mm.get(API + "/contacts/" + acmeId() + ".json?fields=id,name,type,ledes_client_id,is_client"));
        assertThat(acme.path("type").asText()).isEqualTo("Company");
        assertThat(acme.path("ledes_client_id").asText()).isEqualTo("ACME-001");
        assertThat(acme.path("is_client").asBoolean()).isTrue();
        assertThat(matter(matterId("2026-0012"), "client{ledes_client_id}").path("client").path("ledes_client_id").asText())
                .isEqualTo("ACME-001");
        SandboxHttp billing = new SandboxHttp(sandbox.baseUrl(SandboxSystem.BILLING));
        assertThat(billing.get("/api/v1/clients?number=ACME-001").json().path("items").get(0).path("name").asText())
                .isEqualTo("Acme Corporation");
        assertThat(mm.get(API + "/contacts.json?fields=" + enc("client_number")).status()).isEqualTo(400);
    }

    @Test
    void aContactNeedsATypeAndANameOrAPersonsFirstAndLastName() {
        Resp person = mm.post(API + "/contacts.json?fields=id,name,first_name,last_name,type,is_client",
                data(json("{'type':'Person','first_name':'Jane','last_name':'Roe','primary_email_address':'jane@roe.example'}")));
        assertThat(person.status()).isEqualTo(201);
        assertThat(dataOf(person).path("name").asText()).isEqualTo("Jane Roe");
        assertThat(dataOf(person).path("is_client").asBoolean()).isFalse();
        long id = dataOf(person).path("id").asLong();

        assertThat(mm.post(API + "/contacts.json", data(json("{'name':'No Type'}"))).errorMessage()).contains("type");
        assertThat(mm.post(API + "/contacts.json", data(json("{'name':'Robot','type':'Robot'}"))).status()).isEqualTo(422);
        assertThat(mm.post(API + "/contacts.json", data(json("{'name':'Old style','type':'Company','client_number':'X-1'}")))
                .errorMessage()).contains("client_number is not a known field");

        Resp patched = mm.patch(API + "/contacts/" + id + ".json?fields=ledes_client_id", data(json("{'ledes_client_id':'ROE-001'}")));
        assertThat(dataOf(patched).path("ledes_client_id").asText()).isEqualTo("ROE-001");
        assertThat(dataOf(mm.get(API + "/contacts.json?query=roe&type=Person&fields=name")).findValuesAsText("name")).contains("Jane Roe");
    }

    @Test
    void usersAndPracticeAreasAreReferenceData() {
        JsonNode users = dataOf(mm.get(API + "/users.json?fields=id,name,email"));
        assertThat(users).hasSize(8);
        users.forEach(u -> assertThat(u.path("email").asText()).matches("[a-z]+\\.[a-z]+@firm\\.example"));
        assertThat(dataOf(mm.get(API + "/users/who_am_i.json?fields=id")).path("id").asLong()).isPositive();
        assertThat(dataOf(mm.get(API + "/users/21.json?fields=name")).path("name").asText()).isEqualTo("Ana Rivera");
        assertThat(dataOf(mm.get(API + "/practice_areas.json?fields=name")).findValuesAsText("name")).containsExactlyInAnyOrder(
                "Litigation", "Corporate / M&A", "Employment", "Intellectual Property", "Real Estate", "Regulatory & Compliance",
                "Commercial Contracts");
        assertThat(dataOf(mm.get(API + "/practice_areas/3.json?fields=name")).path("name").asText()).isEqualTo("Litigation");
    }

    // ------------------------------------------------------------------------------------------ documents

    @Test
    void aDocumentNeedsANameAndAMatterAsItsParent() {
        Resp noParent = mm.post(API + "/documents.json", data(json("{'name':'Complaint.pdf'}")));
        assertThat(noParent.status()).isEqualTo(422);
        assertThat(noParent.errorMessage()).contains("parent");
        Resp oldStyle = mm.post(API + "/documents.json", data(json("{'name':'Complaint.pdf','matter':{'id':1001},'external_id':'DOC-1'}")));
        assertThat(oldStyle.errorMessage()).contains("matter is not a known field", "external_id is not a known field");
        assertThat(mm.post(API + "/documents.json", data(json("{'name':'x.pdf','parent':{'id':1001,'type':'Folder'}}"))).status())
                .as("only matter parents are simulated").isEqualTo(422);
        assertThat(mm.post(API + "/documents.json", data(json("{'name':'x.pdf','parent':{'id':999999,'type':'Matter'}}"))).errorMessage())
                .contains("parent.id");

        Resp created = mm.post(API + "/documents.json?fields=" + enc("id,name,parent{id,type},matter{id,display_number}"),
                data(json("{'name':'Complaint.pdf','parent':{'id':1001,'type':'Matter'},'received_at':'2026-02-01T10:00:00Z'}")));
        assertThat(created.status()).isEqualTo(201);
        JsonNode d = dataOf(created);
        assertThat(d.path("parent").path("id").asLong()).isEqualTo(1001);
        assertThat(d.path("parent").path("type").asText()).isEqualTo("Matter");
        assertThat(d.path("matter").path("id").asLong()).isEqualTo(1001);
        assertThat(dataOf(mm.get(API + "/documents/" + d.path("id").asLong() + ".json?fields=received_at")).path("received_at").asText())
                .isEqualTo("2026-02-01T10:00:00.000Z");
    }

    @Test
    void aDocumentCarriesAtMostFiveExternalPropertiesAsNestedAttributes() {
        String sel = "?fields=" + enc("id,external_properties{id,name,value}");
        Resp created = mm.post(API + "/documents.json" + sel, data(json("{'name':'Answer.pdf','parent':{'id':1002,'type':'Matter'},"
                + "'external_properties':[{'name':'dms_id','value':'LEGAL!42'},{'name':'document_type','value':'Pleading'}]}")));
        JsonNode d = dataOf(created);
        long id = d.path("id").asLong();
        assertThat(d.path("external_properties").findValuesAsText("name")).containsExactly("dms_id", "document_type");
        long typeId = d.path("external_properties").get(1).path("id").asLong();

        JsonNode changed = dataOf(mm.patch(API + "/documents/" + id + ".json" + sel,
                data(json("{'external_properties':[{'id':" + typeId + ",'value':'Motion'},{'name':'author','value':'ARIVERA'}]}"))));
        assertThat(changed.path("external_properties").findValuesAsText("value")).containsExactly("LEGAL!42", "Motion", "ARIVERA");

        JsonNode removed = dataOf(mm.patch(API + "/documents/" + id + ".json" + sel,
                data(json("{'external_properties':[{'id':" + typeId + ",'_destroy':true}]}"))));
        assertThat(removed.path("external_properties").findValuesAsText("name")).containsExactly("dms_id", "author");

        Resp duplicate = mm.patch(API + "/documents/" + id + ".json", data(json("{'external_properties':[{'name':'dms_id','value':'LEGAL!43'}]}")));
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.errorMessage()).contains("external_properties[0].name");
        Resp tooMany = mm.patch(API + "/documents/" + id + ".json", data(json("{'external_properties':[{'name':'a','value':'1'},"
                + "{'name':'b','value':'2'},{'name':'c','value':'3'},{'name':'d','value':'4'}]}")));
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.errorMessage()).contains("at most 5");
    }

    @Test
    void documentsCreatedThroughTheApiAreUncompletedAndListedOnlyWithShowUncompleted() {
        long matter = newMatter("Documents matter");
        Resp created = mm.post(API + "/documents.json?fields=" + enc("id,latest_document_version{uuid,fully_uploaded}"),
                data(json("{'name':'Exhibit A.pdf','parent':{'id':" + matter + ",'type':'Matter'},"
                        + "'external_properties':[{'name':'dms_id','value':'LEGAL!77'}]}")));
        long id = dataOf(created).path("id").asLong();
        assertThat(dataOf(created).path("latest_document_version").path("fully_uploaded").asBoolean()).isFalse();
        assertThat(dataOf(created).path("latest_document_version").path("uuid").asText()).isNotBlank();

        assertThat(dataOf(mm.get(API + "/documents.json?matter_id=" + matter))).isEmpty();
        assertThat(dataOf(mm.get(API + "/documents.json?matter_id=" + matter + "&show_uncompleted=true&fields=id"))
                .findValues("id").stream().map(JsonNode::asLong)).containsExactly(id);
        assertThat(dataOf(mm.get(API + "/documents.json?show_uncompleted=true&external_property_name=dms_id&external_property_value="
                + enc("LEGAL!77") + "&fields=id")).findValues("id").stream().map(JsonNode::asLong)).containsExactly(id);
        assertThat(dataOf(mm.get(API + "/documents.json?show_uncompleted=true&external_property_name=dms_id&external_property_value=nope")))
                .isEmpty();
        assertThat(mm.get(API + "/documents.json?external_property_value=x").status()).isEqualTo(400);
    }

    // ------------------------------------------------------------------------------------------ notes

    @Test
    void aMatterNoteNeedsTypeMatterAndItsMatter() {
        Resp untyped = mm.post(API + "/notes.json", data(json("{'matter':{'id':1001},'subject':'Untyped'}")));
        assertThat(untyped.status()).isEqualTo(422);
        assertThat(untyped.errorMessage()).contains("type");
        assertThat(mm.post(API + "/notes.json", data(json("{'type':'Matter','subject':'No matter'}"))).errorMessage()).contains("matter.id");
        assertThat(mm.post(API + "/notes.json", data(json("{'type':'Contact','contact':{'id':501},'subject':'x'}"))).status())
                .as("contact notes are not simulated").isEqualTo(422);
        assertThat(mm.post(API + "/notes.json", data(json("{'type':'Matter','matter':{'id':1001},'subject':'x','external_id':'p:1'}")))
                .errorMessage()).contains("external_id is not a known field");

        Resp note = mm.post(API + "/notes.json?fields=" + enc("id,type,subject,detail_text_type,date,matter{id}"),
                data(json("{'type':'Matter','matter':{'id':1001},'subject':'Call with opposing counsel'}")));
        assertThat(note.status()).isEqualTo(201);
        assertThat(dataOf(note).path("type").asText()).isEqualTo("Matter");
        assertThat(dataOf(note).path("detail_text_type").asText()).isEqualTo("plain_text");
        assertThat(dataOf(note).path("date").asText()).isEqualTo(today());
        assertThat(dataOf(note).path("matter").path("id").asLong()).isEqualTo(1001);
    }

    @Test
    void noteQueriesSearchSubjectAndDetailAndNotesAreCorrectedByPatch() {
        long matter = matterId("2025-0002");
        Resp note = mm.post(API + "/notes.json?fields=id", data(json("{'type':'Matter','matter':{'id':" + matter + "},"
                + "'subject':'Production VOL7','detail':'2 documents; hub key production:2025-0002:VOL7'}")));
        long id = dataOf(note).path("id").asLong();
        String base = API + "/notes.json?matter_id=" + matter + "&type=Matter&fields=id&query=";
        assertThat(dataOf(mm.get(base + "vol7")).findValues("id").stream().map(JsonNode::asLong)).containsExactly(id);
        assertThat(dataOf(mm.get(base + enc("production:2025-0002:VOL7"))).findValues("id").stream().map(JsonNode::asLong))
                .containsExactly(id);
        assertThat(dataOf(mm.get(base + "nothing-like-it"))).isEmpty();
        assertThat(mm.get(API + "/notes.json?type=Memo").status()).isEqualTo(400);

        Resp patched = mm.patch(API + "/notes/" + id + ".json?fields=detail,updated_at", data(json("{'detail':'3 documents'}")));
        assertThat(dataOf(patched).path("detail").asText()).isEqualTo("3 documents");
        assertThat(dataOf(mm.patch(API + "/notes/" + id + ".json?fields=updated_at", data(json("{'detail':'3 documents'}")))).path("updated_at")
                .asText()).as("no change").isEqualTo(dataOf(patched).path("updated_at").asText());
        assertThat(mm.patch(API + "/notes/" + id + ".json", data(json("{'colour':'red'}"))).status()).isEqualTo(422);
    }

    // ------------------------------------------------------------------------------------------ bills

    @Test
    void billsCannotBeCreatedThroughTheApiOnlyThroughTheControlEndpoint() {
        Resp api = mm.post(API + "/bills.json", data(json("{'number':'INV1','total':1}")));
        assertThat(api.status()).isEqualTo(405);
        assertThat(api.header("Allow")).isEqualTo("GET");

        Resp control = mm.post("/_control/bills", json("{'number':'INV9001','matter_id':1001,'total':2297.00}"));
        assertThat(control.status()).isEqualTo(201);
        long id = control.json().path("id").asLong();
        JsonNode bill = dataOf(mm.get(API + "/bills/" + id + ".json?fields=" + enc("id,number,state,total,balance,matters{id},client{id}")));
        assertThat(bill.path("number").asText()).isEqualTo("INV9001");
        assertThat(bill.path("state").asText()).isEqualTo("draft");
        assertThat(bill.path("total").decimalValue()).isEqualByComparingTo("2297.00");
        assertThat(bill.path("matters").get(0).path("id").asLong()).isEqualTo(1001);
        assertThat(mm.post("/_control/bills", json("{'number':'X','matter_id':1001,'total':1,'state':'submitted'}")).status()).isEqualTo(422);
    }

    @Test
    void billStatesAreCliosAndAreChangedByPatch() {
        long id = mm.post("/_control/bills", json("{'number':'INV9002','matter_id':1003,'total':500}")).json().path("id").asLong();
        Resp approval = mm.patch(API + "/bills/" + id + ".json?fields=state", data(json("{'state':'awaiting_approval'}")));
        assertThat(dataOf(approval).path("state").asText()).isEqualTo("awaiting_approval");
        Resp eBilling = mm.patch(API + "/bills/" + id + ".json", data(json("{'state':'submitted'}")));
        assertThat(eBilling.status()).isEqualTo(422);
        assertThat(eBilling.errorMessage()).contains("draft, awaiting_approval, awaiting_payment, paid, void, deleted");
        assertThat(mm.patch(API + "/bills/" + id + ".json", data(json("{'status':'paid'}"))).status()).isEqualTo(422);

        JsonNode paid = dataOf(mm.patch(API + "/bills/" + id + ".json?fields=state,paid_at", data(json("{'state':'paid'}"))));
        assertThat(paid.path("paid_at").asText()).isNotBlank();
        assertThat(dataOf(mm.get(API + "/bills.json?state=paid&fields=number")).findValuesAsText("number")).contains("INV9002");
        assertThat(dataOf(mm.get(API + "/bills.json?query=INV9002&fields=number")).findValuesAsText("number")).containsExactly("INV9002");
        assertThat(dataOf(mm.get(API + "/bills.json?matter_id=1003&fields=number")).findValuesAsText("number")).contains("INV9002");
    }

    // ------------------------------------------------------------------------------------------ webhook subscriptions

    @Test
    void aSubscriptionNeedsAUrlAModelAndFields() {
        Resp r = mm.post(API + "/webhooks.json", data(json("{'events':['created']}")));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().path("error").path("fields").toString()).contains("url", "model", "fields");
    }

    @Test
    void aSubscriptionsUrlMustBeHttpsOrPlainHttpToALoopbackAddress() {
        for (String url : List.of("http://hub.example/hook", "ftp://127.0.0.1/hook", "/relative/hook")) {
            Resp r = mm.post(API + "/webhooks.json", data(json("{'url':'" + url + "','model':'matter','fields':'id'}")));
            assertThat(r.status()).as(url).isEqualTo(422);
            assertThat(r.errorMessage()).contains("url");
        }
        assertThat(createWebhook("https://127.0.0.1:1/hook", "matter", "id").path("url").asText()).isEqualTo("https://127.0.0.1:1/hook");
        assertThat(createWebhook("http://localhost:1/hook", "matter", "id").path("status").asText()).isEqualTo("pending");
    }

    @Test
    void modelsEventsAndFieldsAreCheckedWhenTheSubscriptionIsMade() {
        Resp model = mm.post(API + "/webhooks.json", data(json("{'url':'" + receiver.url() + "','model':'invoice','fields':'id'}")));
        assertThat(model.errorMessage()).contains("model");
        Resp event = mm.post(API + "/webhooks.json", data(json("{'url':'" + receiver.url() + "','model':'matter','fields':'id',"
                + "'events':['opened']}")));
        assertThat(event.errorMessage()).contains("events", "opened");
        for (String fields : List.of("id,conflict_status", "id,relationships{contact}", "id,client{client_number}", "id,{x}")) {
            Resp r = mm.post(API + "/webhooks.json", data(json("{'url':'" + receiver.url() + "','model':'matter','fields':'" + fields + "'}")));
            assertThat(r.status()).as(fields).isEqualTo(422);
            assertThat(r.errorMessage()).contains("fields");
        }
        Resp byNumber = mm.post(API + "/webhooks.json?fields=id,model", data(json("{'url':'" + receiver.url() + "','model':1,'fields':'id'}")));
        assertThat(byNumber.status()).isEqualTo(201);
        assertThat(dataOf(byNumber).path("model").asText()).as("Clio's model id 1").isEqualTo("matter");
        JsonNode defaults = dataOf(mm.get(API + "/webhooks/" + dataOf(byNumber).path("id").asLong() + ".json?fields=events"));
        assertThat(defaults.path("events").toString()).as("events left out").isEqualTo("[\"created\",\"updated\",\"deleted\"]");
    }

    @Test
    void aSubscriptionNamingAFieldTheModelLacksNeverBreaksWritesOfThatModel() {
        Resp refused = mm.post(API + "/webhooks.json", data(json("{'url':'" + receiver.url() + "','model':'matter','fields':'id,bogus'}")));
        assertThat(refused.status()).isEqualTo(422);
        int matters = matterCount();
        assertThat(mm.post(API + "/matters.json", data(json("{'description':'Still writable','client':{'id':" + acmeId() + "}}"))).status())
                .isEqualTo(201);
        assertThat(matterCount()).isEqualTo(matters + 1);
        // a field Clio has that the sandbox does not simulate is accepted and delivered as null
        JsonNode hook = subscribe("matter", "id,currency", "created");
        long id = newMatter("Currency matter");
        awaitPayloads(hook, 1);
        assertThat(payloads(hook).get(0).path("data").path("id").asLong()).isEqualTo(id);
        assertThat(payloads(hook).get(0).path("data").path("currency").isNull()).isTrue();
    }

    @Test
    void aSubscriptionExpiresInThreeDaysByDefaultAndAtMost31DaysAhead() {
        Instant now = Instant.now();
        JsonNode hook = createWebhook(receiver.url(), "matter", "id");
        assertThat(Instant.parse(hook.path("expires_at").asText()).getEpochSecond())
                .isCloseTo(now.plus(Duration.ofDays(3)).getEpochSecond(), within(120L));
        String in31 = now.plus(Duration.ofDays(31)).minusSeconds(120).toString();
        Resp ok = mm.post(API + "/webhooks.json?fields=expires_at", data(json("{'url':'" + receiver.url() + "','model':'matter','fields':'id',"
                + "'expires_at':'" + in31 + "'}")));
        assertThat(ok.status()).isEqualTo(201);
        for (String when : List.of(now.plus(Duration.ofDays(32)).toString(), now.minusSeconds(60).toString(), "next week")) {
            Resp r = mm.post(API + "/webhooks.json", data(json("{'url':'" + receiver.url() + "','model':'matter','fields':'id',"
                    + "'expires_at':'" + when + "'}")));
            assertThat(r.status()).as(when).isEqualTo(422);
            assertThat(r.errorMessage()).contains("expires_at");
        }
    }

    @Test
    void aNewSubscriptionIsPendingWithASharedSecretAndIsEnabledByAHandshakeAnswerEchoingXHookSecret() {
        JsonNode hook = createWebhook(receiver.url(), "matter", "id,etag", "created");
        long id = hook.path("id").asLong();
        assertThat(hook.path("status").asText()).isEqualTo("pending");
        String secret = hook.path("shared_secret").asText();
        assertThat(secret).matches("[0-9a-f]{48}");
        assertThat(names(hook)).contains("id", "etag", "url", "fields", "shared_secret", "model", "status", "expires_at",
                "created_at", "updated_at");

        await().atMost(Duration.ofSeconds(5)).until(() -> !receiver.handshakes().isEmpty());
        WebhookReceiver.Delivery handshake = receiver.handshakes().get(0);
        assertThat(handshake.header("X-Hook-Secret")).isEqualTo(secret);
        assertThat(handshake.json().path("data").path("id").asLong()).isEqualTo(id);
        await().atMost(Duration.ofSeconds(5)).until(() -> webhookStatus(id).equals("enabled"));
        assertThat(receiver.deliveries()).as("a handshake is not a delivery").isEmpty();
    }

    @Test
    void aHandshakeAnsweredWithoutTheSecretLeavesTheSubscriptionPendingUntilActivatedWithIt() {
        receiver.answerHandshakes(WebhookReceiver.Handshake.IGNORE);
        JsonNode hook = createWebhook(receiver.url(), "matter", "id", "created");
        long id = hook.path("id").asLong();
        await().atMost(Duration.ofSeconds(5)).until(() -> !receiver.handshakes().isEmpty());
        newMatter("Before activation");
        assertNothingArrives(hook);
        assertThat(webhookStatus(id)).isEqualTo("pending");

        String activate = API + "/webhooks/" + id + "/activate";
        assertThat(mm.send("PUT", activate, null, new String[]{"X-Hook-Secret", "wrong"}).status()).isEqualTo(403);
        assertThat(mm.put(activate, null).status()).isEqualTo(403);
        Resp activated = mm.send("PUT", activate + "?fields=id,status", null, new String[]{"X-Hook-Secret", hook.path("shared_secret").asText()});
        assertThat(activated.status()).isEqualTo(200);
        assertThat(dataOf(activated).path("status").asText()).isEqualTo("enabled");

        long after = newMatter("After activation");
        awaitPayloads(hook, 1);
        assertThat(payloads(hook).get(0).path("data").path("id").asLong()).isEqualTo(after);
    }

    @Test
    void aHandshakeAnswered410LeavesTheSubscriptionPending() {
        receiver.answerHandshakes(WebhookReceiver.Handshake.GONE);
        JsonNode hook = createWebhook(receiver.url(), "matter", "id", "created");
        await().atMost(Duration.ofSeconds(5)).until(() -> !receiver.handshakes().isEmpty());
        newMatter("Unwanted");
        assertNothingArrives(hook);
        assertThat(webhookStatus(hook.path("id").asLong())).isEqualTo("pending");
    }

    @Test
    void aDeliveryCarriesTheSubscribedFieldsAndTheEventAndIsSignedWithTheSharedSecret() {
        JsonNode hook = subscribe("matter", "id,etag,display_number,status,client{id,name,ledes_client_id},custom_field_values{value,custom_field}",
                "created");
        long id = newMatter("Signed delivery");
        awaitPayloads(hook, 1);
        WebhookReceiver.Delivery d = receiver.deliveries().stream()
                .filter(x -> x.json().path("meta").path("webhook_id").asLong() == hook.path("id").asLong()).findFirst().orElseThrow();
        assertThat(d.header("X-Hook-Signature")).isEqualTo(WebhookReceiver.hmac(hook.path("shared_secret").asText(), d.body()));
        assertThat(d.header("Content-Type")).isEqualTo("application/json");
        assertThat(d.header("X-Hook-Event-Id")).as("Clio sends no event id").isNull();

        JsonNode payload = d.json();
        assertThat(names(payload)).containsExactly("data", "meta");
        assertThat(names(payload.path("meta"))).containsExactly("event", "webhook_id");
        assertThat(payload.path("meta").path("event").asText()).isEqualTo("created");
        assertThat(payload.path("meta").path("webhook_id").asLong()).isEqualTo(hook.path("id").asLong());
        JsonNode m = payload.path("data");
        assertThat(names(m)).containsExactly("id", "etag", "display_number", "status", "client", "custom_field_values");
        assertThat(m.path("id").asLong()).isEqualTo(id);
        assertThat(m.path("etag").asText()).isEqualTo(matter(id, "etag").path("etag").asText());
        assertThat(m.path("status").asText()).isEqualTo("Open");
        assertThat(names(m.path("client"))).containsExactly("id", "name", "ledes_client_id");
        assertThat(m.path("client").path("ledes_client_id").asText()).isEqualTo("ACME-001");
        assertThat(m.path("custom_field_values")).hasSize(4);
        assertThat(names(m.path("custom_field_values").get(0))).containsExactly("value", "custom_field");
    }

    @Test
    void updatedIsSentOnlyWhenAWatchedFieldChanged() {
        long id = newMatter("Watched matter");
        JsonNode hook = subscribe("matter", "id,status", "updated");
        patchMatter(id, "{'description':'Watched matter, renamed'}");
        patchMatter(id, "{'client_reference':'REF-1'}");
        patchMatter(id, "{'status':'pending'}");
        awaitPayloads(hook, 1);
        JsonNode p = payloads(hook).get(0);
        assertThat(p.path("meta").path("event").asText()).isEqualTo("updated");
        assertThat(p.path("data").path("status").asText()).isEqualTo("Pending");
        // events of one record arrive in order, so an update of an unwatched field would have come first
        patchMatter(id, "{'description':'Renamed again'}");
        patchMatter(id, "{'status':'open'}");
        awaitPayloads(hook, 2);
        assertThat(payloads(hook).get(1).path("data").path("status").asText()).isEqualTo("Open");
    }

    @Test
    void statusChangesSendMatterOpenedPendedAndClosed() {
        long id = newMatter("Lifecycle matter");
        JsonNode hook = subscribe("matter", "id,status", "matter_opened", "matter_pended", "matter_closed");
        patchMatter(id, "{'description':'No status change'}");
        patchMatter(id, "{'status':'pending'}");
        patchMatter(id, "{'status':'closed'}");
        patchMatter(id, "{'status':'open'}");
        awaitPayloads(hook, 3);
        assertThat(events(hook)).containsExactly("matter_pended", "matter_closed", "matter_opened");
        assertThat(payloads(hook).stream().map(p -> p.path("data").path("status").asText())).containsExactly("Pending", "Closed", "Open");
    }

    @Test
    void onlyTheSubscribedModelAndEventsAreDelivered() {
        JsonNode matters = subscribe("matter", "id", "created");
        JsonNode contacts = subscribe("contact", "id,name,ledes_client_id", "created", "updated");
        long contact = dataOf(mm.post(API + "/contacts.json", data(json("{'name':'Hooli XYZ','type':'Company'}")))).path("id").asLong();
        mm.patch(API + "/contacts/" + contact + ".json", data(json("{'ledes_client_id':'HOOLI-001'}")));
        long id = newMatter("Model matter");
        patchMatter(id, "{'description':'Not subscribed to updates'}");
        awaitPayloads(contacts, 2);
        assertThat(events(contacts)).containsExactly("created", "updated");
        assertThat(payloads(contacts).get(1).path("data").path("ledes_client_id").asText()).isEqualTo("HOOLI-001");
        awaitPayloads(matters, 1);
        assertThat(payloads(matters).get(0).path("data").path("id").asLong()).isEqualTo(id);
        await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> payloads(matters).size() == 1);
    }

    @Test
    void deletingAMatterSendsDeleted() {
        long id = newMatter("Deleted matter");
        JsonNode hook = subscribe("matter", "id,display_number", "deleted");
        String number = matter(id, "display_number").path("display_number").asText();
        mm.delete(API + "/matters/" + id + ".json");
        awaitPayloads(hook, 1);
        assertThat(events(hook)).containsExactly("deleted");
        assertThat(payloads(hook).get(0).path("data").path("display_number").asText()).isEqualTo(number);
    }

    @Test
    void customFieldAndRelationshipChangesAreMatterUpdates() {
        long id = newMatter("Parties and flags");
        JsonNode hook = subscribe("matter", "id,custom_field_values{id,value,custom_field},relationships{id,description}", "updated");
        patchMatter(id, "{'custom_field_values':[{'custom_field':{'id':3001},'value':'cleared'}]}");
        awaitPayloads(hook, 1);
        JsonNode values = payloads(hook).get(0).path("data").path("custom_field_values");
        assertThat(values.get(0).path("value").asText()).isEqualTo("cleared");

        mm.post(API + "/relationships.json", data(json("{'description':'Adverse Party','matter':{'id':" + id + "},'contact':{'id':530}}")));
        awaitPayloads(hook, 2);
        assertThat(payloads(hook).get(1).path("data").path("relationships").findValuesAsText("description")).containsExactly("Adverse Party");
    }

    @Test
    void billAndDocumentChangesGoToTheirModelsSubscriptions() {
        long bill = mm.post("/_control/bills", json("{'number':'INV9003','matter_id':1005,'total':100}")).json().path("id").asLong();
        JsonNode bills = subscribe("bill", "id,number,state", "updated");
        JsonNode documents = subscribe("document", "id,name,external_properties{name,value}", "created");
        mm.patch(API + "/bills/" + bill + ".json", data(json("{'state':'awaiting_payment'}")));
        mm.post(API + "/documents.json", data(json("{'name':'Hooked.pdf','parent':{'id':1005,'type':'Matter'},"
                + "'external_properties':[{'name':'dms_id','value':'LEGAL!99'}]}")));
        awaitPayloads(bills, 1);
        assertThat(payloads(bills).get(0).path("data").path("state").asText()).isEqualTo("awaiting_payment");
        awaitPayloads(documents, 1);
        assertThat(payloads(documents).get(0).path("data").path("external_properties").get(0).path("value").asText()).isEqualTo("LEGAL!99");
    }

    @Test
    void aReceiverAnswering410SuspendsTheSubscription() {
        long id = newMatter("Gone matter");
        JsonNode hook = subscribe("matter", "id,description", "updated");
        receiver.answerNext(410);
        patchMatter(id, "{'description':'First change'}");
        awaitPayloads(hook, 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> webhookStatus(hook.path("id").asLong()).equals("suspended"));
        patchMatter(id, "{'description':'Second change'}");
        await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> payloads(hook).size() == 1);
        JsonNode delivery = mm.get("/_control/webhooks/deliveries").json().path("deliveries").get(0);
        assertThat(delivery.path("status").asText()).isEqualTo("gone");
        assertThat(delivery.path("attempts").asInt()).as("a 410 is not retried").isEqualTo(1);
    }

    @Test
    void anExpiredSubscriptionDeliversNothingUntilItsExpiryIsMovedOn() {
        long id = newMatter("Expiring matter");
        JsonNode hook = subscribe("matter", "id,description", "updated");
        long hookId = hook.path("id").asLong();
        assertThat(mm.post("/_control/webhooks/" + hookId + "/expire", null).status()).isEqualTo(200);
        patchMatter(id, "{'description':'While expired'}");
        assertNothingArrives(hook);

        String later = Instant.now().plus(Duration.ofDays(10)).toString();
        Resp renewed = mm.patch(API + "/webhooks/" + hookId + ".json?fields=expires_at,status", data(json("{'expires_at':'" + later + "'}")));
        assertThat(renewed.status()).isEqualTo(200);
        assertThat(Instant.parse(dataOf(renewed).path("expires_at").asText())).isAfter(Instant.now().plus(Duration.ofDays(9)));
        assertThat(dataOf(renewed).path("status").asText()).isEqualTo("enabled");
        patchMatter(id, "{'description':'After renewal'}");
        awaitPayloads(hook, 1);
        assertThat(payloads(hook).get(0).path("data").path("description").asText()).isEqualTo("After renewal");
    }

    @Test
    void aSuspendedSubscriptionDeliversNothingUntilActivatedAgain() {
        long id = newMatter("Suspended matter");
        JsonNode hook = subscribe("matter", "id,description", "updated");
        long hookId = hook.path("id").asLong();
        assertThat(mm.post("/_control/webhooks/" + hookId + "/suspend", null).json().path("status").asText()).isEqualTo("suspended");
        patchMatter(id, "{'description':'While suspended'}");
        assertNothingArrives(hook);
        mm.send("PUT", API + "/webhooks/" + hookId + "/activate", null, new String[]{"X-Hook-Secret", hook.path("shared_secret").asText()});
        patchMatter(id, "{'description':'Active again'}");
        awaitPayloads(hook, 1);
        assertThat(payloads(hook).get(0).path("data").path("description").asText()).isEqualTo("Active again");
        assertThat(mm.post("/_control/webhooks/999999/suspend", null).status()).isEqualTo(404);
    }

    @Test
    void aNewUrlMakesTheSubscriptionPendingAndRepeatsTheHandshakeThere() {
        try (WebhookReceiver other = new WebhookReceiver()) {
            long id = newMatter("Moving hook");
            JsonNode hook = subscribe("matter", "id,description", "updated");
            long hookId = hook.path("id").asLong();
            Resp moved = mm.patch(API + "/webhooks/" + hookId + ".json?fields=url,status", data(json("{'url':'" + other.url() + "'}")));
            assertThat(dataOf(moved).path("status").asText()).isEqualTo("pending");
            await().atMost(Duration.ofSeconds(5)).until(() -> !other.handshakes().isEmpty());
            assertThat(other.handshakes().get(0).header("X-Hook-Secret")).isEqualTo(hook.path("shared_secret").asText());
            await().atMost(Duration.ofSeconds(5)).until(() -> webhookStatus(hookId).equals("enabled"));
            patchMatter(id, "{'description':'Delivered elsewhere'}");
            await().atMost(Duration.ofSeconds(5)).until(() -> payloads(other, hook).size() == 1);
            assertThat(payloads(hook)).isEmpty();
        }
    }

    @Test
    void subscriptionsAreListedReadAndDeleted() {
        JsonNode a = subscribe("matter", "id", "created");
        JsonNode b = createWebhook(receiver.url(), "contact", "id");
        JsonNode listed = dataOf(mm.get(API + "/webhooks.json?fields=id,model,status"));
        assertThat(listed.findValues("id").stream().map(JsonNode::asLong)).containsExactly(a.path("id").asLong(), b.path("id").asLong());
        JsonNode read = dataOf(mm.get(API + "/webhooks/" + a.path("id").asLong() + ".json?fields=id,status,expires_at"));
        assertThat(names(read)).containsExactly("id", "status", "expires_at");

        assertThat(mm.delete(API + "/webhooks/" + a.path("id").asLong() + ".json").status()).isEqualTo(204);
        assertThat(mm.get(API + "/webhooks/" + a.path("id").asLong() + ".json").status()).isEqualTo(404);
        newMatter("After unsubscribing");
        assertNothingArrives(a);
    }

    @Test
    void theControlEndpointListsDeliveriesAndClearsThem() {
        JsonNode hook = subscribe("matter", "id", "created");
        long id = newMatter("Logged delivery");
        awaitPayloads(hook, 1);
        await().atMost(Duration.ofSeconds(2)).until(() ->
                mm.get("/_control/webhooks/deliveries").json().path("deliveries").path(0).path("status").asText().equals("delivered"));
        JsonNode d = mm.get("/_control/webhooks/deliveries").json().path("deliveries").get(0);
        assertThat(d.path("webhook_id").asLong()).isEqualTo(hook.path("id").asLong());
        assertThat(d.path("model").asText()).isEqualTo("matter");
        assertThat(d.path("event").asText()).isEqualTo("created");
        assertThat(d.path("record_id").asText()).isEqualTo(Long.toString(id));
        assertThat(d.path("url").asText()).isEqualTo(receiver.url());
        assertThat(d.path("attempts").asInt()).isEqualTo(1);
        assertThat(d.path("last_status_code").asInt()).isEqualTo(200);
        assertThat(mm.delete("/_control/webhooks/deliveries").status()).isEqualTo(204);
        assertThat(mm.get("/_control/webhooks/deliveries").json().path("deliveries")).isEmpty();
    }

    @Test
    void matterManagementHasNoStaticWebhookTarget() {
        assertThat(mm.get("/_control/webhook").status()).isEqualTo(404);
        assertThat(mm.put("/_control/webhook", json("{'url':'" + receiver.url() + "','secret':'s'}")).status()).isEqualTo(404);
        // nor can one be set from outside: only subscriptions receive webhooks
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sandbox.setWebhookTarget(SandboxSystem.MATTER_MANAGEMENT, receiver.url(), "s"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subscriptions");
    }

    // ------------------------------------------------------------------------------------------ control

    @Test
    void generatedMattersAreNumberedPerPrefixAndCanSendCreatedWebhooks() {
        JsonNode hook = subscribe("matter", "id,display_number", "created");
        JsonNode quiet = mm.post("/_control/matters/generate", json("{'count':2,'prefix':'GEN'}")).json();
        assertThat(quiet.path("first_number").asText()).isEqualTo("GEN-000001");
        assertThat(quiet.path("last_number").asText()).isEqualTo("GEN-000002");
        JsonNode loud = mm.post("/_control/matters/generate", json("{'count':1,'prefix':'GEN','webhooks':true}")).json();
        assertThat(loud.path("first_number").asText()).isEqualTo("GEN-000003");
        awaitPayloads(hook, 1);
        assertThat(payloads(hook).get(0).path("data").path("display_number").asText()).isEqualTo("GEN-000003");
        JsonNode rels = dataOf(mm.get(API + "/relationships.json?matter_id=" + loud.path("first_id").asLong() + "&fields=description"));
        assertThat(rels.findValuesAsText("description")).containsExactly("Client");
    }

    @Test
    void touchChangesAMattersDescriptionAndSendsUpdated() {
        JsonNode hook = subscribe("matter", "id,description", "updated");
        String before = matter(1007, "etag").path("etag").asText();
        JsonNode touched = dataOf(mm.post("/_control/matters/1007/touch", null));
        assertThat(touched.path("description").asText()).matches(".* \\(rev \\d+\\)");
        assertThat(touched.path("etag").asText()).isNotEqualTo(before);
        awaitPayloads(hook, 1);
        assertThat(payloads(hook).get(0).path("data").path("description").asText()).isEqualTo(touched.path("description").asText());
        assertThat(dataOf(mm.post("/_control/matters/1007/touch", json("{'description':'Set by a test'}"))).path("description").asText())
                .isEqualTo("Set by a test");
    }
}
