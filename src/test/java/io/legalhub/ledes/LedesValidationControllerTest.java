package io.legalhub.ledes;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class LedesValidationControllerTest {

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.standaloneSetup(new LedesValidationController(new LedesValidator())).build();
    }

    @Test
    void validFileAnswersValidWithCounts() throws Exception {
        mvc.perform(post("/api/ledes/validate").contentType(MediaType.TEXT_PLAIN)
                        .content(LedesTestFiles.read("valid-fees-expenses-adjustments.txt")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.invoices").value(1))
                .andExpect(jsonPath("$.lines").value(7))
                .andExpect(jsonPath("$.errors").value(0))
                .andExpect(jsonPath("$.warnings").value(0))
                .andExpect(jsonPath("$.violations").isEmpty());
    }

    @Test
    void invalidFileAnswers200WithEveryViolation() throws Exception {
        mvc.perform(post("/api/ledes/validate").contentType(MediaType.TEXT_PLAIN)
                        .content(LedesTestFiles.read("invalid-date-format.txt")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.invoices").value(1))
                .andExpect(jsonPath("$.lines").value(2))
                .andExpect(jsonPath("$.errors").value(1))
                .andExpect(jsonPath("$.warnings").value(0))
                .andExpect(jsonPath("$.violations[0].line").value(4))
                .andExpect(jsonPath("$.violations[0].field").value("LINE_ITEM_DATE"))
                .andExpect(jsonPath("$.violations[0].message").value(Matchers.containsString("2026-10-06")))
                .andExpect(jsonPath("$.violations[0].severity").value("ERROR"))
                .andExpect(jsonPath("$.violations[0].invoiceNumber").value("INV20260415"))
                .andExpect(jsonPath("$.violations[0].length()").value(5));
    }

    @Test
    void warningsAreCountedSeparately() throws Exception {
        mvc.perform(post("/api/ledes/validate").contentType(MediaType.TEXT_PLAIN)
                        .content(LedesTestFiles.read("valid-legacy-timekeeper-class.txt")))
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.errors").value(0))
                .andExpect(jsonPath("$.warnings").value(1))
                .andExpect(jsonPath("$.violations[0].severity").value("WARNING"));
    }

    @Test
    void octetStreamUploadIsAccepted() throws Exception {
        mvc.perform(post("/api/ledes/validate").contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .content(LedesTestFiles.read("invalid-total-mismatch.txt").getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.errors").value(2))
                .andExpect(jsonPath("$.violations[*].field").value(Matchers.everyItem(Matchers.is("INVOICE_TOTAL"))));
    }

    @Test
    void textWithoutCharsetIsReadAsUtf8AndWindows1252IsNotMangled() throws Exception {
        String withAccent = LedesTestFiles.read("valid-two-fee-lines.txt").replace("Rivera, Ana", "Rivera, Ana Mar\u00eda");
        for (Charset charset : new Charset[] {StandardCharsets.UTF_8, Charset.forName("windows-1252")}) {
            mvc.perform(post("/api/ledes/validate").contentType(MediaType.TEXT_PLAIN).content(withAccent.getBytes(charset)))
                    .andExpect(jsonPath("$.valid").value(true));
        }
    }

    @Test
    void emptyBodyIs400NamingTheProblem() throws Exception {
        for (String body : new String[] {"", "  \n"}) {
            mvc.perform(post("/api/ledes/validate").contentType(MediaType.TEXT_PLAIN).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                    .andExpect(jsonPath("$.error").value("empty_body"))
                    .andExpect(jsonPath("$.message").value(Matchers.containsString("empty")));
        }
    }

    @Test
    void jsonBodyIsRefusedAsUnsupportedMediaType() throws Exception {
        mvc.perform(post("/api/ledes/validate").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnsupportedMediaType());
    }
}
