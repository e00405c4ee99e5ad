package io.legalhub.sandbox.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.http.Json;
import org.h2.mvstore.MVMap;

import java.util.Collection;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * One record type of one system: JSON strings in an MVStore map keyed by a numeric sequence, mirrored as
 * parsed nodes in memory for fast filtering. Nodes handed out are shared and must not be modified:
 * copy with {@code deepCopy()} before changing. Writes go through {@link SystemStore#write}. Internal.
 */
public final class Table {

    private final String name;
    private final MVMap<Long, String> map;
    private final ConcurrentSkipListMap<Long, ObjectNode> cache = new ConcurrentSkipListMap<>();
    // field -> value -> keys; built on a field's first lookup, then kept up to date by every write
    private final Map<String, Map<String, Set<Long>>> indexes = new ConcurrentHashMap<>();

    Table(String name, MVMap<Long, String> map) {
        this.name = name;
        this.map = map;
        for (Map.Entry<Long, String> e : map.entrySet()) {
            cache.put(e.getKey(), Json.parseObject(e.getValue()));
        }
    }

    public String name() {
        return name;
    }

    public ObjectNode get(long key) {
        return cache.get(key);
    }

    public void put(long key, ObjectNode record) {
        map.put(key, Json.string(record));
        // writers hold this monitor while they change the cache and its indexes, and an index is built under it, so
        // no write falls between an index's first scan and its first update
        synchronized (indexes) {
            ObjectNode previous = cache.put(key, record);
            indexes.forEach((field, index) -> reindex(index, field, key, previous, record));
        }
    }

    /** Removes a record; returns whether there was one. */
    public boolean remove(long key) {
        map.remove(key);
        synchronized (indexes) {
            ObjectNode previous = cache.remove(key);
            if (previous != null) {
                indexes.forEach((field, index) -> reindex(index, field, key, previous, null));
            }
            return previous != null;
        }
    }

    /**
     * The records whose text field equals the value, in ascending key order: what a real system's indexed query
     * answers without reading every record (a lookup by business key must not get slower as the table grows). A
     * field starting with {@code /} is a JSON pointer (e.g. {@code /matter/id}).
     */
    public NavigableMap<Long, ObjectNode> entriesWhere(String field, String value) {
        Map<String, Set<Long>> index = indexes.get(field);
        if (index == null) {
            synchronized (indexes) {
                index = indexes.computeIfAbsent(field, f -> {
                    Map<String, Set<Long>> built = new ConcurrentHashMap<>();
                    cache.forEach((key, record) -> reindex(built, f, key, null, record));
                    return built;
                });
            }
        }
        NavigableMap<Long, ObjectNode> found = new TreeMap<>();
        for (Long key : index.getOrDefault(value, Set.of())) {
            ObjectNode record = cache.get(key);
            if (record != null) {
                found.put(key, record);
            }
        }
        return found;
    }

    /**
     * Moves a record's key from its old value to its new one. The new entry is added before the old one goes, and an
     * unchanged value is left alone, so a lookup running meanwhile never misses a record that is there throughout.
     */
    private static void reindex(Map<String, Set<Long>> index, String field, long key, ObjectNode previous, ObjectNode record) {
        String before = previous == null ? null : textOf(previous, field);
        String after = record == null ? null : textOf(record, field);
        if (after != null && !after.equals(before)) {
            index.computeIfAbsent(after, v -> new ConcurrentSkipListSet<>()).add(key);
        }
        if (before != null && !before.equals(after)) {
            Set<Long> keys = index.get(before);
            if (keys != null) {
                keys.remove(key);
            }
        }
    }

    private static String textOf(ObjectNode record, String field) {
        JsonNode value = field.startsWith("/") ? record.at(field) : record.get(field);
        return value == null || value.isNull() || value.isMissingNode() ? null : value.asText();
    }

    /** All records in ascending key order (a live, weakly consistent view). */
    public Collection<ObjectNode> all() {
        return cache.values();
    }

    /** Entries in ascending key order. */
    public NavigableMap<Long, ObjectNode> entries() {
        return cache;
    }

    public int size() {
        return cache.size();
    }

    void clear() {
        map.clear();
        synchronized (indexes) {
            cache.clear();
            indexes.clear();
        }
    }
}
