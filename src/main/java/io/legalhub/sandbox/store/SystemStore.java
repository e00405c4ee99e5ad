package io.legalhub.sandbox.store;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The storage of one system: one H2 MVStore (file {@code <dataDir>/<name>.mv}, or in memory), holding
 * one map per record type plus a meta map with id sequences and the clock's last reading.
 * Writers serialise on one lock per system; readers never block. Internal.
 */
public final class SystemStore implements AutoCloseable {

    private static final String TABLE_PREFIX = "t.";
    private static final String AUXILIARY_PREFIX = "x.";
    private static final String CLOCK_KEY = "clock.last";

    private final MVStore mv;
    private final MVMap<String, Long> meta;
    private final Map<String, Table> tables = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final MonotonicClock clock;
    private final Path file;

    private SystemStore(MVStore mv, Path file) {
        this.mv = mv;
        this.file = file;
        this.meta = mv.openMap("meta");
        Long last = meta.get(CLOCK_KEY);
        this.clock = new MonotonicClock(Clock.systemUTC(), last == null ? 0 : last, ms -> meta.put(CLOCK_KEY, ms));
        for (String mapName : mv.getMapNames()) {
            if (mapName.startsWith(TABLE_PREFIX)) {
                table(mapName.substring(TABLE_PREFIX.length()));
            }
        }
    }

    /** Opens {@code <dataDir>/<name>.mv}, or an in-memory store when dataDir is null. */
    public static SystemStore open(Path dataDir, String name) {
        if (dataDir == null) {
            return new SystemStore(new MVStore.Builder().open(), null);
        }
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDir, e);
        }
        Path file = dataDir.resolve(name + ".mv");
        MVStore store;
        try {
            store = new MVStore.Builder().fileName(file.toString()).open();
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot open sandbox store " + file
                    + " (is another sandbox using this data directory?): " + e.getMessage(), e);
        }
        return new SystemStore(store, file);
    }

    public Path file() {
        return file;
    }

    public Table table(String name) {
        return tables.computeIfAbsent(name, n -> new Table(n, mv.openMap(TABLE_PREFIX + n)));
    }

    public Map<String, Table> tables() {
        return tables;
    }

    /**
     * A persisted string map that is not one of the system's record tables, for state such as OAuth grants:
     * it is not counted in stats, does not keep an empty system from being seeded and is not emptied by
     * {@link #clear()}, so its owner decides what a reset does to it.
     */
    public Map<String, String> auxiliaryMap(String name) {
        return mv.openMap(AUXILIARY_PREFIX + name);
    }

    /** Runs a read-modify-write action under the system's write lock. */
    public <T> T write(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    public void write(Runnable action) {
        write(() -> {
            action.run();
            return null;
        });
    }

    /** Next value of a persisted sequence, starting at {@code first}. */
    public long nextId(String sequence, long first) {
        return write(() -> {
            String key = "seq." + sequence;
            Long next = meta.get(key);
            long id = next == null ? first : next;
            meta.put(key, id + 1);
            return id;
        });
    }

    public Long metaValue(String key) {
        return meta.get(key);
    }

    public void metaValue(String key, long value) {
        meta.put(key, value);
    }

    /** Strictly increasing timestamp for this system (survives restarts). */
    public Instant now() {
        return clock.tick();
    }

    public boolean isEmpty() {
        return tables.values().stream().allMatch(t -> t.size() == 0);
    }

    /** Removes all records and sequences; the clock keeps increasing. */
    public void clear() {
        write(() -> {
            tables.values().forEach(Table::clear);
            for (String key : meta.keySet().toArray(new String[0])) {
                if (!key.equals(CLOCK_KEY)) {
                    meta.remove(key);
                }
            }
        });
    }

    public void commit() {
        if (!mv.isClosed()) {
            mv.commit();
        }
    }

    @Override
    public void close() {
        if (!mv.isClosed()) {
            mv.close();
        }
    }
}
