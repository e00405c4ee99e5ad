package io.legalhub.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class LoadFileDecoderTest {

    private static final String HEADER = "þBEGDOCþ\u0014þSUBJECTþ\r\nþABC0001þ\u0014þCafé®Menuþ\r\n";

    @Test
    void utf8WithBomIsReadAsUtf8AndTheBomIsDropped() {
        byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, HEADER.getBytes(StandardCharsets.UTF_8));

        DecodedText decoded = LoadFileDecoder.decode(bytes);

        assertThat(decoded.encoding()).isEqualTo(LoadFileEncoding.UTF_8_BOM);
        assertThat(decoded.text()).isEqualTo(HEADER);
        assertThat(decoded.decodedCleanly()).isTrue();
    }

    @Test
    void utf16LittleEndianWithBomIsRecognised() {
        byte[] bytes = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, HEADER.getBytes(StandardCharsets.UTF_16LE));

        DecodedText decoded = LoadFileDecoder.decode(bytes);

        assertThat(decoded.encoding()).isEqualTo(LoadFileEncoding.UTF_16LE_BOM);
        assertThat(decoded.text()).isEqualTo(HEADER);
    }

    @Test
    void utf16BigEndianWithBomIsRecognised() {
        byte[] bytes = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, HEADER.getBytes(StandardCharsets.UTF_16BE));

        DecodedText decoded = LoadFileDecoder.decode(bytes);

        assertThat(decoded.encoding()).isEqualTo(LoadFileEncoding.UTF_16BE_BOM);
        assertThat(decoded.text()).isEqualTo(HEADER);
    }

    @Test
    void utf16WithoutBomIsRecognisedByItsNulBytes() {
        assertThat(LoadFileDecoder.decode(HEADER.getBytes(StandardCharsets.UTF_16LE)))
                .extracting(DecodedText::encoding, DecodedText::text)
                .containsExactly(LoadFileEncoding.UTF_16LE, HEADER);
        assertThat(LoadFileDecoder.decode(HEADER.getBytes(StandardCharsets.UTF_16BE)))
                .extracting(DecodedText::encoding, DecodedText::text)
                .containsExactly(LoadFileEncoding.UTF_16BE, HEADER);
    }

    @Test
    void validUtf8WithoutBomIsReadAsUtf8() {
        DecodedText decoded = LoadFileDecoder.decode(HEADER.getBytes(StandardCharsets.UTF_8));

        assertThat(decoded.encoding()).isEqualTo(LoadFileEncoding.UTF_8);
        assertThat(decoded.text()).isEqualTo(HEADER);
    }

    @Test
    void bytesThatAreNotUtf8AreReadAsWindows1252WhereThornIsFeAndDc4Is14() {
        byte[] bytes = HEADER.getBytes(Charset.forName("windows-1252"));
        assertThat(bytes[0]).isEqualTo((byte) 0xFE);

        DecodedText decoded = LoadFileDecoder.decode(bytes);

        assertThat(decoded.encoding()).isEqualTo(LoadFileEncoding.WINDOWS_1252);
        assertThat(decoded.text()).isEqualTo(HEADER);
    }

    @Test
    void aUtf8FileWithOneDamagedByteStaysUtf8AndNamesTheDamagedLine() {
        String text = "þBEGDOCþ\u0014þSUBJECTþ\r\nþABC0001þ\u0014þokþ\r\nþABC0002þ\u0014þXþ\r\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int x = indexOf(bytes, (byte) 'X');
        bytes[x] = (byte) 0xE9; // an "é" saved as Windows-1252 inside a UTF-8 file

        DecodedText decoded = LoadFileDecoder.decode(bytes);

        assertThat(decoded.encoding()).isEqualTo(LoadFileEncoding.UTF_8);
        assertThat(decoded.text()).startsWith("þBEGDOCþ");
        assertThat(decoded.firstUndecodableLine()).isEqualTo(3);
    }

    @Test
    void emptyBytesGiveEmptyText() {
        assertThat(LoadFileDecoder.decode(new byte[0]).text()).isEmpty();
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
