package io.legalhub.deadletter;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a bulk replay into lanes that run side by side. Every dead letter of one record goes to the same lane, in
 * the order given (oldest first), so a record's versions still reach the broker in the order they failed; records
 * are independent of each other, so lanes need no order between them.
 */
final class ReplayLanes {

    /** One dead letter to replay: its id, and the record it belongs to (null when it names none). */
    record Item(long id, String entityType, String recordKey) {

        String record() {
            return recordKey == null ? "dead-letter:" + id : entityType + ":" + recordKey;
        }
    }

    private ReplayLanes() {
    }

    static List<List<Long>> split(List<Item> items, int lanes) {
        int n = Math.max(1, lanes);
        List<List<Long>> split = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            split.add(new ArrayList<>());
        }
        for (Item item : items) {
            split.get(Math.floorMod(item.record().hashCode(), n)).add(item.id());
        }
        split.removeIf(List::isEmpty);
        return split;
    }
}
