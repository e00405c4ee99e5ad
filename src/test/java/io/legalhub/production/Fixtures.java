package io.legalhub.production;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Load-file fixtures under src/test/resources/ediscovery. */
final class Fixtures {

    static final String SAMPLE_DAT = "production-GBX001.dat";
    static final String SAMPLE_OPT = "production-GBX001.opt";

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/ediscovery/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture ediscovery/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads a DAT fixture with an OPT fixture as production GBX001. */
    static ProductionReport load(String dat, String opt) {
        return new ProductionLoader().load("GBX001", bytes(dat), bytes(opt));
    }

    /** Loads a DAT fixture with the sample OPT. */
    static ProductionReport loadDat(String dat) {
        return load(dat, SAMPLE_OPT);
    }
}
