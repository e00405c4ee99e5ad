package io.legalhub.production;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;

/** Writes load-file text as bytes, byte order mark first; refuses text the encoding cannot hold. */
final class LoadFileTextEncoder {

    private LoadFileTextEncoder() {
    }

    static byte[] encode(String text, LoadFileEncoding encoding) {
        try {
            ByteBuffer body = encoding.charset().newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.remaining() + 3);
            out.writeBytes(encoding.byteOrderMark());
            out.write(body.array(), body.arrayOffset() + body.position(), body.remaining());
            return out.toByteArray();
        } catch (CharacterCodingException unmappable) {
            // Silently writing '?' would corrupt a legal record; the caller must pick another encoding.
            throw new IllegalArgumentException("the text holds characters " + encoding.label() + " cannot represent", unmappable);
        }
    }
}
