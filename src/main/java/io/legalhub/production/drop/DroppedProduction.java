package io.legalhub.production.drop;

/**
 * The message a dropped production becomes on {@code hub.in.production}: both load files as they were
 * dropped (base64 in JSON), so the canonicalize stage, and any replay of it, has everything.
 *
 * @param name        the production name (the files' base name)
 * @param matterKey   the matter (the drop sub-folder); null when the files were not in a matter folder
 * @param datFile     the DAT's file name as dropped, or the name it should have had when missing
 * @param optFile     the OPT's file name as dropped, or the name it should have had when missing
 * @param dat         the DAT's bytes; null when it never came
 * @param opt         the OPT's bytes; null when it never came
 * @param modifiedAt  the newer of the two files' modification times (ms): orders re-drops of a production
 * @param waitedMs    for an incomplete pair, how long the file that did come waited for the other
 */
public record DroppedProduction(String name, String matterKey, String datFile, String optFile, byte[] dat, byte[] opt,
                                long modifiedAt, Long waitedMs) {
}
