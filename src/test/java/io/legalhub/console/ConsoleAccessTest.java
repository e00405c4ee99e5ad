package io.legalhub.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import io.legalhub.deadletter.DeadLetterStatus;
import io.legalhub.deadletter.DeadLetterStore;
import io.legalhub.support.HubIntegrationTest;
import io.legalhub.support.SandboxClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Issue 4: who may see and do what in the console, and that its forms are protected against CSRF. */
class ConsoleAccessTest extends HubIntegrationTest {

    private static final RequestPostProcessor VIEWER = user("viewer").roles("VIEWER");
    private static final RequestPostProcessor OPERATOR = user("operator").roles("OPERATOR", "VIEWER");

    @Autowired
    private WebApplicationContext context;
    @Autowired
    private DeadLetterStore store;

    private MockMvc mvc;

    @BeforeEach
    void mockMvcWithTheHubsSecurity() {
        // built on the shared hub's context (not @AutoConfigureMockMvc, which would start a second hub)
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void anonymousVisitorsAreSentToTheSignInPage() throws Exception {
        for (String page : new String[] {"/console", "/console/dead-letters", "/console/dead-letters/1", "/console/trail?key=x",
                "/console/jobs/1", "/console/dead-letters/replay"}) {
            String location = mvc.perform(get(page)).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
            assertThat(location).as(page).endsWith("/console/login");
        }
        mvc.perform(post("/console/dead-letters/1/replay").with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(body(mvc.perform(get("/console/login")).andExpect(status().isOk()).andReturn()))
                .contains("Sign in to Legal Hub").contains("name=\"_csrf\"");
    }

    @Test
    void signingInWithAWrongPasswordSaysSoAndSigningOutSaysSo() throws Exception {
        mvc.perform(formLogin("/console/login").user("operator").password("wrong")).andExpect(redirectedUrl("/console/login?error"));
        mvc.perform(formLogin("/console/login").user("operator").password("operator")).andExpect(redirectedUrl("/console"));

        assertThat(body(mvc.perform(get("/console/login?error")).andReturn())).contains("user name or password is not right");
        assertThat(body(mvc.perform(get("/console/login?logout")).andReturn())).contains("You are signed out");
        mvc.perform(post("/console/logout").accept(MediaType.TEXT_HTML).with(OPERATOR).with(csrf()))
                .andExpect(redirectedUrl("/console/login?logout"));
    }

    @Test
    void theHeaderShowsWhoIsSignedInAndTheirRole() throws Exception {
        String dashboard = body(mvc.perform(get("/console").with(VIEWER)).andExpect(status().isOk()).andReturn());

        assertThat(dashboard).contains("data-testid=\"user-name\">viewer<").contains("data-testid=\"user-role\">Viewer<").contains("Sign out");
        assertThat(dashboard).contains("hub.in.matter").contains("hub.out.billing.matter").contains("Open dead letters");
        // the hub's OAuth 2 grants, one row per system, never a secret
        assertThat(dashboard).contains("data-testid=\"system-access\"").contains("client_credentials").contains("refresh_token")
                .doesNotContain(io.legalhub.support.SandboxOAuth.IMANAGE.clientSecret());
    }

    @Test
    void aViewerReadsADeadLetterWithoutAnyActionButtons() throws Exception {
        Rejected rejected = rejectedInBilling("Viewer console");

        String detail = body(mvc.perform(get("/console/dead-letters/" + rejected.id).with(VIEWER)).andExpect(status().isOk()).andReturn());
        String list = body(mvc.perform(get("/console/dead-letters?q=" + rejected.number).with(VIEWER)).andExpect(status().isOk()).andReturn());
        String dryRun = body(mvc.perform(get("/console/dead-letters/" + rejected.id + "/dry-run").with(VIEWER)).andExpect(status().isOk()).andReturn());

        assertThat(detail).contains("billing refused this record (HTTP 400): Refused for the console test")
                .contains("What to do:").contains(rejected.number)
                .doesNotContain("data-testid=\"replay\"").doesNotContain("data-testid=\"save\"").doesNotContain("data-testid=\"discard\"")
                .contains("readonly");
        assertThat(list).contains(rejected.number).doesNotContain("data-testid=\"replay-all\"");
        assertThat(dryRun).contains("A replay would go through:").contains("/billing/api/v1/matters");
    }

    @Test
    void aViewerIsRefusedEveryChangeWith403AndNothingChanges() throws Exception {
        Rejected rejected = rejectedInBilling("Viewer refused");
        String base = "/console/dead-letters/" + rejected.id;

        mvc.perform(post(base + "/replay").with(VIEWER).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post(base + "/payload").param("payload", "{}").with(VIEWER).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post(base + "/discard").param("reason", "no").with(VIEWER).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post(base + "/resolve").with(VIEWER).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/console/dead-letters/replay").param("q", rejected.number).with(VIEWER).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/console/dead-letters/replay").param("q", rejected.number).with(VIEWER)).andExpect(status().isForbidden());

        assertThat(store.get(rejected.id).status()).isEqualTo(DeadLetterStatus.OPEN);
        assertThat(store.history(rejected.id)).extracting(h -> h.actor()).doesNotContain("viewer");
    }

    @Test
    void aConsoleFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
        Rejected rejected = rejectedInBilling("CSRF refused");

        mvc.perform(post("/console/dead-letters/" + rejected.id + "/discard").param("reason", "forged").with(OPERATOR))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/dead-letters/" + rejected.id + "/replay").with(OPERATOR).with(csrf().useInvalidToken()))
                .andExpect(status().isForbidden());

        assertThat(store.get(rejected.id).status()).isEqualTo(DeadLetterStatus.OPEN);
    }

