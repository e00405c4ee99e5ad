package io.legalhub.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.reconciliation.TargetComparison.TargetRecord;
import org.junit.jupiter.api.Test;

/** The kinds of drift, decided from the hub's records, its cross-references and the target's records. */
class TargetComparisonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TargetComparison billing = new TargetComparison("billing", "matter", Set.of("client_name"));
    private final Map<String, Boolean> hub = new LinkedHashMap<>();
    private final Map<String, String> xrefs = new LinkedHashMap<>();

    private static ObjectNode matter(String number, String name) {
        return JSON.createObjectNode().put("number", number).put("name", name).put("client_name", "Acme Corporation");
    }

    private static TargetRecord record(String id, String number, String name) {
        return new TargetRecord(id, number, matter(number, name).put("id", id).put("version", 3));
    }

    private TargetComparison.Result compare(List<TargetRecord> target) {
        return billing.compare(hub, xrefs, target, key -> matter(key, "Name of " + key));
    }

    @Test
    void aLinkedRecordHoldingWhatTheHubWouldSendIsInStep() {
        hub.put("2026-0001", true);
        xrefs.put("2026-0001", "BM-1");
        TargetRecord same = new TargetRecord("BM-1", "2026-0001",
                matter("2026-0001", "Name of 2026-0001").put("client_name", "Billing's own name").put("version", 7));

        TargetComparison.Result result = compare(List.of(same));

        assertThat(result.findings()).isEmpty();
        assertThat(result.counts()).isEqualTo(new SystemResult.Counts(1, 1, 1, 0, 0, 0, 0, 0));
    }

    @Test
    void aLinkedRecordWithAnotherValueIsDifferingWithBothValues() {
        hub.put("2026-0001", true);
        xrefs.put("2026-0001", "BM-1");

        TargetComparison.Result result = compare(List.of(record("BM-1", "2026-0001", "Renamed by hand")));

        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.DIFFERING);
            assertThat(f.targetId()).isEqualTo("BM-1");
            assertThat(f.differences()).singleElement().satisfies(d -> {
                assertThat(d.field()).isEqualTo("name");
                assertThat(d.hub().asText()).isEqualTo("Name of 2026-0001");
                assertThat(d.target().asText()).isEqualTo("Renamed by hand");
            });
        });
        assertThat(result.counts().differing()).isEqualTo(1);
        assertThat(result.counts().inStep()).isZero();
    }

    @Test
    void aHubRecordWhoseLinkDoesNotResolveAndWhoseKeyNoRecordCarriesIsMissing() {
        hub.put("2026-0001", true);
        hub.put("2026-0002", true);
        xrefs.put("2026-0001", "BM-1");

        TargetComparison.Result result = compare(List.of());

        assertThat(result.findings()).extracting(Finding::kind, Finding::key, Finding::xrefId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(FindingKind.MISSING, "2026-0001", "BM-1"),
                org.assertj.core.groups.Tuple.tuple(FindingKind.MISSING, "2026-0002", null));
        assertThat(result.findings().get(0).detail()).contains("no longer has BM-1");
        assertThat(result.findings().get(1).detail()).contains("never linked");
    }

    @Test
    void aTargetRecordNoLinkAndNoHubRecordAccountsForIsOrphaned() {
        TargetComparison.Result result = compare(List.of(record("BM-9", "X-1", "Made in billing"),
                new TargetRecord("BM-10", null, JSON.createObjectNode())));

        assertThat(result.findings()).extracting(Finding::kind).containsOnly(FindingKind.ORPHANED);
        assertThat(result.findings()).extracting(Finding::targetId).containsExactly("BM-9", "BM-10");
        assertThat(result.counts().orphaned()).isEqualTo(2);
    }

    @Test
    void aRecordWithTheKeyOfAnUnlinkedHubRecordIsUnlinkedAndFurtherOnesAreDuplicates() {
        hub.put("2026-0001", true);
        xrefs.put("2026-0001", "BM-1");

        TargetComparison.Result result = compare(List.of(record("BM-2", "2026-0001", "Name of 2026-0001"),
                record("BM-3", "2026-0001", "Name of 2026-0001")));

        assertThat(result.findings()).extracting(Finding::kind, Finding::targetId, Finding::xrefId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(FindingKind.UNLINKED, "BM-2", "BM-1"),
                org.assertj.core.groups.Tuple.tuple(FindingKind.DUPLICATE, "BM-3", "BM-2"));
        assertThat(result.findings().get(0).differences()).isEmpty();
    }

    @Test
    void aSecondRecordWithTheKeyOfALinkedHubRecordIsADuplicate() {
        hub.put("2026-0001", true);
        xrefs.put("2026-0001", "BM-1");

        TargetComparison.Result result = compare(List.of(record("BM-1", "2026-0001", "Name of 2026-0001"),
                record("BM-5", "2026-0001", "Name of 2026-0001")));

        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.DUPLICATE);
            assertThat(f.targetId()).isEqualTo("BM-5");
        });
        assertThat(result.counts().inStep()).isEqualTo(1);
    }

    @Test
    void recordsTheTargetDoesNotReceiveAreNeitherMissingNorComparedAndTheirLinkedRecordsAreNoOrphans() {
        hub.put("2025-0001", false);
        hub.put("2025-0002", false);
        xrefs.put("2025-0001", "WS-1");

        TargetComparison.Result result = compare(List.of(record("WS-1", "2025-0001", "Old name"), record("WS-2", "2025-0002", "Old name")));

        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.ORPHANED);
            assertThat(f.targetId()).isEqualTo("WS-2");
            assertThat(f.detail()).contains("does not send it to billing");
        });
        assertThat(result.counts().hubRecords()).isZero();
    }

    @Test
    void aMappingThatFailsFailsTheComparison() {
        hub.put("2026-0001", true);
        xrefs.put("2026-0001", "BM-1");

        assertThatThrownBy(() -> billing.compare(hub, xrefs, List.of(record("BM-1", "2026-0001", "x")), key -> {
            throw new IllegalStateException("mapping billing/canonical-to-matter.jsonata failed for " + key);
        })).hasMessageContaining("failed for 2026-0001");
    }

    @Test
    void fieldsCompareNumbersByValueNullsAsAbsentAndNestedValuesDeeply() throws Exception {
        JsonNode hubSide = JSON.readTree("{\"a\":1,\"b\":null,\"c\":{\"x\":[1,2]},\"d\":\"text\",\"e\":true}");
        JsonNode targetSide = JSON.readTree("{\"a\":1.0,\"c\":{\"x\":[1,2.0],\"y\":null},\"d\":\"text\",\"e\":false,\"extra\":5}");

        List<Difference> differences = FieldComparison.between(hubSide, targetSide, Set.of());

        assertThat(differences).singleElement().satisfies(d -> {
            assertThat(d.field()).isEqualTo("e");
            assertThat(d.hub().asBoolean()).isTrue();
            assertThat(d.target().asBoolean()).isFalse();
        });
        assertThat(FieldComparison.between(JSON.readTree("{\"a\":\"x\"}"), JSON.readTree("{}"), Set.of()))
                .singleElement().satisfies(d -> assertThat(d.target().isNull()).isTrue());
        assertThat(FieldComparison.between(JSON.readTree("{\"a\":\"x\"}"), JSON.readTree("{}"), Set.of("a"))).isEmpty();
    }
}
