package io.legalhub.production;

/** A production's two load files as bytes, as they would land in the drop folder. */
public record LoadFilePair(byte[] dat, byte[] opt) {
}