    @Test
    void anOperatorSeesTheActionsAndEachActionSaysWhatHappened() throws Exception {
        Rejected rejected = rejectedInBilling("Operator acts");
        String base = "/console/dead-letters/" + rejected.id;

        String detail = body(mvc.perform(get(base).with(OPERATOR)).andExpect(status().isOk()).andReturn());
        assertThat(detail).contains("data-testid=\"replay\"").contains("data-testid=\"save\"").contains("data-testid=\"discard\"")
                .contains("data-testid=\"resolve\"").contains("data-testid=\"dry-run\"");
        assertThat(body(mvc.perform(get("/console/dead-letters?q=" + rejected.number).with(OPERATOR)).andReturn()))
                .contains("data-testid=\"replay-all\"");

        mvc.perform(post(base + "/payload").param("payload", "{\"name\": ").with(OPERATOR).with(csrf()))
                .andExpect(redirectedUrl(base))
                .andExpect(flash().attribute("problem", org.hamcrest.Matchers.containsString("not valid JSON")))
                .andExpect(flash().attribute("draft", "{\"name\": "));
        mvc.perform(post(base + "/discard").param("reason", " ").with(OPERATOR).with(csrf()))
                .andExpect(flash().attribute("problem", org.hamcrest.Matchers.containsString("reason is required")));
        mvc.perform(post(base + "/discard").param("reason", "Opened by mistake").with(OPERATOR).with(csrf()))
                .andExpect(redirectedUrl(base))
                .andExpect(flash().attribute("notice", org.hamcrest.Matchers.containsString("discarded")));
        mvc.perform(post(base + "/replay").with(OPERATOR).with(csrf()))
                .andExpect(flash().attribute("problem", org.hamcrest.Matchers.containsString("only open dead letters can be replayed")));

        assertThat(store.get(rejected.id).status()).isEqualTo(DeadLetterStatus.DISCARDED);
        String after = body(mvc.perform(get(base).with(OPERATOR)).andReturn());
        assertThat(after).contains("Opened by mistake").doesNotContain("data-testid=\"replay\"");
    }

    @Test
    void anOperatorConfirmsABulkReplayAndIsTakenToItsProgress() throws Exception {
        Rejected rejected = rejectedInBilling("Bulk console");
        sandbox.ok("PATCH", "/billing/_control/faults", "{\"rejectRecords\":{\"" + rejected.number + "\":null}}");

        String confirm = body(mvc.perform(get("/console/dead-letters/replay").param("q", rejected.number).param("target", "billing")
                .with(OPERATOR)).andExpect(status().isOk()).andReturn());
        assertThat(confirm).contains("data-testid=\"matching\">1<").contains("to billing");

        String job = mvc.perform(post("/console/dead-letters/replay").param("q", rejected.number).param("target", "billing")
                .with(OPERATOR).with(csrf())).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(job).matches("/console/jobs/\\d+");
        await().atMost(Duration.ofSeconds(30)).until(() -> store.get(rejected.id).status() == DeadLetterStatus.REPLAYED);
        assertThat(body(mvc.perform(get(job).with(VIEWER)).andExpect(status().isOk()).andReturn())).contains("100%");
    }

    @Test
    void theTrailPageShowsWhereTheRecordIsAndLinksItsDeadLetter() throws Exception {
        Rejected rejected = rejectedInBilling("Trail console");

        String trail = body(mvc.perform(get("/console/trail").param("entity", "matter").param("key", rejected.number).with(VIEWER))
                .andExpect(status().isOk()).andReturn());
        String unknown = body(mvc.perform(get("/console/trail").param("key", "NO-SUCH-MATTER").with(VIEWER)).andReturn());

        assertThat(trail).contains("data-step=\"received\"").contains("data-step=\"delivered\"").contains("data-step=\"failed\"")
                .contains("/console/dead-letters/" + rejected.id);
        assertThat(unknown).contains("The hub has no trail for matter NO-SUCH-MATTER");
    }

    @Test
    void anUnknownDeadLetterOrABadFilterGetsAPageSayingSo() throws Exception {
        assertThat(body(mvc.perform(get("/console/dead-letters/987654321").with(VIEWER)).andExpect(status().isNotFound()).andReturn()))
                .contains("No dead letter with id 987654321");
        assertThat(body(mvc.perform(get("/console/dead-letters?status=maybe&from=yesterday").with(VIEWER)).andExpect(status().isOk()).andReturn()))
                .contains("Unknown status &#39;maybe&#39;").contains("From must be a date and time");
    }

    // ---- helpers

    private record Rejected(String number, long id) {
    }

    /** A matter billing refuses, and its open dead letter. */
    private Rejected rejectedInBilling(String name) throws Exception {
        String number = newMatterNumber();
        sandbox.ok("PATCH", "/billing/_control/faults", "{\"rejectRecords\":{\"" + number + "\":\"Refused for the console test\"}}");
        long client = sandbox.createClient(name + " client " + number, "Company");
        sandbox.createMatter(number, name, client, null);
        JsonNode page = await().atMost(Duration.ofSeconds(30)).until(
                () -> SandboxClient.JSON.readTree(api("GET", "/api/dead-letters?status=open&target=billing&q=" + number, null, "viewer").body()),
                p -> p.get("total").asInt() == 1);
        return new Rejected(number, page.get("items").get(0).get("id").asLong());
    }

    private static String body(org.springframework.test.web.servlet.MvcResult result) throws Exception {
        return result.getResponse().getContentAsString();
    }
}
