package io.legalhub.production;

/**
 * A load file turned into text.
 *
 * @param text                  the text, without byte order mark
 * @param encoding              the encoding the bytes were read as
 * @param firstUndecodableLine  1-based line of the first byte sequence that was not valid in that encoding
 *                              (replaced by U+FFFD), or null when every byte decoded cleanly
 */
public record DecodedText(String text, LoadFileEncoding encoding, Integer firstUndecodableLine) {

    public boolean decodedCleanly() {
        return firstUndecodableLine == null;
    }
}
