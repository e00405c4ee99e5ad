package io.legalhub.invoice;

import java.nio.charset.StandardCharsets;

import io.legalhub.ledes.LedesTextDecoder;
import io.legalhub.messaging.Envelope;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns a LEDES file dropped in the drop folder into a hub message for {@code hub.in.invoice}: the file's text
 * as the body, and an envelope saying it came from billing by file. Nothing is checked here beyond "is this
 * text": whether it is good LEDES is the canonicalize stage's question, so a bad file gets the same dead letter
 * whichever way it arrived.
 *
 * <p>Version: a LEDES file carries none, so the file's last-modified time (epoch milliseconds) stands in for
 * it, as the export's time does for polled files (see {@link LedesExportPoller}): of two copies of an invoice,
 * the one produced later wins, and an old file dropped late never overwrites a newer state.
 */
@Component("ledesFileIngress")
public class LedesFileIngress {

    private static final Logger log = LoggerFactory.getLogger(LedesFileIngress.class);

    public void envelope(Exchange exchange) {
        Message in = exchange.getIn();
        String name = in.getHeader(Exchange.FILE_NAME_ONLY, String.class);
        Long modified = in.getHeader(Exchange.FILE_LAST_MODIFIED, Long.class);
        byte[] bytes = in.getBody(byte[].class);
        if (bytes == null) {
            bytes = new byte[0];
        }

        in.removeHeaders("*");
        in.setHeader(Envelope.ENTITY, "invoice");
        in.setHeader(Envelope.SOURCE_SYSTEM, "billing");
        in.setHeader(Envelope.SOURCE_ID, name);
        in.setHeader(Envelope.SOURCE_VERSION, modified == null ? System.currentTimeMillis() : modified);
        in.setHeader(Envelope.VIA, "file");
        in.setHeader(Envelope.GROUP, Envelope.group("invoice", "file/" + name));
        in.setHeader(LedesEnvelope.SOURCE_FILE, "LEDES file " + name);

        int nul = indexOfNul(bytes);
        if (nul >= 0) {
            // the id still names the file, so the dead letter can be found by it
            in.setHeader(Envelope.MESSAGE_ID, LedesEnvelope.fileMessageId(name, new String(bytes, StandardCharsets.ISO_8859_1)));
            throw new UnreadableLedesFileException("LEDES file " + name + " cannot be read as text: byte " + (nul + 1)
                    + " is a NUL, so it is a binary file (a PDF or ZIP, say) or UTF-16 text; a LEDES 1998B file is"
                    + " UTF-8 or Windows-1252 text starting with LEDES1998B[]");
        }
        String text = LedesTextDecoder.decode(bytes);
        in.setHeader(Envelope.MESSAGE_ID, LedesEnvelope.fileMessageId(name, text));
        in.setBody(text);
        log.info("LEDES file {} picked up from the drop folder ({} bytes)", name, bytes.length);
    }

    private static int indexOfNul(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
