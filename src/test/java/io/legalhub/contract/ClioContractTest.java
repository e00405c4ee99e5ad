package io.legalhub.contract;

import static io.legalhub.contract.Exchanges.clio;
import static org.assertj.core.api.Assertions.assertThat;

import io.legalhub.contract.ContractResult.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Matter management in Clio Manage v4's shapes, checked against {@code clio-manage-v4.openapi.json}. */
class ClioContractTest {

    private static final String MATTER_ANSWER = "{'data':{'id':1001,'etag':'\\'e1\\'','display_number':'00012-Acme',"
            + "'description':'Acme v. Globex','status':'Open','open_date':'2026-01-15','close_date':%s,"
            + "'client':{'id':1,'name':'Acme Corp'},'practice_area':{'id':3,'name':'Litigation'}%s}}";

    private static ContractCheck check;

    @BeforeAll
    static void specs() {
        check = Specs.check();
    }

    private static String matterAnswer(String closeDate, String extra) {
        return String.format(MATTER_ANSWER, closeDate, extra);
    }

    @Test
    void aMatterCreatedWithClientDescriptionAndLowerCaseStatusAndNoVersionHeaderIsValid() {
        ContractResult result = check.check(clio("POST", "/matters.json")
                .body("{'data':{'client':{'id':1},'description':'x','status':'open'}}")
                .answer(201, matterAnswer("null", "")));

        assertThat(result.violations()).isEmpty();
        assertThat(result.outcome()).isEqualTo(Outcome.VALID);
        assertThat(result.operation()).isEqualTo("POST /matters.json (clio-manage-v4)");
    }

    @Test
    void aCustomFieldValueIsChangedByItsCompositeStringIdAsClioDocumentsItThoughTheRequestSchemaSaysInteger() {
        ContractResult result = check.check(clio("PATCH", "/matters/1001.json")
                .body("{'data':{'custom_field_values':[{'id':'text_line-17','value':'cleared'},{'id':'text_line-18','_destroy':true},"
                        + "{'custom_field':{'id':3003},'value':'No hits.'}]}}")
                .answer(200, matterAnswer("null", "")));

        assertThat(result.violations()).isEmpty();
    }

    @Test
    void aJsonBodyIsJsonWhateverItsCharsetParameter() {
        ContractResult result = check.check(clio("POST", "/matters.json")
                .body("{'data':{'client':{'id':1},'description':'x'}}")
                .header("Content-Type", "application/json; charset=UTF-8")
                .answer(201, matterAnswer("null", "")));

        assertThat(result.violations()).isEmpty();
    }

