package io.legalhub.contract;

import static io.legalhub.contract.Exchanges.relativity;
import static org.assertj.core.api.Assertions.assertThat;

import io.legalhub.contract.ContractResult.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * E-discovery in Relativity's shapes: Kepler services under {@code /Relativity.REST/api} (environment, object
 * manager) and the Workspace Service under {@code /api/workspace-service}.
 */
class RelativityContractTest {

    private static final String MATTERS = "/Relativity.REST/api/relativity-environment/v1/workspaces/-1/matters";
    private static final String WORKSPACE_JOB = "/api/workspace-service/v1/workspace-job";
    private static final String QUERY = "/Relativity.REST/api/Relativity.ObjectManager/v1/workspace/-1/object/query";
    private static final String MATTER = "'Name':'Acme v. Globex','Number':'2026-0012',"
            + "'Client':{'Secured':false,'Value':{'ArtifactID':1017}},'Status':{'Secured':false,'Value':{'ArtifactID':671}},"
            + "'Keywords':'','Notes':null";

    private static ContractCheck check;

    @BeforeAll
    static void specs() {
        check = Specs.check();
    }

    @Test
    void aMatterRequestWrappedByItsParameterNameIsValid() {
        ContractResult result = check.check(relativity("POST", MATTERS).body("{'MatterRequest':{" + MATTER + "}}").answer(200, "1040123"));

        assertThat(result.violations()).isEmpty();
        assertThat(result.operation()).isEqualTo("POST /relativity-environment/v1/workspaces/-1/matters (relativity-environment)");
    }

