package io.legalhub.sandbox.systems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.http.Fields;
import io.legalhub.sandbox.http.Json;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Documents as the hub sees them: filed by a user (the control endpoint stands in for the upload), read back as
 * the facade's {@code FullDocumentProfile} field names. A document takes its workspace's id, name, custom1 (client)
 * and custom2 (matter) when filed. Internal.
 */
final class DocumentProfiles {

    static final Set<String> FILING_FIELDS = Set.of("workspaceId", "name", "extension", "author", "size", "class", "type",
            "comment", "checksum");

    /** The application types iManage gives common extensions; anything else gets its extension upper-cased. */
    private static final Map<String, String> TYPE_OF_EXTENSION = Map.of(
            "pdf", "ACROBAT", "doc", "WORD", "docx", "WORDX", "xls", "EXCEL", "xlsx", "EXCELX",
            "ppt", "PPT", "pptx", "PPTX", "msg", "MIME", "eml", "MIME", "txt", "ANSI");

    private static final List<String> ORDER = List.of("id", "database", "document_number", "version", "name", "extension",
            "full_file_name", "type", "class", "author", "author_description", "operator", "operator_description",
            "last_user", "last_user_description", "comment", "size", "default_security", "workspace_id", "workspace_name",
            "custom1", "custom2", "is_checked_out", "is_declared", "is_external", "is_hipaa", "is_latest", "latest",
            "indexable", "wstype", "create_date", "edit_date", "edit_profile_date", "file_create_date", "file_edit_date",
            "iwl", "document_url", "basic_properties");

    /** What a filing request asks for, checked. */
    record Filing(String workspaceId, String name, String extension, String author, long size, String docClass,
                  String type, String comment, String checksum) {
    }

    private DocumentProfiles() {
    }

    /** Reads a filing request; problems (unknown fields, missing or bad values, unknown author) go to {@code f}. */
    static Filing filing(ObjectNode body, Fields f, ImanageDirectory directory) {
        f.rejectUnknown(FILING_FIELDS, Set.of());
        String workspaceId = f.text("workspaceId", true, 300);
        String name = f.text("name", true, 254);
        if (name != null && !WorkspaceProfileRules.isProfileText(name)) {
            f.invalid("name", "contains a character iManage does not allow");
        }
        String extension = f.text("extension", true, 32);
        if (extension != null) {
            extension = extension.replaceFirst("^\\.", "").toLowerCase(Locale.ROOT);
        }
        String author = f.text("author", true, 63);
        if (author != null) {
            String given = author;
            author = directory.user(author).map(ImanageDirectory.User::id).orElse(null);
            if (author == null) {
                f.invalid("author", "'" + given + "' is not a user id of library " + ImanageDirectory.LIBRARY);
            }
        }
        Long size = f.integer("size", false, 0, Long.MAX_VALUE);
        String docClass = f.text("class", false, 32);
        String type = f.text("type", false, 32);
        String comment = f.text("comment", false, 8000);
        String checksum = f.text("checksum", false, 200);
        return new Filing(workspaceId, name, extension, author, size == null ? 0 : size,
                docClass == null ? "DOC" : docClass.toUpperCase(Locale.ROOT),
                type != null ? type.toUpperCase(Locale.ROOT)
                        : extension == null ? null : TYPE_OF_EXTENSION.getOrDefault(extension, extension.toUpperCase(Locale.ROOT)),
                comment, checksum);
    }

    /** The stored record of a new document (version 1) in {@code workspace}. */
    static ObjectNode file(Filing filing, ObjectNode workspace, long number, String now) {
        ObjectNode d = Json.object();
        String library = workspace.path("database").asText();
        d.put("id", ImanageIds.document(library, number, 1));
        d.put("database", library);
        d.put("document_number", number);
        d.put("version", 1);
        d.put("name", filing.name());
        d.put("extension", filing.extension());
        d.put("type", filing.type());
        d.put("class", filing.docClass());
        d.put("author", filing.author());
        d.put("operator", filing.author());
        d.put("last_user", filing.author());
        if (filing.comment() != null) {
            d.put("comment", filing.comment());
        }
        d.put("size", filing.size());
        d.put("default_security", "inherit");
        d.put("workspace_id", workspace.path("id").asText());
        d.put("workspace_name", workspace.path("name").asText());
        for (String inherited : List.of("custom1", "custom2")) {
            if (workspace.hasNonNull(inherited)) {
                d.set(inherited, workspace.get(inherited));
            }
        }
        d.put("is_checked_out", false);
        d.put("is_declared", false);
        d.put("is_external", false);
        d.put("is_hipaa", false);
        d.put("is_latest", true);
        d.put("latest", 1);
        d.put("indexable", true);
        d.put("wstype", "document");
        for (String date : List.of("create_date", "edit_date", "edit_profile_date", "file_create_date", "file_edit_date")) {
            d.put(date, now);
        }
        ObjectNode pairs = d.putObject(WorkspaceProfiles.NAME_VALUE_PAIRS);
        if (filing.checksum() != null) {
            // the profile has no checksum; a filing tool would keep it as a name-value pair
            pairs.put("checksum", filing.checksum());
        }
        d.putArray(ImanageSecurity.ACL);
        return d;
    }

    static ObjectNode profile(ObjectNode d, ImanageDirectory directory, String linkBase) {
        ObjectNode derived = d.deepCopy();
        for (String user : List.of("author", "operator", "last_user")) {
            directory.user(d.path(user).asText()).ifPresent(u -> derived.put(user + "_description", u.fullName()));
        }
        String id = d.path("id").asText();
        derived.put("full_file_name", d.path("name").asText() + "." + d.path("extension").asText());
        derived.put("iwl", "iwl:dms=" + WorkspaceProfiles.host(linkBase) + "&&lib=" + d.path("database").asText()
                + "&&num=" + d.path("document_number").asText() + "&&ver=" + d.path("version").asText());
        derived.put("document_url", linkBase + "/work/link/d/" + id);
        derived.put("basic_properties", "<span class=\"basic_properties\">" + WorkspaceProfiles.html(d.path("name").asText())
                + " (" + WorkspaceProfiles.html(id) + ")</span>");
        ObjectNode out = Json.object();
        for (String k : ORDER) {
            JsonNode v = derived.get(k);
            if (v != null && !v.isNull()) {
                out.set(k, v);
            }
        }
        return out;
    }
}
