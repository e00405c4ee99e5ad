package io.legalhub.sandbox.systems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.http.ApiException;
import io.legalhub.sandbox.http.Json;
import io.legalhub.sandbox.http.Request;
import io.legalhub.sandbox.store.Table;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Cursor paging (Clio style) and offset paging helpers. Internal. */
final class Paging {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    static final int CLIO_LIMIT = 200;

    private Paging() {
    }

    /**
     * Clio-style cursor page in ascending key order: {@code {"data":[…],"meta":{"paging":{"next":url},"records":n}}}.
     * The cursor is the last key returned, so records changing while a client pages are neither skipped nor repeated.
     * {@code records} counts all records matching the filters.
     */
    static ObjectNode cursor(Request req, Table table, Predicate<ObjectNode> filter) {
        Set<String> fields = fields(req.query("fields"));
        return page(req, table.entries(), filter, DEFAULT_LIMIT, rec -> select(rec, fields));
    }

    /**
     * Clio's paging: as {@link #cursor}, with its default and maximum limit of 200 and each record shown through
     * {@code view}, over a table's entries or records already narrowed by an index.
     */
    static ObjectNode clio(Request req, java.util.NavigableMap<Long, ObjectNode> entries, Predicate<ObjectNode> filter,
                           java.util.function.Function<ObjectNode, JsonNode> view) {
        return page(req, entries, filter, CLIO_LIMIT, view);
    }

    private static ObjectNode page(Request req, java.util.NavigableMap<Long, ObjectNode> entries, Predicate<ObjectNode> filter,
                                   int defaultLimit, java.util.function.Function<ObjectNode, JsonNode> view) {
        int limit = req.queryInt("limit", defaultLimit, 1, MAX_LIMIT);
        String order = req.query("order");
        if (order != null && !order.replace(" ", "").equalsIgnoreCase("id(asc)")) {
            throw ApiException.badRequest("the sandbox pages only in order=id(asc), got '" + order + "'");
        }
        long after = decodeToken(req.query("page_token"));
        List<JsonNode> page = new ArrayList<>();
        long lastKey = Long.MIN_VALUE;
        boolean more = false;
        int total = 0;
        for (Map.Entry<Long, ObjectNode> e : entries.entrySet()) {
            ObjectNode rec = e.getValue();
            if (!filter.test(rec)) {
                continue;
            }
            total++;
            if (e.getKey() <= after) {
                continue;
            }
            if (page.size() < limit) {
                page.add(view.apply(rec));
                lastKey = e.getKey();
            } else {
                more = true;
            }
        }
        ObjectNode out = Json.object();
        ArrayNode data = out.putArray("data");
        page.forEach(data::add);
        ObjectNode meta = out.putObject("meta");
        ObjectNode paging = meta.putObject("paging");
        if (more) {
            paging.put("next", nextUrl(req, encodeToken(lastKey)));
        }
        meta.put("records", total);
        return out;
    }

    /** Offset page: {@code {"<itemsKey>":[…],"offset","limit","total"}}. */
    static ObjectNode offset(Request req, List<? extends JsonNode> matching, String itemsKey) {
        int offset = req.queryInt("offset", 0, 0, Integer.MAX_VALUE);
        int limit = req.queryInt("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        ObjectNode out = Json.object();
        ArrayNode items = out.putArray(itemsKey);
        for (int i = offset; i < Math.min(matching.size(), offset + (long) limit); i++) {
            items.add(matching.get(i));
        }
        out.put("offset", offset);
        out.put("limit", limit);
        out.put("total", matching.size());
        return out;
    }

    static String encodeToken(long key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("c1:" + key).getBytes(StandardCharsets.UTF_8));
    }

    static long decodeToken(String token) {
        if (token == null) {
            return Long.MIN_VALUE;
        }
        try {
            String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (s.startsWith("c1:")) {
                return Long.parseLong(s.substring(3));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw ApiException.badRequest("invalid page_token '" + token + "'; use meta.paging.next as given");
    }

    private static String nextUrl(Request req, String token) {
        String host = req.header("Host");
        StringBuilder sb = new StringBuilder("http://").append(host).append(req.fullPath()).append('?');
        for (Map.Entry<String, String> e : req.queryPairs()) {
            if (e.getKey().equals("page_token")) {
                continue;
            }
            sb.append(enc(e.getKey())).append('=').append(enc(e.getValue())).append('&');
        }
        return sb.append("page_token=").append(token).toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Top-level names of a Clio {@code fields=} selection such as {@code id,display_number,client{id,name}}. */
    private static Set<String> fields(String spec) {
        if (spec == null) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (char c : spec.toCharArray()) {
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                names.add(cur.toString().trim());
                cur.setLength(0);
            } else if (depth == 0) {
                cur.append(c);
            }
        }
        names.add(cur.toString().trim());
        names.remove("");
        return names;
    }

    private static JsonNode select(ObjectNode rec, Set<String> fields) {
        if (fields == null) {
            return rec;
        }
        ObjectNode n = Json.object();
        for (String f : fields) {
            if (rec.has(f)) {
                n.set(f, rec.get(f));
            }
        }
        return n;
    }
}