    @Test
    void aMatterCreatedWithoutDescriptionIsAViolationNamingIt() {
        ContractResult result = check.check(clio("POST", "/matters.json")
                .body("{'data':{'client':{'id':1},'status':'open'}}")
                .answer(201, matterAnswer("null", "")));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.violations()).singleElement().satisfies(v -> {
            assertThat(v.part()).isEqualTo("request body");
            assertThat(v.pointer()).isEqualTo("/data");
            assertThat(v.message()).contains("description");
        });
    }

    @Test
    void aMatterFieldClioDoesNotHaveIsAViolationOfTheKnownPropertiesCheck() {
        ContractResult result = check.check(clio("POST", "/matters.json")
                .body("{'data':{'client':{'id':1},'description':'x','conflict_status':'cleared'}}")
                .answer(201, matterAnswer("null", "")));

        assertThat(result.violations()).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("/data/conflict_status");
            assertThat(v.message()).startsWith("unknown property 'conflict_status'");
        });
    }

    @Test
    void anUnknownFieldDeepInsideANestedObjectIsFoundToo() {
        ContractResult result = check.check(clio("POST", "/matters.json")
                .body("{'data':{'client':{'id':1,'client_number':'C-1'},'description':'x'}}")
                .answer(201, matterAnswer("null", "")));

        assertThat(result.violations()).extracting(Violation::pointer).containsExactly("/data/client/client_number");
    }

    @Test
    void theKnownPropertiesCheckWalksIntoArrayItems() {
        ContractResult result = check.check(clio("POST", "/matters.json")
                .body("{'data':{'client':{'id':1},'description':'x',"
                        + "'relationships':[{'description':'Opposing party','contact':{'id':9}},{'description':'Expert','contact':{'id':10},'role':'x'}]}}")
                .answer(201, matterAnswer("null", "")));

        assertThat(result.violations()).extracting(Violation::pointer).containsExactly("/data/relationships/1/role");
    }

    @Test
    void aMatterAnswersRelationshipsCarryNoContactInTheSpec() {
        ContractResult result = check.check(clio("GET", "/matters/1001.json")
                .answer(200, matterAnswer("null", ",'relationships':[{'id':5,'description':'Opposing party','contact':{'id':9}}]")));

        assertThat(result.violations()).extracting(Violation::pointer).containsExactly("/data/relationships/0/contact");
    }

    @Test
    void aBracketedFilterMayBeSentWithOrWithoutItsBracketsAsClioDescribesBoth() {
        assertThat(check.check(clio("GET", "/matters.json?close_date=%3E%3D2026-01-01").answer(200, "{'data':[]}")).violations())
                .isEmpty();
        assertThat(check.check(clio("GET", "/matters.json?ids%5B%5D=1&ids%5B%5D=2").answer(200, "{'data':[]}")).violations())
                .isEmpty();
    }

    @Test
    void eachValueOfARepeatedFilterIsCheckedAgainstTheDeclaredValue() {
        assertThat(check.check(clio("GET", "/matters.json?ids%5B%5D=1&ids%5B%5D=WS-2").answer(200, "{'data':[]}")).violations())
                .singleElement().satisfies(v -> {
                    assertThat(v.pointer()).isEqualTo("query ids[]");
                    assertThat(v.message()).contains("integer");
                });
    }

    @Test
    void statusIsLowerCaseInRequests() {
        ContractResult result = check.check(clio("POST", "/matters.json")
                .body("{'data':{'client':{'id':1},'description':'x','status':'Open'}}")
                .answer(201, matterAnswer("null", "")));

        assertThat(result.violations()).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("/data/status");
            assertThat(v.message()).contains("open", "closed", "pending");
        });
    }

    @Test
    void aNullCloseDateInAMatterAnswerIsValidBecauseClioSendsNullForAbsent() {
        ContractResult result = check.check(clio("GET", "/matters/1001.json").answer(200, matterAnswer("null", "")));

        assertThat(result.violations()).isEmpty();
    }

    @Test
    void aNullDoesNotHideAFieldClioDoesNotHave() {
        ContractResult result = check.check(clio("GET", "/matters/1001.json")
                .answer(200, matterAnswer("'2026-03-01'", ",'conflict_note':null")));

        assertThat(result.violations()).singleElement().satisfies(v -> {
            assertThat(v.part()).isEqualTo("answer body");
            assertThat(v.pointer()).isEqualTo("/data/conflict_note");
        });
    }

    @Test
    void aWrongTypeInAnAnswerIsAViolation() {
        ContractResult result = check.check(clio("GET", "/matters/1001.json").answer(200, "{'data':{'id':'1001'}}"));

        assertThat(result.violations()).singleElement().satisfies(v -> {
            assertThat(v.part()).isEqualTo("answer body");
            assertThat(v.pointer()).isEqualTo("/data/id");
        });
    }

    @Test
    void aListAnswerMayCarryClioPagingMeta() {
        ContractResult result = check.check(clio("GET", "/matters.json?limit=200&order=id(asc)&updated_since=2026-01-01T00:00:00Z")
                .answer(200, "{'data':[{'id':1001,'display_number':'00012-Acme','status':'Open','close_date':null}],"
                        + "'meta':{'paging':{'next':'https://app.clio.com/api/v4/matters.json?page_token=abc'},'records':1}}"));

        assertThat(result.violations()).isEmpty();
        assertThat(result.outcome()).isEqualTo(Outcome.VALID);
    }

    @Test
    void pagingMetaHasOnlyClioDocumentedFields() {
        ContractResult result = check.check(clio("GET", "/matters.json")
                .answer(200, "{'data':[],'meta':{'paging':{'next':null,'offset':50},'total_count':3}}"));

        assertThat(result.violations()).extracting(Violation::pointer)
                .containsExactlyInAnyOrder("/meta/total_count", "/meta/paging/offset");
    }

    @Test
    void onlyListAnswersMayCarryMeta() {
        ContractResult result = check.check(clio("GET", "/matters/1001.json")
                .answer(200, "{'data':{'id':1001},'meta':{'records':1}}"));

        assertThat(result.violations()).extracting(Violation::pointer).containsExactly("/meta");
    }

    @Test
    void aFilterClioDoesNotHaveIsAViolation() {
        ContractResult result = check.check(clio("GET", "/matters.json?display_number=00012-Acme").answer(200, "{'data':[]}"));

        assertThat(result.violations()).singleElement().satisfies(v -> {
            assertThat(v.part()).isEqualTo("request");
            assertThat(v.message()).contains("display_number");
        });
    }

    @Test
    void commaSeparatedStatusesAreCheckedOneByOne() {
        assertThat(check.check(clio("GET", "/matters.json?status=open,pending").answer(200, "{'data':[]}")).violations())
                .isEmpty();
        assertThat(check.check(clio("GET", "/matters.json?status=open,archived").answer(200, "{'data':[]}")).violations())
                .singleElement().satisfies(v -> assertThat(v.message()).startsWith("'archived' is not one of"));
    }

    @Test
    void dateFiltersFollowClioOperatorDateTemplates() {
        assertThat(check.check(clio("GET", "/matters.json?open_date%5B%5D=%3E%3D2026-01-01&open_date%5B%5D=%3C2026-02-01")
                .answer(200, "{'data':[]}")).violations()).isEmpty();
        assertThat(check.check(clio("GET", "/matters.json?close_date=2026-01-01").answer(200, "{'data':[]}")).violations())
                .singleElement().satisfies(v -> assertThat(v.message()).contains("'2026-01-01' is not one of"));
    }

    @Test
    void aPathWithoutClioJsonSuffixIsNoOperationOfTheSpec() {
        ContractResult result = check.check(clio("GET", "/matters").answer(200, "{'data':[]}"));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.violations()).singleElement().satisfies(v -> {
            assertThat(v.part()).isEqualTo("operation");
            assertThat(v.message()).isEqualTo("no operation GET /matter-management/api/v4/matters in clio-manage-v4");
        });
    }

    @Test
    void aMethodThePathDoesNotHaveIsAViolation() {
        ContractResult result = check.check(clio("PUT", "/matters/1001.json")
                .body("{'data':{'description':'x'}}").answer(200, matterAnswer("null", "")));

        assertThat(result.violations()).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("has the path", "but no PUT"));
    }

    @Test
    void aCreateAnsweredWithAStatusTheSpecDoesNotListIsAViolation() {
        ContractResult result = check.check(clio("POST", "/matters.json")
                .body("{'data':{'client':{'id':1},'description':'x'}}").answer(200, matterAnswer("null", "")));

        assertThat(result.violations()).singleElement().satisfies(v -> {
            assertThat(v.part()).isEqualTo("answer");
            assertThat(v.message()).contains("200");
        });
    }

    @Test
    void anErrorAnswerIsNotCheckedButSaidSo() {
        ContractResult result = check.check(clio("POST", "/matters.json")
                .body("{'data':{'client':{'id':1},'description':'x'}}")
                .answer(422, "{'error':{'type':'ValidationError','message':'x','fields':['client']}}"));

        assertThat(result.outcome()).isEqualTo(Outcome.VALID);
        assertThat(result.note()).startsWith("answer 422 not checked");
    }

    @Test
    void webhookActivationIsCoveredByTheSpecTextOnlyAndNotAFailure() {
        ContractResult result = check.check(clio("PUT", "/webhooks/77/activate")
                .header("X-Hook-Secret", "s3cret").answerWithoutBody(204));

        assertThat(result.outcome()).isEqualTo(Outcome.COVERED_BY_TEXT);
        assertThat(result.note()).contains("#/tags/70/description");
    }

    @Test
    void aMatterNoteNeedsItsMatterButNoContact() {
        String answer = "{'data':{'id':40,'type':'Matter','subject':'Production PROD001','detail':'ABC0001-ABC0420'}}";
        ContractResult matterNote = check.check(clio("POST", "/notes.json")
                .body("{'data':{'type':'Matter','matter':{'id':1001},'subject':'Production PROD001','detail':'ABC0001-ABC0420'}}")
                .answer(201, answer));
        ContractResult withoutMatter = check.check(clio("POST", "/notes.json")
                .body("{'data':{'type':'Matter','subject':'Production PROD001'}}").answer(201, answer));
        ContractResult withoutType = check.check(clio("POST", "/notes.json")
                .body("{'data':{'matter':{'id':1001},'subject':'Production PROD001'}}").answer(201, answer));

        assertThat(matterNote.violations()).isEmpty();
        assertThat(withoutMatter.violations()).singleElement().satisfies(v -> assertThat(v.message()).contains("'matter'"));
        assertThat(withoutType.violations()).singleElement().satisfies(v -> assertThat(v.message()).contains("type"));
    }

    @Test
    void aWebhookSubscriptionNeedsTheFieldsItWillDeliver() {
        ContractResult result = check.check(clio("POST", "/webhooks.json")
                .body("{'data':{'url':'https://hub.example/webhooks/matter-management','model':'matter',"
                        + "'events':['created','updated']}}")
                .answer(201, "{'data':{'id':7,'url':'https://hub.example/webhooks/matter-management','model':'matter',"
                        + "'status':'pending','events':['created','updated'],'shared_secret':'abc'}}"));

        assertThat(result.violations()).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("/data");
            assertThat(v.message()).contains("fields");
        });
    }
}
