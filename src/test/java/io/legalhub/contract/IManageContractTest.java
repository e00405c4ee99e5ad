package io.legalhub.contract;

import static io.legalhub.contract.Exchanges.exchange;
import static io.legalhub.contract.Exchanges.imanage;
import static org.assertj.core.api.Assertions.assertThat;

import io.legalhub.contract.ContractResult.Outcome;
import io.legalhub.sandbox.SandboxSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The DMS in the iManage Work Power Platform facade's shapes (Swagger 2.0, under {@code /automate/work}). */
class IManageContractTest {

    private static final String CREATE = "{'libraryId':'LEGAL','templateId':'LEGAL!12','name':'Acme v. Globex',"
            + "'createChildren':'All Folders','custom1':'ACME','custom2':'2026-0012'%s}";
    private static final String PROFILE = "{'data':{'id':'LEGAL!1001','name':'Acme v. Globex','database':'LEGAL',"
            + "'basic_properties':'<span>Acme v. Globex</span>','create_date':'2026-01-15T10:00:00Z','default_security':'private',"
            + "'has_subfolders':true,'is_external_as_normal':false,'iwl':'iwl:dms=x&&lib=LEGAL&&num=1001',"
            + "'workspace_url':'https://cloudimanage.com/work/link/w/LEGAL!1001','wstype':'workspace','custom1':'ACME','custom2':'2026-0012'}}";

    private static ContractCheck check;

    @BeforeAll
    static void specs() {
        check = Specs.check();
    }

    @Test
    void aWorkspaceCreatedFromATemplateWithClientAndMatterIsValid() {
        ContractResult result = check.check(imanage("POST", "/createWorkspace").body(String.format(CREATE, "")).answer(200, PROFILE));

        assertThat(result.violations()).isEmpty();
        assertThat(result.operation()).isEqualTo("POST /createWorkspace (imanage-work-powerplatform)");
    }

    @Test
    void aWorkspaceCreatedWithoutTemplateIdIsAViolationNamingIt() {
        ContractResult result = check.check(imanage("POST", "/createWorkspace")
                .body("{'libraryId':'LEGAL','name':'Acme v. Globex','createChildren':'All Folders'}").answer(200, PROFILE));

        assertThat(result.violations()).singleElement().satisfies(v -> assertThat(v.message()).contains("templateId"));
    }

    @Test
    void aTemplateIdThatIsNotLibraryBangNumberIsAViolation() {
        ContractResult result = check.check(imanage("POST", "/createWorkspace")
                .body("{'libraryId':'LEGAL','templateId':'matter-standard','name':'Acme v. Globex','createChildren':'All Folders'}")
                .answer(200, PROFILE));

        assertThat(result.violations()).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("/templateId");
            assertThat(v.message()).contains("^[^!]+![0-9]+$");
        });
    }

    @Test
    void aFieldTheFacadeDoesNotHaveIsAViolationOfItsOwnAdditionalPropertiesFalse() {
        ContractResult result = check.check(imanage("POST", "/createWorkspace")
                .body(String.format(CREATE, ",'template':'matter-standard'")).answer(200, PROFILE));

        assertThat(result.violations()).singleElement().satisfies(v -> assertThat(v.message()).contains("template"));
    }

    @Test
    void anAnswerGivenAsATopLevelResponsesRefIsValidatedToo() {
        // 200 of /createWorkspace is {"$ref": "#/responses/WorkspaceProfileResponseBody"}
        ContractResult result = check.check(imanage("POST", "/createWorkspace").body(String.format(CREATE, ""))
                .answer(200, "{'data':{'id':'WS-1001','name':'Acme v. Globex'}}"));

        assertThat(result.violations()).singleElement().satisfies(v -> {
            assertThat(v.part()).isEqualTo("answer body");
            assertThat(v.pointer()).isEqualTo("/data");
            assertThat(v.message()).contains("create_date", "workspace_url", "wstype");
        });
    }

    @Test
    void nameValuePairsAreASeparateCallOnTheWorkspaceId() {
        ContractResult valid = check.check(imanage("POST", "/editNVP")
                .body("{'objectType':'workspace','objectId':'LEGAL!1001','nameValuePairs':{'production.PROD001':'ABC0001-ABC0420'}}")
                .answerWithoutBody(200));
        ContractResult sandboxId = check.check(imanage("POST", "/editNVP")
                .body("{'objectType':'workspace','objectId':'WS-1001','nameValuePairs':{}}").answerWithoutBody(200));

        assertThat(valid.violations()).isEmpty();
        assertThat(sandboxId.violations()).singleElement().satisfies(v -> assertThat(v.pointer()).isEqualTo("/objectId"));
    }

    @Test
    void theWorkApiDocumentFeedIsNotCoveredAndSaysWhy() {
        ContractResult result = check.check(exchange(SandboxSystem.DMS, "GET",
                "/work/api/v2/customers/1/libraries/LEGAL/documents?edit_date_from=2026-01-01T00:00:00Z&limit=100")
                .answer(200, "{'data':[]}"));

        assertThat(result.outcome()).isEqualTo(Outcome.NOT_COVERED);
        assertThat(result.note()).contains("Work API", "could not be obtained");
    }

    @Test
    void otherWorkApiPathsAreViolationsBecauseOnlyTheFeedIsDeclaredUncovered() {
        ContractResult result = check.check(exchange(SandboxSystem.DMS, "GET",
                "/work/api/v2/customers/1/libraries/LEGAL/workspaces/search?custom2=2026-0012").answer(200, "{'data':[]}"));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.violations()).singleElement().satisfies(v -> assertThat(v.part()).isEqualTo("operation"));
    }
}
