package io.legalhub.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReplayLanesTest {

    @Test
    void everyDeadLetterOfOneRecordIsInOneLaneOldestFirst() {
        List<ReplayLanes.Item> items = new ArrayList<>();
        for (long id = 1; id <= 300; id++) {
            items.add(new ReplayLanes.Item(id, "matter", "2025-" + (id % 37)));
        }

        List<List<Long>> lanes = ReplayLanes.split(items, 4);

        assertThat(lanes).hasSize(4);
        assertThat(lanes.stream().mapToInt(List::size).sum()).isEqualTo(300);
        for (long record = 0; record < 37; record++) {
            long r = record;
            List<List<Long>> holding = lanes.stream().filter(lane -> lane.stream().anyMatch(id -> id % 37 == r)).toList();
            assertThat(holding).as("lanes holding record %d", r).hasSize(1);
            List<Long> ofRecord = holding.get(0).stream().filter(id -> id % 37 == r).toList();
            assertThat(ofRecord).isSorted();
        }
    }

    @Test
    void deadLettersWithoutARecordAreSpreadAndNoLaneIsEmpty() {
        List<ReplayLanes.Item> items = List.of(new ReplayLanes.Item(1, "invoice", null), new ReplayLanes.Item(2, "invoice", null));

        List<List<Long>> lanes = ReplayLanes.split(items, 8);

        assertThat(lanes).allSatisfy(lane -> assertThat(lane).isNotEmpty());
        assertThat(lanes.stream().flatMap(List::stream)).containsExactlyInAnyOrder(1L, 2L);
    }
}
