package io.legalhub.production;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;

/**
 * Turns load-file bytes into text, working out the encoding, because productions arrive in whatever the
 * producing platform wrote and nothing in a DAT or OPT declares it. Order of evidence:
 * <ol>
 *   <li>a byte order mark (UTF-8, UTF-16LE, UTF-16BE);</li>
 *   <li>the NUL pattern of BOM-less UTF-16: load-file text is mostly ASCII, so every other byte is 0;</li>
 *   <li>bytes that are valid UTF-8 throughout;</li>
 *   <li>bytes that carry UTF-8 þ qualifiers (C3 BE) and no Windows-1252 þ (a lone FE): UTF-8 with a few
 *       damaged bytes — reading it as Windows-1252 would turn every þ into "Ã¾" and hide the real fault,
 *       so it is read as UTF-8 and the damaged line is reported;</li>
 *   <li>otherwise Windows-1252 (Concordance's own encoding: þ is FE, DC4 is 14, ® is AE).</li>
 * </ol>
 */
public final class LoadFileDecoder {

    /** Enough of the file to hold the header row, where the NUL pattern of UTF-16 is unmistakable. */
    private static final int NUL_SAMPLE_BYTES = 4096;

    private LoadFileDecoder() {
    }

    public static DecodedText decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return new DecodedText("", LoadFileEncoding.UTF_8, null);
        }
        for (LoadFileEncoding withBom : new LoadFileEncoding[] {
                LoadFileEncoding.UTF_8_BOM, LoadFileEncoding.UTF_16LE_BOM, LoadFileEncoding.UTF_16BE_BOM}) {
            byte[] bom = withBom.byteOrderMark();
            if (startsWith(bytes, bom)) {
                return decodeAs(bytes, bom.length, withBom);
            }
        }
        LoadFileEncoding utf16 = utf16ByNulPattern(bytes);
        if (utf16 != null) {
            return decodeAs(bytes, 0, utf16);
        }
        if (isValidUtf8(bytes) || looksLikeDamagedUtf8(bytes)) {
            return decodeAs(bytes, 0, LoadFileEncoding.UTF_8);
        }
        return decodeAs(bytes, 0, LoadFileEncoding.WINDOWS_1252);
    }

    private static DecodedText decodeAs(byte[] bytes, int offset, LoadFileEncoding encoding) {
        ByteBuffer content = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        if (encoding == LoadFileEncoding.WINDOWS_1252) {
            // Every byte means something in Windows-1252 (the five unassigned ones become U+FFFD, as on
            // Windows); there is nothing to report.
            return new DecodedText(stripBom(decodeReplacing(encoding, content)), encoding, null);
        }
        try {
            String text = decoder(encoding, CodingErrorAction.REPORT).decode(content.duplicate()).toString();
            return new DecodedText(stripBom(text), encoding, null);
        } catch (CharacterCodingException damaged) {
            String text = stripBom(decodeReplacing(encoding, content));
            return new DecodedText(text, encoding, lineOf(text, text.indexOf('\uFFFD')));
        }
    }

    private static String decodeReplacing(LoadFileEncoding encoding, ByteBuffer bytes) {
        try {
            return decoder(encoding, CodingErrorAction.REPLACE).decode(bytes).toString();
        } catch (CharacterCodingException impossible) {
            throw new IllegalStateException("a replacing decoder reported an error", impossible);
        }
    }

    private static CharsetDecoder decoder(LoadFileEncoding encoding, CodingErrorAction onError) {
        return encoding.charset().newDecoder().onMalformedInput(onError).onUnmappableCharacter(onError);
    }

    /** A second BOM can survive when a BOM-less guess was made; it is never content. */
    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * BOM-less UTF-16: in the sample, at least 30% of the byte pairs have a NUL on one side and almost none
     * on the other. 8-bit load files never contain NUL, so this cannot fire on them.
     */
    private static LoadFileEncoding utf16ByNulPattern(byte[] bytes) {
        int sample = Math.min(bytes.length, NUL_SAMPLE_BYTES) & ~1;
        int pairs = sample / 2;
        if (pairs == 0) {
            return null;
        }
        int evenNuls = 0;
        int oddNuls = 0;
        for (int i = 0; i < sample; i += 2) {
            if (bytes[i] == 0) {
                evenNuls++;
            }
            if (bytes[i + 1] == 0) {
                oddNuls++;
            }
        }
        if (oddNuls * 10 >= pairs * 3 && evenNuls * 20 <= pairs) {
            return LoadFileEncoding.UTF_16LE;
        }
        if (evenNuls * 10 >= pairs * 3 && oddNuls * 20 <= pairs) {
            return LoadFileEncoding.UTF_16BE;
        }
        return null;
    }

    private static boolean isValidUtf8(byte[] bytes) {
        try {
            decoder(LoadFileEncoding.UTF_8, CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
    }

    private static boolean looksLikeDamagedUtf8(byte[] bytes) {
        int utf8Thorns = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == (byte) 0xFE) {
                if (i == 0 || bytes[i - 1] != (byte) 0xC3) {
                    return false; // a Windows-1252 þ: the file really is 8-bit
                }
            } else if (bytes[i] == (byte) 0xBE && i > 0 && bytes[i - 1] == (byte) 0xC3) {
                utf8Thorns++;
            }
        }
        return utf8Thorns > 0;
    }

    private static Integer lineOf(String text, int index) {
        if (index < 0) {
            return null;
        }
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
