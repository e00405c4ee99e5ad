package io.legalhub.contract;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.atlassian.oai.validator.model.ApiOperation;
import io.legalhub.sandbox.TappedExchange;

/**
 * The vendor specs of one directory, each parsed at most once per JVM (Clio's is 2.8 MB and takes seconds), and
 * which of them describes a sandbox exchange.
 */
public final class VendorSpecs {

    private static final Map<Path, VendorSpecs> BY_DIRECTORY = new ConcurrentHashMap<>();

    private final Path dir;
    private final Map<VendorSpec, LoadedSpec> loaded = new EnumMap<>(VendorSpec.class);

    private VendorSpecs(Path dir) {
        this.dir = dir;
    }

    /** The specs in {@code dir}, shared by every caller in this JVM. */
    public static VendorSpecs in(Path dir) {
        return BY_DIRECTORY.computeIfAbsent(dir.toAbsolutePath().normalize(), VendorSpecs::new);
    }

    /** The specs of {@link SpecsDirectory#configured()}, if they are there (see there for when that fails). */
    public static Optional<VendorSpecs> configured() {
        return SpecsDirectory.configured().map(VendorSpecs::in);
    }

    public Path directory() {
        return dir;
    }

    /** Parses the spec the first time it is asked for. */
    synchronized LoadedSpec load(VendorSpec spec) {
        return loaded.computeIfAbsent(spec, s -> LoadedSpec.load(s, dir));
    }

    /** The specs parsed so far, for the reports (parse times, parser warnings). */
    synchronized List<LoadedSpec> loadedSoFar() {
        return new ArrayList<>(loaded.values());
    }

    /** Which spec and operation describe the exchange, or why none does. */
    Coverage coverageOf(TappedExchange exchange) {
        Optional<String> uncovered = ContractCoverage.uncovered(exchange);
        if (uncovered.isPresent()) {
            return new Coverage.NotCovered(uncovered.get());
        }
        Optional<String> byText = ContractCoverage.coveredByText(exchange);
        if (byText.isPresent()) {
            return new Coverage.CoveredByText(byText.get());
        }
        List<String> mounted = new ArrayList<>();
        List<String> pathWithoutMethod = new ArrayList<>();
        for (VendorSpec spec : VendorSpec.values()) {
            String specPath = spec.system() == exchange.system() ? spec.specPath(exchange.path()) : null;
            if (specPath == null) {
                continue;
            }
            mounted.add(spec.label());
            LoadedSpec api = load(spec);
            Optional<ApiOperation> operation = api.operation(exchange.method(), specPath);
            if (operation.isPresent()) {
                return new Coverage.Covered(api, specPath, operation.get());
            }
            if (api.hasPath(specPath)) {
                pathWithoutMethod.add(spec.label());
            }
        }
        String where = exchange.system().path() + exchange.path();
        if (!pathWithoutMethod.isEmpty()) {
            return new Coverage.NoSuchOperation(String.join(", ", pathWithoutMethod) + " has the path " + where
                    + " but no " + exchange.method() + " on it");
        }
        if (!mounted.isEmpty()) {
            return new Coverage.NoSuchOperation("no operation " + exchange.method() + " " + where + " in "
                    + String.join(", ", mounted));
        }
        return new Coverage.NoSuchOperation("no vendor spec is mounted at " + where + " and it is not one of the"
                + " paths ContractCoverage declares uncovered: use the vendor's path, or declare it there with the reason");
    }
}
