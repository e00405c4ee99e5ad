package io.legalhub.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * Issue 5: 1 % of the matters are rejected permanently by billing (400 with a reason). Exactly those are
 * dead-lettered, each once, naming billing and the reason; every other matter is delivered, and the DMS, which
 * rejects nothing, gets them all.
 */
class PoisonRecordsIT extends FaultTest {

    private static final int RECORDS = 2_000;
    private static final String PREFIX = "PSN";

    @Test
    void exactlyThePoisonRecordsAreDeadLetteredAndEverythingElseIsDelivered() throws Exception {
        // generated numbers are predictable (PSN-000001…), so billing can be told which to refuse beforehand
        List<String> planned = matterNumbers(PREFIX, 1, RECORDS);
        List<String> shuffled = new ArrayList<>(planned);
        Collections.shuffle(shuffled, new Random(RECORDS));
        Set<String> poison = new TreeSet<>(shuffled.subList(0, RECORDS / 100));
        StringBuilder reject = new StringBuilder("{\"rejectRecords\":{");
        poison.forEach(n -> reject.append('"').append(n).append("\":\"Poison record ").append(n).append("\","));
        reject.setLength(reject.length() - 1);
        sandbox.faults("billing", reject.append("}}").toString());

        hub("hub-1").start().awaitReady(Duration.ofMinutes(2));
        List<String> numbers = generateMatters(RECORDS, PREFIX);
        assertThat(numbers).isEqualTo(planned);
        report.put("records sent", RECORDS).put("poison records", poison.size());

        awaitSettled(Duration.ofMinutes(6), Map.of("billing", (long) RECORDS - poison.size(), "dms", (long) RECORDS));

        Set<String> deadLettered = new TreeSet<>();
        List<String> wrong = new ArrayList<>();
        try (var c = ExternalParts.database(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select record_key, target, error_message from dead_letter")) {
            while (rs.next()) {
                if (!deadLettered.add(rs.getString(1))) {
                    wrong.add("twice: " + rs.getString(1));
                }
                if (!"billing".equals(rs.getString(2)) || !rs.getString(3).contains("Poison record " + rs.getString(1))) {
                    wrong.add(rs.getString(1) + " for " + rs.getString(2) + ": " + rs.getString(3));
                }
            }
        }
        TargetCensus.Result billing = census.compare("billing", numbers);
        TargetCensus.Result dms = census.compare("dms", numbers);
        Set<String> lost = new TreeSet<>(billing.lost());
        lost.removeAll(deadLettered);
        report.put("billing.delivered", billing.delivered()).put("billing.lost (neither delivered nor dead-lettered)", lost.size())
                .put("billing.duplicated", billing.duplicated().size()).census("dms", dms).put("dead-lettered", deadLettered.size());
        assertThat(deadLettered).as("dead-lettered matters").isEqualTo(poison);
        assertThat(wrong).as("dead letters that are not one per poison record, for billing, with its reason").isEmpty();
        assertThat(billing.lost()).as("matters missing from billing: the poison ones only").isEqualTo(poison);
        assertThat(billing.duplicated()).isEmpty();
        assertThat(dms.lost()).as("matters missing from the DMS").isEmpty();
        assertThat(dms.duplicated()).isEmpty();
    }
}