    @Test
    void aBareMatterRequestIsAViolationAsKeplerBindsTheBodyByParameterName() {
        ContractResult result = check.check(relativity("POST", MATTERS).body("{" + MATTER + "}").answer(200, "1040123"));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.violations()).singleElement().satisfies(v -> {
            assertThat(v.part()).isEqualTo("request body");
            assertThat(v.message()).contains("{\"MatterRequest\": {…}}");
        });
    }

    @Test
    void theWrappedContentIsValidatedAndItsViolationsPointInsideTheWrapper() {
        ContractResult result = check.check(relativity("PUT", MATTERS + "/1040123")
                .body("{'MatterRequest':{'Name':'Acme v. Globex','ClientName':'Acme','Client':{'Value':{'ArtifactID':'x'}}}}")
                .answerWithoutBody(200));

        assertThat(result.violations()).extracting(Violation::pointer)
                .containsExactlyInAnyOrder("/MatterRequest/ClientName", "/MatterRequest/Client/Value/ArtifactID");
    }

    @Test
    void aReadWhoseAnswerTheSpecDoesNotDescribeIsValidAndSaysSo() {
        ContractResult result = check.check(relativity("GET", MATTERS + "/1040123")
                .answer(200, "{'ArtifactID':1040123,'Name':'Acme v. Globex','Anything':{'at':'all'}}"));

        assertThat(result.outcome()).isEqualTo(Outcome.VALID);
        assertThat(result.note()).isEqualTo("answer 200 not described by the spec");
    }

    @Test
    void anObjectManagerBodyIsAlreadyWrappedInTheSpecAndNeedsTheCsrfHeader() {
        String body = "{\"request\":{\"ObjectType\":{\"ArtifactTypeID\":8},\"Condition\":\"'Number' == '2026-0012'\","
                + "\"Fields\":[{\"Name\":\"Name\"}]}}";
        String answer = "{'TotalCount':1,'Objects':[{'ArtifactID':1040123,'FieldValues':[]}],'CurrentStartIndex':1,'ResultCount':1}";

        ContractResult withHeader = check.check(relativity("POST", QUERY + "?start=1&length=25")
                .header("X-CSRF-Header", "-").rawBody(body).answer(200, answer));
        ContractResult withoutHeader = check.check(relativity("POST", QUERY + "?start=1&length=25").rawBody(body).answer(200, answer));

        assertThat(withHeader.violations()).isEmpty();
        assertThat(withoutHeader.violations()).singleElement().satisfies(v -> assertThat(v.message()).contains("x-csrf-header"));
    }

    @Test
    void aFieldValueIsAnyJsonValueThoughKeplerDeclaresItAnObject() {
        String body = "{\"request\":{\"Object\":{\"ArtifactID\":1040124},"
                + "\"FieldValues\":[{\"Field\":{\"Name\":\"DMS Workspace\"},\"Value\":\"LEGAL!1001\"}]}}";
        String query = "{\"request\":{\"ObjectType\":{\"ArtifactTypeID\":8},\"Condition\":\"\",\"Fields\":[{\"Name\":\"DMS Workspace\"}]}}";
        String answer = "{'TotalCount':1,'Objects':[{'ArtifactID':1040124,'FieldValues':[{'Field':{'Name':'DMS Workspace'},'Value':'LEGAL!1001'}]}],"
                + "'CurrentStartIndex':1,'ResultCount':1}";

        ContractResult update = check.check(relativity("POST", "/Relativity.REST/api/Relativity.ObjectManager/v1/workspace/-1/object/update")
                .header("X-CSRF-Header", "-").rawBody(body).answer(200, "{'EventHandlerStatuses':[]}"));
        ContractResult read = check.check(relativity("POST", QUERY + "?start=1&length=1")
                .header("X-CSRF-Header", "-").rawBody(query).answer(200, answer));

        assertThat(update.violations()).isEmpty();
        assertThat(read.violations()).isEmpty();
    }

    @Test
    void aWorkspaceJobWithNameAndUseCaseIsValid() {
        ContractResult result = check.check(relativity("POST", WORKSPACE_JOB)
                .body("{'Name':'2026-0012 Acme v. Globex','UseCase':'Litigation','MatterArtifactId':1040123,"
                        + "'StatusArtifactId':675,'TemplateArtifactId':1015024,'Keywords':null}")
                .answer(200, "{'JobId':'3f2b8c1e-2a6d-4e7b-9a51-0c8e1d2f4a6b'}"));

        assertThat(result.violations()).isEmpty();
    }

    @Test
    void aWorkspaceNameOverFiftyCharactersIsAViolation() {
        String name = "2026-0012 - Acme v. Globex - supply contract disput"; // 51 characters
        ContractResult result = check.check(relativity("POST", WORKSPACE_JOB)
                .body("{'Name':'" + name + "','UseCase':'Litigation'}").answer(200, "{'JobId':'3f2b8c1e-2a6d-4e7b-9a51-0c8e1d2f4a6b'}"));

        assertThat(name).hasSize(51);
        assertThat(result.violations()).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("/Name");
            assertThat(v.message()).contains("51", "50");
        });
    }

    @Test
    void aWorkspaceJobWithoutUseCaseIsAViolationNamingIt() {
        ContractResult result = check.check(relativity("POST", WORKSPACE_JOB)
                .body("{'Name':'2026-0012 Acme v. Globex'}").answer(200, "{'JobId':'3f2b8c1e-2a6d-4e7b-9a51-0c8e1d2f4a6b'}"));

        assertThat(result.violations()).singleElement().satisfies(v -> assertThat(v.message()).contains("UseCase"));
    }

    @Test
    void aWorkspaceJobWithAFieldTheServiceDoesNotHaveIsAViolationOfItsOwnAdditionalPropertiesFalse() {
        ContractResult result = check.check(relativity("POST", WORKSPACE_JOB)
                .body("{'Name':'2026-0012 Acme v. Globex','UseCase':'Litigation','MatterNumber':'2026-0012'}")
                .answer(200, "{'JobId':'3f2b8c1e-2a6d-4e7b-9a51-0c8e1d2f4a6b'}"));

        assertThat(result.violations()).singleElement().satisfies(v -> assertThat(v.message()).contains("MatterNumber"));
    }

    @Test
    void theWorkspaceServiceIsTakenAsPublishedSoANullWhereItIsNotNullableIsAViolation() {
        ContractResult result = check.check(relativity("POST", WORKSPACE_JOB)
                .body("{'Name':'2026-0012 Acme v. Globex','UseCase':'Litigation','MatterArtifactId':null}")
                .answer(200, "{'JobId':'3f2b8c1e-2a6d-4e7b-9a51-0c8e1d2f4a6b'}"));

        assertThat(result.violations()).singleElement().satisfies(v -> assertThat(v.pointer()).isEqualTo("/MatterArtifactId"));
    }

    @Test
    void identityServicesAreNotCoveredBecauseTheirSpecIsNotValidOpenApi() {
        ContractResult result = check.check(relativity("GET", "/Relativity.REST/api/Relativity-Identity/v1/workspaces/1040200/groups/1015005/permissions")
                .answer(200, "{}"));

        assertThat(result.outcome()).isEqualTo(Outcome.NOT_COVERED);
        assertThat(result.note()).contains("not valid OpenAPI");
    }

    @Test
    void aPathUnderNoVendorMountIsAViolationNotASilentPass() {
        ContractResult result = check.check(relativity("GET", "/Relativity.Rest/API/relativity-environment/v1/workspaces?matter_number=2026-0012")
                .answer(200, "{'Results':[]}"));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.violations()).singleElement().satisfies(v -> assertThat(v.message()).startsWith("no vendor spec is mounted at"));
    }
}
