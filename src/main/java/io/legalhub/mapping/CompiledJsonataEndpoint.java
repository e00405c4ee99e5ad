package io.legalhub.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.component.jsonata.JsonataComponent;
import org.apache.camel.component.jsonata.JsonataEndpoint;
import org.apache.camel.component.jsonata.JsonataFrameBinding;
import org.apache.camel.component.jsonata.JsonataInputOutputType;
import org.apache.camel.support.ExchangeHelper;

/**
 * A {@code jsonata:} endpoint whose expression is compiled when first used and again only when its file changes
 * (its modification time), so an edited mapping takes effect without a restart. Input and output are converted
 * exactly as Camel's endpoint does (plain Jackson, nulls kept). A compiled expression is shared by all consumers;
 * each evaluation gets its own frame, as jsonata-java requires for concurrent use.
 */
class CompiledJsonataEndpoint extends JsonataEndpoint {

    private final ObjectMapper mapper = new ObjectMapper();
    private volatile Compiled compiled;
    private volatile Path file;

    private record Compiled(Jsonata expression, FileTime modified) {
    }

    CompiledJsonataEndpoint(String uri, JsonataComponent component, String resourceUri, JsonataFrameBinding frameBinding) {
        super(uri, component, resourceUri, frameBinding);
    }

    @Override
    protected void onExchange(Exchange exchange) throws Exception {
        Object input = getInputType() == JsonataInputOutputType.JsonString
                ? mapper.readValue(exchange.getIn().getBody(InputStream.class), Object.class)
                : mapper.convertValue(exchange.getIn().getBody(), Object.class);
        Jsonata expression = expression();
        Jsonata.Frame frame = expression.createFrame();
        if (getFrameBinding() != null) {
            getFrameBinding().bindToFrame(frame);
        }
        Object output = expression.evaluate(input, frame);
        String json = isPrettyPrint() ? mapper.writerWithDefaultPrettyPrinter().writeValueAsString(output) : mapper.writeValueAsString(output);
        ExchangeHelper.setInOutBodyPatternAware(exchange,
                getOutputType() == JsonataInputOutputType.JsonString ? json : mapper.readTree(json));
    }

    private Jsonata expression() throws IOException {
        FileTime modified = modified();
        Compiled current = compiled;
        if (current == null || modified != null && !modified.equals(current.modified())) {
            synchronized (this) {
                current = compiled;
                if (current == null || modified != null && !modified.equals(current.modified())) {
                    current = new Compiled(Jsonata.jsonata(read()), modified);
                    compiled = current;
                }
            }
        }
        return current.expression();
    }

    private String read() throws IOException {
        try (InputStream in = getResourceAsInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The file's modification time, or null for a resource that is no file (compiled once, never reloaded). */
    private FileTime modified() throws IOException {
        Path file = file();
        if (file == null) {
            return null;
        }
        try {
            return Files.getLastModifiedTime(file);
        } catch (NoSuchFileException gone) {
            return null;
        }
    }

    /** The mapping's file, resolved once: this check runs on every message. */
    private Path file() {
        Path file = this.file;
        if (file == null && getResourceUri().startsWith("file:")) {
            file = Path.of(getResourceUri().substring("file:".length()));
            this.file = file;
        }
        return file;
    }
}
