package io.legalhub.invoice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.legalhub.api.NotFoundException;
import io.legalhub.canonical.RecordStateStore;
import io.legalhub.ledes.CanonicalInvoiceMapper;
import io.legalhub.ledes.LedesWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * An invoice as LEDES 1998B, written from the newest canonical invoice the hub holds: what a client's
 * e-billing platform would be sent, and a way to check what the hub made of a file.
 */
@RestController
public class InvoiceLedesController {

    private static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    private final RecordStateStore records;
    private final LedesWriter writer;
    private final ObjectMapper json;

    public InvoiceLedesController(RecordStateStore records, LedesWriter writer, ObjectMapper json) {
        this.records = records;
        this.writer = writer;
        this.json = json;
    }

    // no "produces": a 404 must still be able to answer as problem JSON
    @GetMapping("/api/invoices/{number}/ledes")
    public ResponseEntity<String> ledes(@PathVariable String number) throws IOException {
        RecordStateStore.RecordState invoice = records.find(CanonicalInvoiceMapper.ENTITY, number)
                .orElseThrow(() -> new NotFoundException("The hub has no invoice " + number
                        + "; invoices reach it from billing's LEDES export or the LEDES drop folder"));
        String ledes = writer.writeCanonical(json.readTree(invoice.canonical()));
        return ResponseEntity.ok()
                .contentType(TEXT)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + number.replaceAll("[^A-Za-z0-9-]", "_") + ".txt\"")
                .body(ledes);
    }
}
