package io.legalhub.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import com.dashjoin.jsonata.JException;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hub's jsonata: component maps as Camel's does, binds $settings, and picks up an edited mapping file. */
class CompiledJsonataComponentTest {

    @TempDir
    Path dir;

    private CamelContext camel;
    private ProducerTemplate producer;

    @BeforeEach
    void start() {
        camel = new DefaultCamelContext();
        camel.addComponent("jsonata", new CompiledJsonataComponent(frame -> frame.bind("settings", java.util.Map.of("prefix", "M-"))));
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void mapsJsonTextToJsonTextWithTheSettingsBoundAndNullsKept() throws Exception {
        Path mapping = write("{\"number\": $settings.prefix & number, \"closed\": close_date}", Instant.parse("2026-01-01T00:00:00Z"));

        String out = map(mapping, "{\"number\":\"1001\",\"close_date\":null}");

        assertThat(out).isEqualTo("{\"number\":\"M-1001\",\"closed\":null}");
    }

    @Test
    void anEditedMappingFileTakesEffectWithoutARestart() throws Exception {
        Path mapping = write("{\"v\": 1}", Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(map(mapping, "{}")).isEqualTo("{\"v\":1}");

        write("{\"v\": 2}", Instant.parse("2026-01-01T00:05:00Z"));

        assertThat(map(mapping, "{}")).isEqualTo("{\"v\":2}");
    }

    @Test
    void aMappingWithFunctionsRunsAsOftenAsNeededWithoutSlowingDown() throws Exception {
        // jsonata-java 0.9.9 kept every evaluation's frames on a reused expression: StackOverflowError after a few
        // thousand messages; 0.9.10 does not
        Path mapping = write("( $twice := function($v){ $v * 2 }; {\"n\": $map(items, $twice)} )", Instant.parse("2026-01-01T00:00:00Z"));

        for (int i = 0; i < 20_000; i++) {
            assertThat(map(mapping, "{\"items\":[" + i + ",1]}")).isEqualTo("{\"n\":[" + (2 * i) + ",2]}");
        }
    }

    @Test
    void aFailingExpressionFailsTheExchangeWithJsonatasOwnError() throws Exception {
        Path mapping = write("{\"n\": number + 1}", Instant.parse("2026-01-01T00:00:00Z"));

        assertThatThrownBy(() -> map(mapping, "{\"number\":\"not a number\"}"))
                .isInstanceOf(CamelExecutionException.class).hasRootCauseInstanceOf(JException.class);
    }

    private Path write(String expression, Instant modified) throws Exception {
        Path file = dir.resolve("canonical-to-matter.jsonata");
        Files.writeString(file, expression);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    private String map(Path mapping, String json) {
        return producer.requestBody("jsonata:file:" + mapping + "?inputType=JsonString&outputType=JsonString", json, String.class);
    }
}
