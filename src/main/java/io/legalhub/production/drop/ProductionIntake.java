package io.legalhub.production.drop;

import java.io.IOException;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.legalhub.production.InvalidLoadFileException;
import io.legalhub.production.Production;
import io.legalhub.production.ProductionCanonicalMapper;
import io.legalhub.production.ProductionLoader;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The canonicalize stage of a dropped production: reads the load-file pair with {@link ProductionLoader}
 * and turns a valid one into the canonical production. An incomplete or invalid pair is a permanent
 * failure whose message says what is missing or lists every fault by file and line.
 */
@Component("productionIntake")
public class ProductionIntake {

    private final ObjectMapper json;
    private final ProductionCanonicalMapper mapper;
    private final ProductionLoader loader = new ProductionLoader();

    public ProductionIntake(ObjectMapper json) {
        this.json = json;
        this.mapper = new ProductionCanonicalMapper(json);
    }

    /** Body: a {@link DroppedProduction} as JSON; becomes the canonical production as JSON. */
    public void canonicalize(Exchange exchange) throws IOException {
        DroppedProduction dropped = json.readValue(exchange.getIn().getBody(String.class), DroppedProduction.class);
        Production production = read(dropped);
        exchange.getIn().setBody(json.writeValueAsString(
                mapper.toCanonical(production, dropped.matterKey(), dropped.datFile(), dropped.modifiedAt())));
    }

    /** The production a dropped pair holds, or the exception saying why it cannot be recorded. */
    public Production read(DroppedProduction dropped) {
        if (dropped.dat() == null || dropped.opt() == null) {
            boolean datMissing = dropped.dat() == null;
            String missing = datMissing ? dropped.datFile() : dropped.optFile();
            String present = datMissing ? dropped.optFile() : dropped.datFile();
            throw new IncompleteProductionException("Production " + dropped.name()
                    + (dropped.matterKey() == null ? "" : " for matter " + dropped.matterKey()) + " is incomplete: the "
                    + (datMissing ? "DAT" : "OPT") + " " + missing + " is missing; " + present + " waited "
                    + waited(dropped.waitedMs()) + " in the drop folder without it. Drop both files of the pair together"
                    + " (same base name, same folder).", missing);
        }
        if (dropped.matterKey() == null || dropped.matterKey().isBlank()) {
            throw new IncompleteProductionException("Production " + dropped.name() + " names no matter: "
                    + dropped.datFile() + " and " + dropped.optFile() + " were dropped straight into the drop folder."
                    + " Drop them into a folder named for the matter number (<drop-dir>/<matter number>/).", dropped.datFile());
        }
        try {
            return loader.load(dropped.name(), dropped.dat(), dropped.opt()).requireValid();
        } catch (InvalidLoadFileException invalid) {
            throw new InvalidProductionException(dropped, invalid);
        }
    }

    private static String waited(Long ms) {
        if (ms == null) {
            return "too long";
        }
        Duration d = Duration.ofMillis(ms);
        if (d.toMinutes() >= 2) {
            return d.toMinutes() + " minutes";
        }
        return Math.max(1, d.toSeconds()) + " seconds";
    }
}
