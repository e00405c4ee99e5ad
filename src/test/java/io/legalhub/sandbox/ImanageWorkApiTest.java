package io.legalhub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.legalhub.sandbox.SandboxHttp.Resp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.legalhub.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox DMS as an iManage Work client sees it: the Power Platform facade's actions and the v2 document feed. */
class ImanageWorkApiTest {

    private static final String W = "/automate/work";
    private static final String LIB = "/work/api/v2/customers/1/libraries/LEGAL";
    private static final List<String> WORKSPACE_PROFILE_REQUIRED = List.of("basic_properties", "create_date", "database",
            "default_security", "has_subfolders", "id", "is_external_as_normal", "iwl", "name", "workspace_url", "wstype");
    private static final List<String> DOCUMENT_PROFILE_REQUIRED = List.of("author", "create_date", "database",
            "default_security", "document_number", "extension", "file_create_date", "file_edit_date", "id", "is_hipaa",
            "iwl", "size", "type", "version", "document_url", "full_file_name");

    private static SandboxServer sandbox;
    private static WebhookReceiver receiver;
    private static SandboxHttp dms;

    @BeforeAll
    static void start() {
        receiver = new WebhookReceiver();
        sandbox = SandboxServer.start(SandboxSettings.defaults());
        sandbox.setWebhookTarget(SandboxSystem.DMS, receiver.url(), "dms-secret");
        dms = new SandboxHttp(sandbox.baseUrl(SandboxSystem.DMS));
    }

    @AfterAll
    static void stop() {
        sandbox.stop();
        receiver.close();
    }

    @AfterEach
    void clearFaults() {
        dms.delete("/_control/faults");
    }

    private static Resp action(String name, String singleQuotedJson) {
        return dms.post(W + "/" + name, json(singleQuotedJson));
    }

    private static Resp createMatterWorkspace(String clientNumber, String matterNumber, String template) {
        return action("createWorkspace", "{'libraryId':'LEGAL','templateId':'" + template + "','createChildren':'Only Required Folders',"
                + "'name':'Acme Corporation - " + matterNumber + " - Supply dispute','description':'Acme v. Globex',"
                + "'custom1':'" + clientNumber + "','custom2':'" + matterNumber + "','custom3':'Litigation'}");
    }

    private static String workspace(String matterNumber) {
        Resp r = createMatterWorkspace("ACME-001", matterNumber, "LEGAL!12");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("data").path("id").asText();
    }

