package io.legalhub.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.jsonata.JsonataComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Every mapping in mappings/ runs on its sample input and must give its expected output; outputs that
 * are canonical records must also pass their canonical schema. Adding a mapping needs no new Java:
 * put X.jsonata, X.input.json and X.expected.json side by side.
 */
class MappingCatalogTest {

    private static final Path MAPPINGS = Path.of("mappings");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static CamelContext camel;
    private static ProducerTemplate producer;

    @BeforeAll
    static void startCamel() throws Exception {
        camel = new DefaultCamelContext();
        JsonataComponent jsonata = new JsonataComponent();
        Map<String, Object> settings = settingsFromConfig();
        io.legalhub.ledes.LedesWriter ledes = new io.legalhub.ledes.LedesWriter();
        jsonata.setFrameBinding(frame -> io.legalhub.mapping.MappingSettings.bind(frame, settings, ledes));
        camel.addComponent("jsonata", jsonata);
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterAll
    static void stopCamel() {
        camel.stop();
    }

    static Stream<Path> mappings() throws IOException {
        try (Stream<Path> files = Files.walk(MAPPINGS)) {
            return files.filter(p -> p.toString().endsWith(".jsonata")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mappings")
    void mappingTurnsItsSampleInputIntoItsExpectedOutput(Path mapping) throws Exception {
        Path input = sibling(mapping, ".input.json");
        Path expected = sibling(mapping, ".expected.json");
        assertThat(input).as("sample input beside " + mapping).exists();
        assertThat(expected).as("expected output beside " + mapping).exists();

        String output = producer.requestBody("jsonata:file:" + mapping + "?inputType=JsonString&outputType=JsonString",
                Files.readString(input), String.class);

        assertThat(JSON.readTree(output)).as(mapping + " output").isEqualTo(JSON.readTree(Files.readString(expected)));
        JsonNode out = JSON.readTree(output);
        if (out.isObject() && out.has("entity") && out.has("schemaVersion")) {
            Path schema = MAPPINGS.resolve("canonical").resolve(out.get("entity").asText() + ".schema.json");
            var errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(Files.readString(schema)).validate(out);
            assertThat(errors).as(mapping + " output against " + schema).isEmpty();
        }
    }

    private static Path sibling(Path mapping, String suffix) {
        String name = mapping.getFileName().toString().replaceFirst("\\.jsonata$", suffix);
        return mapping.resolveSibling(name);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> settingsFromConfig() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("config/application.yaml"))) {
            Map<String, Object> config = new Yaml().load(in);
            Map<String, Object> systems = (Map<String, Object>) ((Map<String, Object>) config.get("hub")).get("systems");
            Map<String, Object> settings = new LinkedHashMap<>();
            systems.forEach((name, system) -> {
                Object s = ((Map<String, Object>) system).get("settings");
                Map<String, Object> resolved = new LinkedHashMap<>();
                if (s != null) {
                    // a setting taken from the environment, ${NAME:default}, has its default here
                    ((Map<String, Object>) s).forEach((key, value) -> resolved.put(key, value instanceof String text
                            ? text.replaceAll("\\$\\{[^:}]+:([^}]*)}", "$1") : value));
                }
                settings.put(name, resolved);
            });
            return settings;
        }
    }

}
