package io.legalhub.reconciliation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.legalhub.api.BadRequestException;
import io.legalhub.api.NotFoundException;
import io.legalhub.canonical.RecordStateStore;
import io.legalhub.journal.Journal;
import io.legalhub.journal.JournalEntry;
import io.legalhub.journal.Step;
import io.legalhub.messaging.Envelope;
import io.legalhub.messaging.Queues;
import io.legalhub.xref.XrefStore;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Re-sends the hub's current record (record_state) of each chosen finding to its target's queue, so the
 * ordinary delivery route writes it. The message is forced past the "unchanged" check (the target's copy
 * drifted although the hub's did not) but never past the "superseded" one. For a missing or unlinked
 * record the stale cross-reference is dropped first, so the delivery looks the record up by its key and
 * creates it only if the target really has none. Orphans and duplicates are never touched.
 */
@Service
public class ResyncService {

    public static final Set<FindingKind> DEFAULT_KINDS = EnumSet.of(FindingKind.MISSING, FindingKind.DIFFERING);

    private static final Logger log = LoggerFactory.getLogger(ResyncService.class);

    private final ReconciliationStore store;
    private final RecordStateStore records;
    private final XrefStore xrefs;
    private final Journal journal;
    private final ProducerTemplate producer;

    public ResyncService(ReconciliationStore store, RecordStateStore records, XrefStore xrefs, Journal journal, ProducerTemplate producer) {
        this.store = store;
        this.records = records;
        this.xrefs = xrefs;
        this.journal = journal;
        this.producer = producer;
    }

    /** Which findings to re-sync: any of these keys, kinds and systems (empty = no restriction; kinds default to missing and differing). */
    public record Selection(List<String> keys, List<FindingKind> kinds, List<String> systems) {
    }

    public record Queued(String system, String entity, String kind, String key) {
    }

    public List<Queued> resync(long runId, Selection selection, String user) {
        Run run = store.find(runId).orElseThrow(() -> new NotFoundException("No reconciliation run " + runId));
        if (run.status() == RunStatus.RUNNING) {
            throw new RunInProgressException("Reconciliation run " + runId + " is still running; re-sync its findings once it has finished");
        }
        Set<FindingKind> kinds = selection.kinds().isEmpty() ? DEFAULT_KINDS : EnumSet.copyOf(selection.kinds());
        List<String> refused = kinds.stream().filter(k -> !k.resyncable()).map(FindingKind::id).toList();
        if (!refused.isEmpty()) {
            throw new BadRequestException("Cannot re-sync " + String.join(", ", refused) + " records: the hub reports them but never"
                    + " deletes or changes them; re-sync takes missing, differing and unlinked");
        }
        Set<String> keys = new LinkedHashSet<>(selection.keys());
        Set<String> systems = new LinkedHashSet<>(selection.systems());
        List<RecordedFinding> chosen = store.findings(runId).stream()
                .filter(f -> kinds.contains(f.finding().kind()))
                .filter(f -> keys.isEmpty() || keys.contains(f.finding().key()))
                .filter(f -> systems.isEmpty() || systems.contains(f.finding().system()))
                .toList();
        Set<String> unmatched = new LinkedHashSet<>(keys);
        chosen.forEach(f -> unmatched.remove(f.finding().key()));
        if (!unmatched.isEmpty()) {
            throw new BadRequestException("Reconciliation run " + runId + " has no " + kinds.stream().map(FindingKind::id)
                    .collect(Collectors.joining(" or ")) + " finding" + (systems.isEmpty() ? "" : " in " + String.join(", ", systems))
                    + " for " + String.join(", ", unmatched));
        }

        List<Queued> queued = new ArrayList<>();
        for (RecordedFinding recorded : chosen) {
            Finding f = recorded.finding();
            Optional<RecordStateStore.RecordState> state = records.find(f.entity(), f.key());
            if (state.isEmpty()) {
                log.warn("Re-sync after reconciliation {}: the hub has no record of {} {} any more; nothing sent to {}",
                        runId, f.entity(), f.key(), f.system());
                continue;
            }
            if ((f.kind() == FindingKind.MISSING || f.kind() == FindingKind.UNLINKED) && f.xrefId() != null) {
                xrefs.unlinkIf(f.entity(), f.key(), f.system(), f.xrefId());
            }
            String messageId = UUID.randomUUID().toString();
            try {
                producer.sendBodyAndHeaders(Queues.jms(Queues.outbound(f.system(), f.entity())), state.get().canonical(),
                        headers(state.get(), messageId));
            } catch (RuntimeException e) {
                throw new ResyncNotQueuedException("The broker did not accept the re-sync of " + f.entity() + " " + f.key() + " to "
                        + f.system() + " (" + queued.size() + " record(s) were queued before it); try again", e);
            }
            journal.record(JournalEntry.of(f.entity(), f.key(), Step.RESYNC_REQUESTED).system(f.system())
                    .systemId(f.targetId() != null ? f.targetId() : f.xrefId()).version(state.get().sourceVersion()).message(messageId)
                    .detail("resync requested by " + user + " after reconciliation " + runId + " (" + f.kind().id() + ")"));
            store.resyncRequested(recorded.id(), user);
            queued.add(new Queued(f.system(), f.entity(), f.kind().id(), f.key()));
        }
        log.info("Re-sync after reconciliation {} requested by {}: {} record(s) queued", runId, user, queued.size());
        return queued;
    }

    private static Map<String, Object> headers(RecordStateStore.RecordState state, String messageId) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(Envelope.ENTITY, state.entity());
        headers.put(Envelope.KEY, state.key());
        headers.put(Envelope.SOURCE_SYSTEM, state.sourceSystem());
        headers.put(Envelope.SOURCE_ID, state.sourceId());
        headers.put(Envelope.SOURCE_VERSION, state.sourceVersion());
        headers.put(Envelope.MESSAGE_ID, messageId);
        headers.put(Envelope.VIA, "resync");
        headers.put(Envelope.GROUP, Envelope.group(state.entity(), state.key()));
        headers.put(Envelope.FORCE, Boolean.TRUE);
        return headers;
    }
}
