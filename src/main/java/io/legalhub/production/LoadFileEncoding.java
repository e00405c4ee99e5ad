package io.legalhub.production;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The character encodings load files arrive in. Concordance itself writes Windows-1252; review platforms
 * export UTF-8 (usually with a byte order mark) or UTF-16. The BOM variants are kept apart from the
 * BOM-less ones so the report says exactly what was found, and so the writers can produce each kind.
 */
public enum LoadFileEncoding {
    UTF_8_BOM("UTF-8 with byte order mark", StandardCharsets.UTF_8, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}),
    UTF_8("UTF-8", StandardCharsets.UTF_8, new byte[0]),
    UTF_16LE_BOM("UTF-16LE with byte order mark", StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE}),
    UTF_16BE_BOM("UTF-16BE with byte order mark", StandardCharsets.UTF_16BE, new byte[] {(byte) 0xFE, (byte) 0xFF}),
    UTF_16LE("UTF-16LE without byte order mark", StandardCharsets.UTF_16LE, new byte[0]),
    UTF_16BE("UTF-16BE without byte order mark", StandardCharsets.UTF_16BE, new byte[0]),
    WINDOWS_1252("Windows-1252", Charset.forName("windows-1252"), new byte[0]);

    private final String label;
    private final Charset charset;
    private final byte[] byteOrderMark;

    LoadFileEncoding(String label, Charset charset, byte[] byteOrderMark) {
        this.label = label;
        this.charset = charset;
        this.byteOrderMark = byteOrderMark;
    }

    /** How an operator would name it, e.g. "UTF-8 with byte order mark". */
    public String label() {
        return label;
    }

    public Charset charset() {
        return charset;
    }

    /** The bytes that open a file in this encoding (empty when it has no byte order mark). */
    public byte[] byteOrderMark() {
        return byteOrderMark.clone();
    }
}
