package io.legalhub.sandbox.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.http.Json;
import org.h2.mvstore.MVMap;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
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
        ObjectNode previous = cache.put(key, record);
        indexes.forEach((field, index) -> {
            if (previous != null) {
                unindex(index, field, key, previous);
            }
            index(index, field, key, record);
        });
    }

    /** Removes a record; returns whether there was one. */
    public boolean remove(long key) {
        map.remove(key);
        ObjectNode previous = cache.remove(key);
        if (previous != null) {
            indexes.forEach((field, index) -> unindex(index, field, key, previous));
        }
        return previous != null;
    }

    /**
     * The records whose text field equals the value, in ascending key order: what a real system's indexed query
     * answers without reading every record (a lookup by business key must not get slower as the table grows).
     */
    public List<ObjectNode> where(String field, String value) {
        return List.copyOf(entriesWhere(field, value).values());
    }

    /** As {@link #where}, keyed; a field starting with {@code /} is a JSON pointer (e.g. {@code /matter/id}). */
    public NavigableMap<Long, ObjectNode> entriesWhere(String field, String value) {
        Map<String, Set<Long>> index = indexes.computeIfAbsent(field, f -> {
            Map<String, Set<Long>> built = new ConcurrentHashMap<>();
            cache.forEach((key, record) -> index(built, f, key, record));
            return built;
        });
        NavigableMap<Long, ObjectNode> found = new java.util.TreeMap<>();
        Set<Long> keys = index.get(value);
        if (keys != null) {
            for (Long key : keys) {
                ObjectNode record = cache.get(key);
                if (record != null) {
                    found.put(key, record);
                }
            }
        }
        return found;
    }

    private static com.fasterxml.jackson.databind.JsonNode valueOf(ObjectNode record, String field) {
        return field.startsWith("/") ? record.at(field) : record.get(field);
    }

    private static void index(Map<String, Set<Long>> index, String field, long key, ObjectNode record) {
        com.fasterxml.jackson.databind.JsonNode value = valueOf(record, field);
        if (value != null && !value.isNull() && !value.isMissingNode()) {
            index.computeIfAbsent(value.asText(), v -> new ConcurrentSkipListSet<>()).add(key);
        }
    }

    private static void unindex(Map<String, Set<Long>> index, String field, long key, ObjectNode record) {
        com.fasterxml.jackson.databind.JsonNode value = valueOf(record, field);
        if (value != null && !value.isNull() && !value.isMissingNode()) {
            Set<Long> keys = index.get(value.asText());
            if (keys != null) {
                keys.remove(key);
            }
        }
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
        cache.clear();
        indexes.clear();
    }
}
