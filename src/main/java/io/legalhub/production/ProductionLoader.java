package io.legalhub.production;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a production's load-file pair (Concordance DAT + Opticon OPT) into a {@link ProductionReport}:
 * decodes both files, parses each, checks them against each other and builds the summary. Never throws
 * on bad input; see {@link ProductionReport#requireValid()} to dead-letter a faulty pair.
 */
public final class ProductionLoader {

    private final ConcordanceDatParser datParser = new ConcordanceDatParser();
    private final OpticonOptParser optParser = new OpticonOptParser();

    public ProductionReport load(String productionName, byte[] dat, byte[] opt) {
        DecodedText datText = LoadFileDecoder.decode(dat);
        DecodedText optText = LoadFileDecoder.decode(opt);
        DatFile datFile = datParser.parse(datText.text());
        OptFile optFile = optParser.parse(optText.text());

        List<LoadFileViolation> violations = new ArrayList<>();
        undecodable(LoadFile.DAT, datText).ifPresent(violations::add);
        undecodable(LoadFile.OPT, optText).ifPresent(violations::add);
        violations.addAll(datFile.violations());
        violations.addAll(optFile.violations());

        LoadFileCrossChecks crossChecks = new LoadFileCrossChecks(datFile, optFile);
        violations.addAll(crossChecks.check());
        if (datFile.valid() && datFile.records().isEmpty()) {
            // A header with no rows parses cleanly, but recording an empty production against a matter
            // would only hide a failed export.
            violations.add(LoadFileViolation.dat(1, null,
                    "the production has no documents: the DAT has a header row but no document rows"));
        }
        violations.sort(LoadFileViolations.IN_FILE_ORDER);

        Production production = ProductionAssembler.assemble(productionName, datFile, optFile, crossChecks);
        return new ProductionReport(production, violations, datText.encoding(), optText.encoding());
    }

    private static Optional<LoadFileViolation> undecodable(LoadFile file, DecodedText text) {
        if (text.decodedCleanly()) {
            return Optional.empty();
        }
        return Optional.of(new LoadFileViolation(file, text.firstUndecodableLine(), null,
                "the file was read as " + text.encoding().label() + " but this line holds bytes that are not valid "
                        + text.encoding().label() + "; the file was probably saved with mixed encodings"));
    }
}
