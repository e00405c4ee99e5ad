package io.legalhub.production.drop;

import java.nio.file.Path;

/**
 * A production found in the drop folder, ready to be taken in: both load files settled, or one of them
 * alone for longer than the orphan wait.
 *
 * @param matterKey the matter folder's name; null for files dropped straight into the drop folder
 * @param name      the production name: the files' common base name
 * @param dat       the DAT, or null when it never came
 * @param opt       the OPT, or null when it never came
 */
record DroppedPair(String matterKey, String name, Path dat, Path opt) {

    boolean complete() {
        return dat != null && opt != null;
    }

    /** The folder the pair lies in, relative to the drop folder: the matter number, or "" for the top. */
    String folder() {
        return matterKey == null ? "" : matterKey;
    }
}
