package io.legalhub.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

class ProductionCanonicalMapperTest {

    private static final Path SCHEMA = Path.of("mappings/canonical/production.schema.json");

    private final ObjectMapper json = new ObjectMapper();
    private final ProductionCanonicalMapper mapper = new ProductionCanonicalMapper(json);

    private ObjectNode sampleCanonical() {
        Production production = Fixtures.load(Fixtures.SAMPLE_DAT, Fixtures.SAMPLE_OPT).requireValid();
        return mapper.toCanonical(production, "2026-0044", "production-GBX001.dat");
    }

    @Test
    void theSampleMapsToTheCanonicalProductionRecord() throws IOException {
        ObjectNode canonical = sampleCanonical();

        ObjectNode summary = canonical.deepCopy();
        summary.remove("documents");
        assertThat(summary).isEqualTo(json.readTree("""
                {"schemaVersion":1,"entity":"production","key":"2026-0044:GBX001","productionName":"GBX001","volume":"GBX001",
                 "matterKey":"2026-0044","begBates":"GBX0000001","endBates":"GBX0000007","documentCount":3,"pageCount":7,
                 "custodians":["Jordan Lee","Priya Nair"],
                 "source":{"system":"ediscovery","id":"2026-0044:GBX001","fileName":"production-GBX001.dat"}}
                """));
    }

    @Test
    void eachDocumentCarriesItsRangeFamilyAndMetadata() throws IOException {
        JsonNode documents = sampleCanonical().get("documents");

        assertThat(documents).hasSize(3);
        ObjectNode first = (ObjectNode) documents.get(0).deepCopy();
        first.remove("metadata");
        assertThat(first).isEqualTo(json.readTree("""
                {"begBates":"GBX0000001","endBates":"GBX0000003","pages":3,"custodian":"Jordan Lee",
                 "fileName":"msg-0001.msg","md5":"9e107d9d372bb6826bd81d3542a419d6","parentBates":null,
                 "attachmentRange":{"beg":"GBX0000001","end":"GBX0000004"}}
                """));
        assertThat(documents.get(1).get("parentBates").asText()).isEqualTo("GBX0000001");
        assertThat(documents.get(2).get("attachmentRange").isNull()).isTrue();
        assertThat(documents.get(2).at("/metadata/SUBJECT").asText()).isEqualTo("Re: delivery schedule\nSee the attached plan");
    }

    @Test
    void theCanonicalRecordSatisfiesItsSchema() throws IOException {
        assertThat(validate(sampleCanonical())).isEmpty();
    }

    @Test
    void theSchemaRejectsARecordWithoutItsMatterOrWithAnUnknownField() throws IOException {
        ObjectNode noMatter = sampleCanonical();
        noMatter.remove("matterKey");
        ObjectNode extra = sampleCanonical();
        extra.put("surprise", true);

        assertThat(validate(noMatter)).isNotEmpty();
        assertThat(validate(extra)).isNotEmpty();
    }

    @Test
    void aSourceVersionForTheStaleVersionGuardIsCarriedWhenGiven() throws IOException {
        Production production = Fixtures.load(Fixtures.SAMPLE_DAT, Fixtures.SAMPLE_OPT).requireValid();

        ObjectNode canonical = mapper.toCanonical(production, "2026-0044", "production-GBX001.dat", 1_780_000_000_000L);

        assertThat(canonical.at("/source/version").asLong()).isEqualTo(1_780_000_000_000L);
        assertThat(validate(canonical)).isEmpty();
    }

    @Test
    void aMatterKeyIsRequired() {
        Production production = Fixtures.load(Fixtures.SAMPLE_DAT, Fixtures.SAMPLE_OPT).requireValid();

        assertThatThrownBy(() -> mapper.toCanonical(production, " ")).hasMessageContaining("matterKey is required");
    }

    private Set<ValidationMessage> validate(JsonNode canonical) throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(json.readTree(Files.readString(SCHEMA)));
        return schema.validate(canonical);
    }
}
