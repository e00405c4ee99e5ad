package io.legalhub.sandbox.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.http.Json;
import org.h2.mvstore.MVMap;

import java.util.Collection;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * One record type of one system: JSON strings in an MVStore map keyed by a numeric sequence, mirrored as
 * parsed nodes in memory for fast filtering. Nodes handed out are shared and must not be modified:
 * copy with {@code deepCopy()} before changing. Writes go through {@link SystemStore#write}. Internal.
 */
public final class Table {

    private final String name;
    private final MVMap<Long, String> map;
    private final ConcurrentSkipListMap<Long, ObjectNode> cache = new ConcurrentSkipListMap<>();

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
        cache.put(key, record);
    }

    /** Removes a record; returns whether there was one. */
    public boolean remove(long key) {
        map.remove(key);
        return cache.remove(key) != null;
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
    }
}
