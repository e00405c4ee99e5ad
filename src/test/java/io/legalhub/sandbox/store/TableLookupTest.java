package io.legalhub.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.http.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TableLookupTest {

    private final SystemStore store = SystemStore.open(null, "billing");
    private final Table matters = store.table("matters");

    @AfterEach
    void close() {
        store.close();
    }

    private static ObjectNode matter(String number, String externalRef) {
        ObjectNode m = Json.object();
        m.put("number", number);
        if (externalRef != null) {
            m.put("external_ref", externalRef);
        }
        return m;
    }

    @Test
    void aLookupByFieldFindsTheRecordsWithThatValueInKeyOrder() {
        store.write(() -> {
            matters.put(2, matter("2025-0002", "mm:7"));
            matters.put(1, matter("2025-0001", "mm:7"));
            matters.put(3, matter("2025-0003", null));
        });

        assertThat(matters.entriesWhere("external_ref", "mm:7").values()).extracting(m -> m.path("number").asText())
                .containsExactly("2025-0001", "2025-0002");
        assertThat(matters.entriesWhere("external_ref", "mm:8")).isEmpty();
    }

    @Test
    void writesAfterTheFirstLookupKeepItTrue() {
        store.write(() -> matters.put(1, matter("2025-0001", "mm:1")));
        assertThat(matters.entriesWhere("external_ref", "mm:1")).hasSize(1);

        // rewritten with the same value (e.g. its name changed): still found
        store.write(() -> matters.put(1, matter("2025-0001", "mm:1")));
        assertThat(matters.entriesWhere("external_ref", "mm:1")).containsOnlyKeys(1L);

        store.write(() -> {
            matters.put(1, matter("2025-0001", "mm:9"));
            matters.put(2, matter("2025-0002", "mm:1"));
        });
        assertThat(matters.entriesWhere("external_ref", "mm:1").values()).extracting(m -> m.path("number").asText()).containsExactly("2025-0002");
        assertThat(matters.entriesWhere("external_ref", "mm:9").values()).extracting(m -> m.path("number").asText()).containsExactly("2025-0001");

        store.write(() -> matters.remove(2));
        assertThat(matters.entriesWhere("external_ref", "mm:1")).isEmpty();

        store.clear();
        assertThat(matters.entriesWhere("external_ref", "mm:9")).isEmpty();
    }

    @Test
    void aNestedFieldIsLookedUpByItsJsonPointer() {
        ObjectNode first = Json.object();
        first.putObject("matter").put("id", 7);
        ObjectNode second = Json.object();
        second.putObject("matter").put("id", 8);
        ObjectNode unrelated = Json.object();
        store.write(() -> {
            matters.put(1, first);
            matters.put(2, second);
            matters.put(3, unrelated);
        });

        assertThat(matters.entriesWhere("/matter/id", "7")).containsOnlyKeys(1L);
        assertThat(matters.entriesWhere("/matter/id", "9")).isEmpty();
    }
}
