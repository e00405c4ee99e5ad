package io.legalhub.ledes;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns uploaded bytes into text. No LEDES source states the encoding of 1998B; the hub treats files as
 * UTF-8, but Windows billing systems still export Windows-1252, where "é" is one byte that is not valid
 * UTF-8. Such a file is read as Windows-1252 rather than turning every accented name into '?'.
 */
public final class LedesTextDecoder {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private LedesTextDecoder() {
    }

    public static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, WINDOWS_1252);
        }
    }
}
