package io.legalhub.journal;

/** One step of one record; built fluently so call sites read as sentences. */
public record JournalEntry(String entity, String key, Step step, String system, String systemId,
                           Long sourceVersion, String messageId, String detail) {

    public static JournalEntry of(String entity, String key, Step step) {
        return new JournalEntry(entity, key, step, null, null, null, null, null);
    }

    public JournalEntry system(String system) {
        return new JournalEntry(entity, key, step, system, systemId, sourceVersion, messageId, detail);
    }

    public JournalEntry systemId(String systemId) {
        return new JournalEntry(entity, key, step, system, systemId, sourceVersion, messageId, detail);
    }

    public JournalEntry version(Long sourceVersion) {
        return new JournalEntry(entity, key, step, system, systemId, sourceVersion, messageId, detail);
    }

    public JournalEntry message(String messageId) {
        return new JournalEntry(entity, key, step, system, systemId, sourceVersion, messageId, detail);
    }

    public JournalEntry detail(String detail) {
        return new JournalEntry(entity, key, step, system, systemId, sourceVersion, messageId, detail);
    }
}
