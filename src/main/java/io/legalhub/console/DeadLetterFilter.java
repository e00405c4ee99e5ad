package io.legalhub.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.legalhub.deadletter.DeadLetterQuery;
import io.legalhub.deadletter.DeadLetterStatus;

/**
 * The dead-letter list's filters, paging and sorting, exactly as they appear in the page's URL, so a
 * filtered list can be bookmarked and shared. An absent status means "open" (what operators look for);
 * an empty one means any status. Times are entered and shown in UTC.
 */
public class DeadLetterFilter {

    static final List<Integer> PAGE_SIZES = List.of(25, 50, 100);
    static final Set<String> SORTABLE = Set.of("id", "lastFailedAt", "firstFailedAt", "recordKey", "attempts", "target", "status");

    private String status = DeadLetterStatus.OPEN.id();
    private String source;
    private String target;
    private String entity;
    private String errorClass;
    private String q;
    private String from;
    private String to;
    private int page = 0;
    private int size = 25;
    private String sort = "lastFailedAt";
    private String direction = "desc";

    /** What is wrong with the filter as given, in words; empty when it can be used. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!blank(status)) {
            try {
                DeadLetterStatus.of(status.trim());
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        checkTime("From", from, problems);
        checkTime("To", to, problems);
        if (!SORTABLE.contains(sort)) {
            problems.add("The list cannot be sorted by '" + sort + "'");
        }
        if (!"asc".equals(direction) && !"desc".equals(direction)) {
            problems.add("The sort direction must be asc or desc");
        }
        if (page < 0 || size < 1 || size > 500) {
            problems.add("Page must be 0 or more and page size between 1 and 500");
        }
        return problems;
    }

    /** The store query for these filters (call only when {@link #problems()} is empty). */
    public DeadLetterQuery toQuery() {
        return new DeadLetterQuery(blank(status) ? null : DeadLetterStatus.of(status.trim()), null, trim(source), trim(target),
                trim(entity), trim(errorClass), trim(q), time(from), time(to));
    }

    /** True when any filter other than the status narrows the list. */
    public boolean narrowed() {
        return !blank(source) || !blank(target) || !blank(entity) || !blank(errorClass) || !blank(q) || !blank(from) || !blank(to);
    }

    /** The filters (not paging or sorting) as URL parameters, for the bulk replay that uses them. */
    public Map<String, String> filterParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "source", source);
        put(p, "target", target);
        put(p, "entity", entity);
        put(p, "errorClass", errorClass);
        put(p, "q", q);
        put(p, "from", from);
        put(p, "to", to);
        return p;
    }

    /** The filters in words, for the bulk-replay confirmation. */
    public List<String> describe() {
        List<String> words = new ArrayList<>();
        if (!blank(source)) words.add("from " + source.trim());
        if (!blank(target)) words.add("to " + target.trim());
        if (!blank(entity)) words.add("entity " + entity.trim());
        if (!blank(errorClass)) words.add("error " + errorClass.trim());
        if (!blank(q)) words.add("record key containing \"" + q.trim() + "\"");
        if (!blank(from)) words.add("failed at or after " + from.trim().replace('T', ' ') + " UTC");
        if (!blank(to)) words.add("failed before " + to.trim().replace('T', ' ') + " UTC");
        return words;
    }

    /** This list's URL at another page. */
    public String pageLink(int otherPage) {
        return link(otherPage, sort, direction);
    }

    /** This list's URL sorted by a column: flips the direction when already sorted by it. */
    public String sortLink(String column) {
        String dir = column.equals(sort) ? ("asc".equals(direction) ? "desc" : "asc") : ("recordKey".equals(column) || "target".equals(column) ? "asc" : "desc");
        return link(0, column, dir);
    }

    /** aria-sort for a column header. */
    public String ariaSort(String column) {
        return column.equals(sort) ? ("asc".equals(direction) ? "ascending" : "descending") : "none";
    }

    public String bulkReplayLink() {
        return "/console/dead-letters/replay" + query(filterParameters());
    }

    private String link(int otherPage, String sortBy, String dir) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("status", status == null ? "" : status);
        p.putAll(filterParameters());
        p.put("size", String.valueOf(size));
        p.put("sort", sortBy);
        p.put("direction", dir);
        if (otherPage > 0) {
            p.put("page", String.valueOf(otherPage));
        }
        return "/console/dead-letters" + query(p);
    }

    /** "?a=1&b=x%2By": every value fully encoded (a '+' in a key or time must not turn into a space). */
    static String query(Map<String, String> parameters) {
        StringBuilder s = new StringBuilder();
        parameters.forEach((name, value) -> s.append(s.isEmpty() ? '?' : '&').append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return s.toString();
    }

    private static void checkTime(String label, String value, List<String> problems) {
        try {
            time(value);
        } catch (DateTimeParseException e) {
            problems.add(label + " must be a date and time like 2026-01-31T09:30 (UTC), not '" + value + "'");
        }
    }

    /** "2026-01-31T09:30" (a datetime-local field, read as UTC) or a full ISO time with offset. */
    static OffsetDateTime time(String value) {
        if (blank(value)) {
            return null;
        }
        String v = value.trim();
        try {
            return OffsetDateTime.parse(v);
        } catch (DateTimeParseException notWithOffset) {
            return LocalDateTime.parse(v).atOffset(ZoneOffset.UTC);
        }
    }

    private static void put(Map<String, String> p, String name, String value) {
        if (!blank(value)) {
            p.put(name, value.trim());
        }
    }

    private static String trim(String s) {
        return blank(s) ? null : s.trim();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status == null ? "" : status;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public String getEntity() {
        return entity;
    }

    public void setEntity(String entity) {
        this.entity = entity;
    }

    public String getErrorClass() {
        return errorClass;
    }

    public void setErrorClass(String errorClass) {
        this.errorClass = errorClass;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }

    public int getSize() {
        return size;
    }

    public void setSize(int size) {
        this.size = size;
    }

    public String getSort() {
        return sort;
    }

    public void setSort(String sort) {
        this.sort = sort;
    }

    public String getDirection() {
        return direction;
    }

    public void setDirection(String direction) {
        this.direction = direction;
    }
}