    private static JsonNode fileDocument(String workspaceId, String name) {
        Resp r = dms.post("/_control/documents", json("{'workspaceId':'" + workspaceId + "','name':'" + name + "','extension':'pdf',"
                + "'author':'ARIVERA','size':48213,'checksum':'sha256:9f2c'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("data");
    }

    // ------------------------------------------------------------------------------------------ create and update

    @Test
    void createWorkspaceAnswersAWorkspaceProfileWithAnIManageIdAndEveryRequiredProperty() {
        Resp r = createMatterWorkspace("ACME-001", "2026-0012", "LEGAL!12");

        assertThat(r.status()).isEqualTo(200);
        JsonNode ws = r.json().path("data");
        assertThat(ws.path("id").asText()).matches("^[^!]+![0-9]+$").startsWith("LEGAL!");
        assertThat(Long.parseLong(ws.path("id").asText().substring("LEGAL!".length()))).isGreaterThanOrEqualTo(1001);
        WORKSPACE_PROFILE_REQUIRED.forEach(p -> assertThat(ws.has(p)).as(p).isTrue());
        assertThat(ws.path("database").asText()).isEqualTo("LEGAL");
        assertThat(ws.path("wstype").asText()).isEqualTo("workspace");
        assertThat(ws.path("custom1").asText()).isEqualTo("ACME-001");
        assertThat(ws.path("custom2").asText()).isEqualTo("2026-0012");
        assertThat(ws.path("owner").asText()).as("the caller owns what it creates").isEqualTo("LEGALHUB");
        assertThat(ws.path("default_security").asText()).as("from the template").isEqualTo("public");
        assertThat(ws.path("version").asInt()).isEqualTo(1);
        assertThat(ws.path("create_date").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        assertThat(ws.has("archived")).isFalse();
        assertThat(ws.has("name_value_pairs")).isFalse();
        assertThat(ws.has("acl")).isFalse();
        assertThat(ws.has("custom4")).as("unset values are left out, not null").isFalse();

        Resp read = action("getWorkspaceProfile", "{'workspaceId':'" + ws.path("id").asText() + "'}");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("data")).isEqualTo(ws);
    }

    @Test
    void createWorkspaceWithoutItsRequiredFieldsAnswers400NamingEachOne() {
        Resp r = action("createWorkspace", "{'description':'no name'}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorType()).isEqualTo("ValidationFailed");
        assertThat(r.errorMessage()).contains("libraryId", "templateId", "name", "createChildren");
        assertThat(r.json().path("error").path("fields").toString()).contains("libraryId", "templateId", "name", "createChildren");
    }

    @Test
    void fieldsTheFacadeDoesNotKnowAnswer400NamingThem() {
        Resp r = action("createWorkspace", "{'libraryId':'LEGAL','templateId':'LEGAL!12','createChildren':'All Folders',"
                + "'name':'X','template':'matter-standard','archived':false,'name_value_pairs':{'a':'b'}}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorMessage()).contains("template is not a field", "archived is not a field", "name_value_pairs is not a field");
        String id = workspace("2026-0101");
        Resp update = action("updateWorkspace", "{'id':'" + id + "','archived':true}");
        assertThat(update.status()).isEqualTo(400);
        assertThat(update.errorMessage()).contains("archived");
    }

    @Test
    void aTemplateIdMustHaveTheIdShapeAndNameAnExistingTemplate() {
        Resp byName = createMatterWorkspace("ACME-001", "2026-0102", "matter-standard");
        assertThat(byName.status()).isEqualTo(400);
        assertThat(byName.errorMessage()).contains("templateId");

        Resp unknown = createMatterWorkspace("ACME-001", "2026-0102", "LEGAL!99");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorMessage()).contains("LEGAL!99", "LEGAL!12", "LEGAL!13");

        Resp badChildren = action("createWorkspace", "{'libraryId':'LEGAL','templateId':'LEGAL!12','createChildren':'Some','name':'X'}");
        assertThat(badChildren.status()).isEqualTo(400);
        assertThat(badChildren.errorMessage()).contains("createChildren", "All Folders", "Only Required Folders");
    }

    @Test
    void custom2NeedsCustom1AndCustom30NeedsCustom29InTheSameRequest() {
        Resp create = action("createWorkspace", "{'libraryId':'LEGAL','templateId':'LEGAL!12','createChildren':'All Folders',"
                + "'name':'No client','custom2':'2026-0103','custom30':'x'}");
        assertThat(create.status()).isEqualTo(400);
        assertThat(create.errorMessage()).contains("custom2 needs custom1", "custom30 needs custom29");

        String id = workspace("2026-0104");
        Resp update = action("updateWorkspace", "{'id':'" + id + "','custom2':'2026-0105'}");
        assertThat(update.status()).isEqualTo(400);
        assertThat(update.errorMessage()).contains("custom2 needs custom1");
        Resp together = action("updateWorkspace", "{'id':'" + id + "','custom1':'ACME-001','custom2':'2026-0105'}");
        assertThat(together.status()).isEqualTo(200);
        assertThat(together.json().path("data").path("custom2").asText()).isEqualTo("2026-0105");
    }

    @Test
    void updateWorkspaceChangesOnlyTheGivenFieldsAndAnEmptyStringClearsOne() {
        String id = workspace("2026-0106");

        Resp r = action("updateWorkspace", "{'id':'" + id + "','description':'','custom3':'Employment','custom17':12.5,"
                + "'custom21':'2026-03-01T09:00:00+01:00','custom25':true}");

        assertThat(r.status()).isEqualTo(200);
        JsonNode ws = r.json().path("data");
        assertThat(ws.has("description")).isFalse();
        assertThat(ws.path("custom3").asText()).isEqualTo("Employment");
        assertThat(ws.path("custom2").asText()).isEqualTo("2026-0106");
        assertThat(ws.path("custom17").asDouble()).isEqualTo(12.5);
        assertThat(ws.path("custom21").asText()).isEqualTo("2026-03-01T08:00:00.000Z");
        assertThat(ws.path("custom25").asBoolean()).isTrue();
        assertThat(ws.path("version").asInt()).isEqualTo(2);
        assertThat(ws.path("edit_date").asText()).isGreaterThan(ws.path("create_date").asText());

        Resp same = action("updateWorkspace", "{'id':'" + id + "','custom3':'Employment'}");
        assertThat(same.json().path("data").path("version").asInt()).as("nothing changed").isEqualTo(2);
    }

    @Test
    void customFieldsHaveTheFacadesTypesAndTheOwnerIsAUserId() {
        String id = workspace("2026-0107");

        Resp r = action("updateWorkspace", "{'id':'" + id + "','custom17':'12','custom21':'2026-03-01','custom25':'yes',"
                + "'custom4':7,'default_security':'inherit','owner':'ana.rivera@firm.example'}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorMessage()).contains("custom17 must be a number", "custom21 must be an ISO-8601 date-time",
                "custom25 must be true or false", "custom4 must be a string", "default_security must be one of private, view, public",
                "owner 'ana.rivera@firm.example' is not a user id");
        Resp owner = action("updateWorkspace", "{'id':'" + id + "','owner':'arivera'}");
        assertThat(owner.status()).isEqualTo(200);
        assertThat(owner.json().path("data").path("owner").asText()).isEqualTo("ARIVERA");
        assertThat(owner.json().path("data").path("owner_description").asText()).isEqualTo("Ana Rivera");
        Resp longName = action("updateWorkspace", "{'id':'" + id + "','name':'" + "x".repeat(255) + "'}");
        assertThat(longName.status()).isEqualTo(400);
        assertThat(longName.errorMessage()).contains("name must be at most 254 characters");
    }

    @Test
    void theTemplateDecidesDefaultSecurityAclAndWhichFoldersAreCreated() {
        Resp lit = createMatterWorkspace("ACME-001", "2026-0108", "LEGAL!13");
        String id = lit.json().path("data").path("id").asText();
        assertThat(lit.json().path("data").path("default_security").asText()).isEqualTo("private");
        JsonNode view = dms.get("/_control/workspaces/" + id).json().path("data");
        assertThat(view.path("templateId").asText()).isEqualTo("LEGAL!13");
        assertThat(view.path("folders").toString()).contains("Pleadings").doesNotContain("Research");
        assertThat(view.path("security").path("acl").get(0).path("id").asText()).isEqualTo("LITIGATION");

        Resp all = action("createWorkspace", "{'libraryId':'LEGAL','templateId':'LEGAL!13','createChildren':'All Folders',"
                + "'name':'All folders','default_security':'view'}");
        assertThat(all.json().path("data").path("default_security").asText()).isEqualTo("view");
        assertThat(all.json().path("data").path("has_subfolders").asBoolean()).isTrue();
        assertThat(dms.get("/_control/workspaces/" + all.json().path("data").path("id").asText()).json()
                .path("data").path("folders").toString()).contains("Research");
    }

    // ------------------------------------------------------------------------------------------ search

    @Test
    void searchWorkspacesFindsAMatterByCustom2AndWithOnlyTheLibraryListsEveryWorkspace() {
        sandbox.reset(SandboxSystem.DMS, false);
        List<String> ids = new ArrayList<>();
        for (String matter : List.of("2026-0201", "2026-0202", "2026-0203")) {
            ids.add(workspace(matter));
        }

        Resp one = action("searchWorkspaces", "{'libraryId':'LEGAL','custom2':'2026-0202'}");
        assertThat(one.status()).isEqualTo(200);
        JsonNode data = one.json().path("data");
        assertThat(data.path("results")).hasSize(1);
        assertThat(data.path("results").get(0).path("id").asText()).isEqualTo(ids.get(1));
        assertThat(data.path("topMatchingId").asText()).isEqualTo(ids.get(1));
        assertThat(data.path("topMatchingName").asText()).contains("2026-0202");
        assertThat(data.path("results").get(0).has("owner")).isTrue();
        assertThat(data.path("results").get(0).has("version")).as("not a search result property").isFalse();

        JsonNode all = action("searchWorkspaces", "{'libraryId':'LEGAL'}").json().path("data").path("results");
        assertThat(all.findValuesAsText("id")).containsExactlyElementsOf(ids);
        assertThat(action("searchWorkspaces", "{'libraryId':'LEGAL','name':'SUPPLY','custom1':'acme-001'}")
                .json().path("data").path("results")).hasSize(3);
        assertThat(action("searchWorkspaces", "{'libraryId':'LEGAL','anywhere':'globex'}").json().path("data").path("results")).hasSize(3);
        JsonNode none = action("searchWorkspaces", "{'libraryId':'LEGAL','custom2':'2026-9999'}").json().path("data");
        assertThat(none.path("results")).isEmpty();
        assertThat(none.has("topMatchingId")).isFalse();
    }

    @Test
    void searchWorkspacesNeedsALibraryAndKnowsOnlyTheFacadesFilters() {
        Resp noLibrary = action("searchWorkspaces", "{'custom2':'2026-0012'}");
        assertThat(noLibrary.status()).isEqualTo(400);
        assertThat(noLibrary.errorMessage()).contains("libraryId");
        Resp unknown = action("searchWorkspaces", "{'libraryId':'LEGAL','matter_number':'2026-0012','offset':0}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorMessage()).contains("matter_number", "offset");
        assertThat(action("searchWorkspaces", "{'libraryId':'OTHER'}").status()).isEqualTo(404);
    }

    // ------------------------------------------------------------------------------------------ name-value pairs

    @Test
    void editNvpMergesPairsAndAnEmptyStringDeletesOneWithoutTouchingTheProfile() {
        String id = workspace("2026-0301");
        JsonNode before = action("getWorkspaceProfile", "{'workspaceId':'" + id + "'}").json().path("data");

        Resp first = action("editNVP", "{'objectType':'workspace','objectId':'" + id + "','nameValuePairs':{'hub_ref':'mm:1047','production':'VOL001'}}");
        Resp second = action("editNVP", "{'objectType':'workspace','objectId':'" + id + "','nameValuePairs':{'production':'','closed_on':'2026-05-01'}}");

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        JsonNode pairs = dms.get("/_control/workspaces/" + id).json().path("data").path("nameValuePairs");
        assertThat(pairs).isEqualTo(json("{'hub_ref':'mm:1047','closed_on':'2026-05-01'}"));
        assertThat(action("getWorkspaceProfile", "{'workspaceId':'" + id + "'}").json().path("data")).isEqualTo(before);
    }

    @Test
    void editNvpChecksTheObjectAndThatValuesAreStrings() {
        String id = workspace("2026-0302");
        assertThat(action("editNVP", "{'objectType':'workspace','objectId':'" + id + "','nameValuePairs':{'n':1}}").errorMessage())
                .contains("nameValuePairs.n must be a string");
        assertThat(action("editNVP", "{'objectType':'workspace','objectId':'WS-1001','nameValuePairs':{}}").errorMessage())
                .contains("objectId");
        assertThat(action("editNVP", "{'objectType':'matter','objectId':'" + id + "'}").errorMessage()).contains("objectType");
        assertThat(action("editNVP", "{'objectType':'workspace','objectId':'LEGAL!999999','nameValuePairs':{'a':'b'}}").status()).isEqualTo(404);
        assertThat(action("editNVP", "{'objectType':'folder','objectId':'LEGAL!5','nameValuePairs':{'a':'b'}}").status()).isEqualTo(404);
    }

    // ------------------------------------------------------------------------------------------ security

    @Test
    void updatePermissionsTakesDisplayNamesAndTheAclAnswersAccessLevelCodes() {
        String id = workspace("2026-0401");

        Resp r = action("updatePermissions", "{'objectType':'workspace','objectId':'" + id + "','access_level':'Read/Write',"
                + "'users':'ARIVERA; mobrien','groups':'LITIGATION'}");

        assertThat(r.status()).isEqualTo(200);
        JsonNode data = r.json().path("data");
        assertThat(data.path("default_security").asText()).isEqualTo("public");
        assertThat(data.path("all_user_ids").asText()).isEqualTo("ARIVERA;MOBRIEN");
        assertThat(data.path("all_group_ids").asText()).isEqualTo("LITIGATION");
        JsonNode ana = data.path("acl").get(0);
        assertThat(ana.path("id").asText()).isEqualTo("ARIVERA");
        assertThat(ana.path("type").asText()).isEqualTo("user");
        assertThat(ana.path("name").asText()).isEqualTo("Ana Rivera");
        assertThat(ana.path("access_level").asText()).isEqualTo("read_write");
        assertThat(ana.path("access_level_display_name").asText()).isEqualTo("Read/Write");
        assertThat(ana.path("access").asInt()).isEqualTo(2);
        assertThat(ana.path("sid").asText()).isNotBlank();
        assertThat(ana.has("is_external")).isTrue();
        assertThat(data.path("acl").get(2).path("type").asText()).isEqualTo("group");

        for (String[] level : new String[][]{{"No Access", "no_access"}, {"Read Only", "read"}, {"Full Access", "full_access"}}) {
            JsonNode acl = action("updatePermissions", "{'objectType':'workspace','objectId':'" + id + "','access_level':'" + level[0]
                    + "','users':'ARIVERA'}").json().path("data").path("acl");
            assertThat(acl.get(0).path("access_level").asText()).isEqualTo(level[1]);
        }
        JsonNode removed = action("updatePermissions", "{'objectType':'workspace','objectId':'" + id + "','access_level':'Remove',"
                + "'users':'ARIVERA;MOBRIEN'}").json().path("data");
        assertThat(removed.path("all_user_ids").asText()).isEmpty();
        assertThat(removed.path("acl")).hasSize(1);
        assertThat(action("getPermissions", "{'objectType':'workspace','objectId':'" + id + "'}").json().path("data").path("acl"))
                .isEqualTo(removed.path("acl"));
    }

    @Test
    void updatePermissionsRefusesUnknownUsersGroupsAndLevels() {
        String id = workspace("2026-0402");

        Resp r = action("updatePermissions", "{'objectType':'workspace','objectId':'" + id + "','access_level':'Read Only',"
                + "'users':'ARIVERA;ana.rivera@firm.example','groups':'PARTNERS'}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorMessage()).contains("ana.rivera@firm.example", "PARTNERS").doesNotContain("ARIVERA,");
        assertThat(action("updatePermissions", "{'objectType':'workspace','objectId':'" + id + "','access_level':'read_write','users':'ARIVERA'}")
                .errorMessage()).contains("access_level");
        assertThat(action("updatePermissions", "{'objectType':'workspace','objectId':'" + id + "','access_level':'Read Only'}")
                .errorMessage()).contains("at least one user or group");
        assertThat(action("getPermissions", "{'objectType':'workspace','objectId':'" + id + "'}").json().path("data").path("acl")).isEmpty();
    }

    @Test
    void updateDefaultSecurityChangesTheProfileAndAnswersDefaultSecurityAndAcl() {
        String id = workspace("2026-0403");

        Resp r = action("updateDefaultSecurity", "{'objectType':'workspace','objectId':'" + id + "','default_security':'private'}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("data").path("default_security").asText()).isEqualTo("private");
        assertThat(r.json().path("data").path("acl").isArray()).isTrue();
        JsonNode profile = action("getWorkspaceProfile", "{'workspaceId':'" + id + "'}").json().path("data");
        assertThat(profile.path("default_security").asText()).isEqualTo("private");
        assertThat(profile.path("version").asInt()).isEqualTo(2);
        assertThat(action("updateDefaultSecurity", "{'objectType':'workspace','objectId':'" + id + "','default_security':'inherit'}")
                .status()).as("a workspace has nothing to inherit from").isEqualTo(400);

        JsonNode doc = fileDocument(id, "Memo");
        JsonNode docPermissions = action("getPermissions", "{'objectType':'document','objectId':'" + doc.path("id").asText() + "'}")
                .json().path("data");
        assertThat(docPermissions.path("default_security").asText()).isEqualTo("inherit");
        assertThat(docPermissions.path("inherited_default_security").asText()).isEqualTo("private");
    }

    @Test
    void templatesLibrariesAndGroupMembersAreListed() {
        JsonNode templates = dms.get(W + "/getWorkspaceTemplates?libraryId=LEGAL").json().path("data");
        assertThat(templates.path("results").findValuesAsText("id")).containsExactly("LEGAL!12", "LEGAL!13");
        assertThat(templates.path("results").findValuesAsText("name")).containsExactly("Matter (standard)", "Litigation matter");
        assertThat(dms.get(W + "/getWorkspaceTemplates").status()).isEqualTo(400);

        JsonNode libraries = dms.get(W + "/getLibraries").json().path("data");
        assertThat(libraries).hasSize(1);
        assertThat(libraries.get(0).path("id").asText()).isEqualTo("LEGAL");
        assertThat(libraries.get(0).path("type").asText()).isEqualTo("worksite");

        JsonNode members = dms.get(W + "/getGroupMembers?libraryId=LEGAL&groupId=LITIGATION").json().path("data");
        assertThat(members.findValuesAsText("id")).contains("ARIVERA", "MOBRIEN");
        assertThat(members.get(0).path("email").asText()).endsWith("@firm.example");
        assertThat(dms.get(W + "/getGroupMembers?libraryId=LEGAL&groupId=NOPE").status()).isEqualTo(404);
    }

    // ------------------------------------------------------------------------------------------ documents

    @Test
    void theDocumentFeedListsFilingsFromAnInclusiveEditDateInOrderWithOffsetPaging() {
        sandbox.reset(SandboxSystem.DMS, false);
        String ws = workspace("2026-0501");
        JsonNode first = fileDocument(ws, "Complaint");
        JsonNode second = fileDocument(ws, "Answer");
        JsonNode third = fileDocument(ws, "Reply");

        Resp from = dms.get(LIB + "/documents?edit_date_from=" + second.path("edit_date").asText() + "&total=true");

        assertThat(from.status()).isEqualTo(200);
        assertThat(from.json().path("data").findValuesAsText("id")).containsExactly(second.path("id").asText(), third.path("id").asText());
        assertThat(from.json().path("total_count").asInt()).isEqualTo(2);
        JsonNode page2 = dms.get(LIB + "/documents?edit_date_from=2020-01-01T00:00:00Z&offset=1&limit=1&total=true").json();
        assertThat(page2.path("data").findValuesAsText("id")).containsExactly(second.path("id").asText());
        assertThat(page2.path("total_count").asInt()).isEqualTo(3);
        assertThat(dms.get(LIB + "/documents?offset=3").json().path("data")).isEmpty();
        assertThat(dms.get(LIB + "/documents?edit_date_from=2999-01-01T00:00:00Z").json().path("data")).isEmpty();
        assertThat(first.path("id").asText()).isNotEqualTo(second.path("id").asText());
    }

    @Test
    void aFiledDocumentHasTheFacadesDocumentProfileAndItsWorkspacesMatter() {
        String ws = workspace("2026-0502");
        JsonNode doc = fileDocument(ws, "Complaint");

        assertThat(doc.path("id").asText()).matches("^LEGAL![0-9]+\\.1$");
        DOCUMENT_PROFILE_REQUIRED.forEach(p -> assertThat(doc.has(p)).as(p).isTrue());
        assertThat(doc.path("version").asInt()).isEqualTo(1);
        assertThat(doc.path("workspace_id").asText()).isEqualTo(ws);
        assertThat(doc.path("workspace_name").asText()).contains("2026-0502");
        assertThat(doc.path("custom1").asText()).isEqualTo("ACME-001");
        assertThat(doc.path("custom2").asText()).isEqualTo("2026-0502");
        assertThat(doc.path("type").asText()).isEqualTo("ACROBAT");
        assertThat(doc.path("full_file_name").asText()).isEqualTo("Complaint.pdf");
        assertThat(doc.path("size").asLong()).isEqualTo(48213);
        assertThat(doc.has("checksum")).as("no such profile property").isFalse();

        Resp read = dms.get(LIB + "/documents/" + doc.path("id").asText());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("data")).isEqualTo(doc);
        assertThat(dms.get("/_control/documents/" + doc.path("id").asText()).json().path("data").path("nameValuePairs")
                .path("checksum").asText()).isEqualTo("sha256:9f2c");
        Resp noWorkspace = dms.post("/_control/documents", json("{'workspaceId':'LEGAL!999999','name':'x','extension':'pdf','author':'ARIVERA'}"));
        assertThat(noWorkspace.status()).isEqualTo(400);
        assertThat(noWorkspace.errorMessage()).contains("workspaceId");
    }

    @Test
    void filingADocumentSendsNoWebhook() throws Exception {
        receiver.clear();
        fileDocument(workspace("2026-0503"), "Quiet");

        Thread.sleep(300);

        assertThat(receiver.deliveries()).isEmpty();
        assertThat(dms.get("/_control/webhook/deliveries").json().path("deliveries")).isEmpty();
    }

    @Test
    void theDocumentFeedRefusesParametersItDoesNotKnow() {
        Resp r = dms.get(LIB + "/documents?filed_since=2026-01-01T00:00:00Z&workspace_id=LEGAL!1001");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorMessage()).contains("filed_since", "workspace_id");
    }

    // ------------------------------------------------------------------------------------------ faults, libraries

    @Test
    void rejectRecordsRefusesWritesToTheWorkspaceOfThatMatterNumber() {
        String id = workspace("2026-0601");
        dms.patch("/_control/faults", json("{'rejectRecords':{'2026-0602':'Matter is under legal hold','2026-0601':'Frozen'}}"));

        Resp create = createMatterWorkspace("ACME-001", "2026-0602", "LEGAL!12");
        assertThat(create.status()).isEqualTo(400);
        assertThat(create.errorType()).isEqualTo("Rejected");
        assertThat(create.errorMessage()).isEqualTo("Matter is under legal hold");
        assertThat(action("updateWorkspace", "{'id':'" + id + "','custom3':'Tax'}").errorMessage()).isEqualTo("Frozen");
        assertThat(action("editNVP", "{'objectType':'workspace','objectId':'" + id + "','nameValuePairs':{'a':'b'}}").status()).isEqualTo(400);
        assertThat(action("getWorkspaceProfile", "{'workspaceId':'" + id + "'}").status()).as("reads are not rejected").isEqualTo(200);
        assertThat(action("searchWorkspaces", "{'libraryId':'LEGAL','custom2':'2026-0602'}").json().path("data").path("results")).isEmpty();
    }

    @Test
    void otherLibrariesAndCustomersAnswer404() {
        String id = workspace("2026-0701");
        assertThat(dms.get("/work/api/v2/customers/1/libraries/OTHER/documents").status()).isEqualTo(404);
        assertThat(dms.get("/work/api/v2/customers/2/libraries/LEGAL/documents").status()).isEqualTo(404);
        Resp otherLibrary = action("createWorkspace", "{'libraryId':'OTHER','templateId':'LEGAL!12','createChildren':'All Folders','name':'X'}");
        assertThat(otherLibrary.status()).isEqualTo(404);
        assertThat(otherLibrary.errorMessage()).contains("library OTHER");
        assertThat(action("getWorkspaceProfile", "{'workspaceId':'OTHER!" + id.substring("LEGAL!".length()) + "'}").status()).isEqualTo(404);
        assertThat(action("getWorkspaceProfile", "{'workspaceId':'LEGAL!999999'}").status()).isEqualTo(404);
        assertThat(action("getWorkspaceProfile", "{'workspaceId':'WS-1001'}").status()).as("not an iManage id").isEqualTo(400);
        assertThat(dms.get(LIB + "/documents/LEGAL!999999.1").status()).isEqualTo(404);
        assertThat(dms.get(W + "/createWorkspace").status()).isEqualTo(405);
    }

    @Test
    void statsReportWorkspacesThatShareAMatterNumber() {
        String a = workspace("2026-0801");
        String b = workspace("2026-0801");

        JsonNode dups = dms.get("/_control/stats").json().path("duplicates").path("workspaces").path("2026-0801");

        List<String> ids = new ArrayList<>();
        dups.forEach(n -> ids.add(n.asText()));
        assertThat(ids).containsExactly(a, b);
    }
}
