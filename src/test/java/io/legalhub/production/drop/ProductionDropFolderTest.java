package io.legalhub.production.drop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.legalhub.messaging.Envelope;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProductionDropFolderTest {

    private static final Duration SETTLE = Duration.ofSeconds(3);
    private static final Duration ORPHAN_WAIT = Duration.ofMinutes(10);

    @TempDir
    Path drop;

    private final ObjectMapper json = new ObjectMapper();
    private final ProductionIntake intake = new ProductionIntake(json);
    private ProductionDropFolder folder;

    @BeforeEach
    void folder() {
        ProductionDropProperties properties = new ProductionDropProperties();
        properties.setDropDir(drop);
        properties.setSettleMs(SETTLE.toMillis());
        properties.setOrphanAfterMs(ORPHAN_WAIT.toMillis());
        folder = new ProductionDropFolder(properties, intake, json);
    }

    @Test
    void aPairIsTakenInOnlyOnceBothItsFilesHaveStoppedChanging() throws IOException {
        Path dat = file("2026-0012/GBX001.dat", "production-GBX001.dat", Duration.ofMinutes(1));
        Path opt = file("2026-0012/GBX001.opt", "production-GBX001.opt", Duration.ZERO);

        assertThat(folder.readyPairs()).isEmpty();

        age(opt, SETTLE.plusSeconds(1));
        assertThat(folder.readyPairs()).containsExactly(new DroppedPair("2026-0012", "GBX001", dat, opt));
    }

    @Test
    void aLoneFileIsTakenInOnlyAfterTheOrphanWait() throws IOException {
        Path dat = file("2026-0012/GBX001.DAT", "production-GBX001.dat", ORPHAN_WAIT.minusSeconds(5));

        assertThat(folder.readyPairs()).isEmpty();

        age(dat, ORPHAN_WAIT.plusSeconds(1));
        assertThat(folder.readyPairs()).containsExactly(new DroppedPair("2026-0012", "GBX001", dat, null));
    }

    @Test
    void otherFilesAndTheDoneAndFailedFoldersAreLeftAlone() throws IOException {
        file("2026-0012/cover-letter.pdf", "production-GBX001.opt", Duration.ofDays(1));
        file(".done/2026-0012/GBX001.dat", "production-GBX001.dat", Duration.ofDays(1));
        file(".failed/2026-0012/GBX002.opt", "production-GBX001.opt", Duration.ofDays(1));

        assertThat(folder.readyPairs()).isEmpty();
    }

    @Test
    void thePairTravelsWithBothFilesAndIsKeyedByMatterAndName() throws IOException {
        Path dat = file("2026-0012/GBX001.dat", "production-GBX001.dat", Duration.ofMinutes(2));
        Path opt = file("2026-0012/GBX001.opt", "production-GBX001.opt", Duration.ofMinutes(1));
        Exchange exchange = exchange(new DroppedPair("2026-0012", "GBX001", dat, opt));

        folder.envelope(exchange);

        assertThat(exchange.getIn().getHeader(Envelope.KEY)).isEqualTo("2026-0012:GBX001");
        assertThat(exchange.getIn().getHeader(Envelope.ENTITY)).isEqualTo("production");
        assertThat(exchange.getIn().getHeader(Envelope.VIA)).isEqualTo("file");
        assertThat(exchange.getIn().getHeader(Envelope.SOURCE_VERSION)).isEqualTo(Files.getLastModifiedTime(opt).toMillis());
        DroppedProduction message = json.readValue(exchange.getIn().getBody(String.class), DroppedProduction.class);
        assertThat(message.dat()).isEqualTo(Files.readAllBytes(dat));
        assertThat(message.opt()).isEqualTo(Files.readAllBytes(opt));
        assertThat(message.matterKey()).isEqualTo("2026-0012");
        JsonNode canonical = canonical(exchange.getIn().getBody(String.class));
        assertThat(canonical.get("key").asText()).isEqualTo("2026-0012:GBX001");
        assertThat(canonical.get("documentCount").asInt()).isEqualTo(3);
    }

    @Test
    void aPairThatReadsCleanlyMovesToDoneAndAFaultyOneToFailedBesideEarlierDrops() throws IOException {
        moveAway(pair("GBX001", "production-GBX001.dat"));
        moveAway(pair("GBX001", "production-GBX001.dat"));
        moveAway(pair("GBX002", "row-missing-field.dat"));

        try (var done = Files.list(drop.resolve(".done/2026-0012"))) {
            List<String> names = done.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(names).hasSize(4).contains("GBX001.dat", "GBX001.opt");
            String stamp = names.stream().filter(n -> n.endsWith(".dat") && !n.equals("GBX001.dat")).findFirst().orElseThrow()
                    .replaceFirst("\\.dat$", "");
            assertThat(stamp).matches("GBX001\\.\\d{8}T\\d{9}Z");
            assertThat(names).contains(stamp + ".opt");
        }
        assertThat(drop.resolve(".failed/2026-0012/GBX002.dat")).exists();
        assertThat(drop.resolve(".failed/2026-0012/GBX002.opt")).exists();
        try (var left = Files.list(drop.resolve("2026-0012"))) {
            assertThat(left.toList()).isEmpty();
        }
    }

    private DroppedPair pair(String name, String datFixture) throws IOException {
        return new DroppedPair("2026-0012", name, file("2026-0012/" + name + ".dat", datFixture, Duration.ofMinutes(1)),
                file("2026-0012/" + name + ".opt", "production-GBX001.opt", Duration.ofMinutes(1)));
    }

    @Test
    void filesDroppedOutsideAMatterFolderAreRefusedForNamingNoMatter() throws IOException {
        Path dat = file("GBX001.dat", "production-GBX001.dat", Duration.ofMinutes(1));
        Path opt = file("GBX001.opt", "production-GBX001.opt", Duration.ofMinutes(1));
        assertThat(folder.readyPairs()).containsExactly(new DroppedPair(null, "GBX001", dat, opt));
        Exchange exchange = exchange(new DroppedPair(null, "GBX001", dat, opt));
        folder.envelope(exchange);

        assertThatThrownBy(() -> canonical(exchange.getIn().getBody(String.class)))
                .isInstanceOf(IncompleteProductionException.class)
                .hasMessageContaining("Production GBX001 names no matter")
                .hasMessageContaining("<drop-dir>/<matter number>/");
    }

    @Test
    void aLoneOptSaysTheDatIsMissingAndHowLongItWaited() throws IOException {
        Path opt = file("2026-0012/GBX001.opt", "production-GBX001.opt", Duration.ofMinutes(12));
        Exchange exchange = exchange(new DroppedPair("2026-0012", "GBX001", null, opt));
        folder.envelope(exchange);

        assertThatThrownBy(() -> canonical(exchange.getIn().getBody(String.class)))
                .isInstanceOf(IncompleteProductionException.class)
                .hasMessageContaining("the DAT GBX001.dat is missing; GBX001.opt waited 12 minutes")
                .satisfies(e -> assertThat(((IncompleteProductionException) e).failedField()).isEqualTo("GBX001.dat"));
    }

    private JsonNode canonical(String message) throws IOException {
        Exchange exchange = exchange(message);
        intake.canonicalize(exchange);
        return json.readTree(exchange.getIn().getBody(String.class));
    }

    private void moveAway(DroppedPair pair) throws IOException {
        Exchange exchange = exchange(pair);
        folder.envelope(exchange);
        folder.moveAway(exchange);
    }

    private static Exchange exchange(Object body) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getIn().setBody(body);
        return exchange;
    }

    private Path file(String relative, String fixture, Duration age) throws IOException {
        Path file = drop.resolve(relative);
        Files.createDirectories(file.getParent());
        try (InputStream in = getClass().getResourceAsStream("/ediscovery/" + fixture)) {
            Files.write(file, in.readAllBytes());
        }
        age(file, age);
        return file;
    }

    private static void age(Path file, Duration age) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
    }
}
