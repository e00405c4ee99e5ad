package io.legalhub.production.drop;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.legalhub.messaging.Envelope;
import io.legalhub.production.ProductionCanonicalMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The production drop folder: {@code <drop-dir>/<matter number>/<name>.dat} and {@code <name>.opt}.
 * A pair is taken in once both files have stopped changing (so a copy in progress is left alone); a
 * file whose partner has not come after the orphan wait is taken in alone, to become a dead letter that
 * says what is missing. Each is put on {@code hub.in.production} with both files inside, and only then
 * moved out of the way: to {@code .done/<matter>/} when the pair reads cleanly, {@code .failed/<matter>/}
 * otherwise. A crash between the two leaves the files in place to be taken in again, which is harmless.
 */
@Component("productionDrop")
public class ProductionDropFolder {

    static final String DONE = ".done";
    static final String FAILED = ".failed";
    private static final String PAIR = "hubDroppedPair";
    private static final String VALID = "hubDroppedPairValid";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
    private static final Logger log = LoggerFactory.getLogger(ProductionDropFolder.class);

    private final ProductionDropProperties properties;
    private final ProductionIntake intake;
    private final ObjectMapper json;
    private final Clock clock;

    public ProductionDropFolder(ProductionDropProperties properties, ProductionIntake intake, ObjectMapper json) {
        this.properties = properties;
        this.intake = intake;
        this.json = json;
        this.clock = Clock.systemUTC();
    }

    /** The pairs ready to be taken in, oldest folder first (body: a list of {@link DroppedPair}). */
    public List<DroppedPair> readyPairs() throws IOException {
        Path root = properties.getDropDir();
        Files.createDirectories(root);
        List<DroppedPair> ready = new ArrayList<>();
        ready.addAll(readyIn(root, null));
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(root, p -> Files.isDirectory(p) && !hidden(p))) {
            for (Path folder : folders) {
                ready.addAll(readyIn(folder, folder.getFileName().toString()));
            }
        }
        return ready;
    }

    private List<DroppedPair> readyIn(Path folder, String matterKey) throws IOException {
        Map<String, Path[]> byName = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, p -> Files.isRegularFile(p) && !hidden(p))) {
            for (Path file : files) {
                String fileName = file.getFileName().toString();
                int dot = fileName.lastIndexOf('.');
                String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
                if (dot > 0 && (extension.equals("dat") || extension.equals("opt"))) {
                    byName.computeIfAbsent(fileName.substring(0, dot), n -> new Path[2])[extension.equals("dat") ? 0 : 1] = file;
                }
            }
        }
        List<DroppedPair> ready = new ArrayList<>();
        long now = clock.millis();
        for (Map.Entry<String, Path[]> entry : byName.entrySet()) {
            Path dat = entry.getValue()[0];
            Path opt = entry.getValue()[1];
            long newest = Math.max(modified(dat), modified(opt));
            long age = now - newest;
            if (age < properties.getSettleMs()) {
                continue; // still being copied
            }
            if ((dat != null && opt != null) || age >= properties.getOrphanAfterMs()) {
                ready.add(new DroppedPair(matterKey, entry.getKey(), dat, opt));
            }
        }
        return ready;
    }

    /** Body {@link DroppedPair} → the hub message for {@code hub.in.production}, with both files inside. */
    public void envelope(Exchange exchange) throws IOException {
        Message in = exchange.getIn();
        DroppedPair pair = in.getBody(DroppedPair.class);
        long modifiedAt = Math.max(modified(pair.dat()), modified(pair.opt()));
        DroppedProduction dropped = new DroppedProduction(pair.name(), pair.matterKey(),
                pair.dat() != null ? pair.dat().getFileName().toString() : pair.name() + ".dat",
                pair.opt() != null ? pair.opt().getFileName().toString() : pair.name() + ".opt",
                pair.dat() == null ? null : Files.readAllBytes(pair.dat()),
                pair.opt() == null ? null : Files.readAllBytes(pair.opt()),
                modifiedAt, pair.complete() ? null : clock.millis() - modifiedAt);
        String key = pair.matterKey() == null ? pair.name() : ProductionCanonicalMapper.key(pair.matterKey(), pair.name());

        exchange.setProperty(PAIR, pair);
        exchange.setProperty(VALID, readsCleanly(dropped));
        in.removeHeaders("*");
        in.setHeader(Envelope.ENTITY, ProductionCanonicalMapper.ENTITY);
        in.setHeader(Envelope.KEY, key);
        in.setHeader(Envelope.SOURCE_SYSTEM, ProductionCanonicalMapper.SOURCE_SYSTEM);
        in.setHeader(Envelope.SOURCE_ID, key);
        in.setHeader(Envelope.SOURCE_VERSION, modifiedAt);
        in.setHeader(Envelope.MESSAGE_ID, UUID.randomUUID().toString());
        in.setHeader(Envelope.VIA, "file");
        in.setHeader(Envelope.GROUP, Envelope.group(ProductionCanonicalMapper.ENTITY, key));
        in.setBody(json.writeValueAsString(dropped));
    }

    /** The pair is on the broker: move its files to .done/ or .failed/, beside any earlier drop of the same name. */
    public void moveAway(Exchange exchange) throws IOException {
        DroppedPair pair = exchange.getProperty(PAIR, DroppedPair.class);
        boolean valid = exchange.getProperty(VALID, false, Boolean.class);
        Path target = properties.getDropDir().resolve(valid ? DONE : FAILED).resolve(pair.folder());
        Files.createDirectories(target);
        String suffix = taken(target, pair) ? "." + STAMP.format(clock.instant()) : "";
        for (Path file : new Path[] {pair.dat(), pair.opt()}) {
            if (file != null && Files.exists(file)) {
                Files.move(file, target.resolve(withSuffix(file.getFileName().toString(), suffix)), StandardCopyOption.ATOMIC_MOVE);
            }
        }
        log.info("Production {} from the drop folder queued{}; its files are now in {}", exchange.getIn().getHeader(Envelope.KEY),
                pair.complete() ? "" : " (incomplete)", properties.getDropDir().relativize(target));
    }

    private boolean readsCleanly(DroppedProduction dropped) {
        try {
            intake.read(dropped);
            return true;
        } catch (RuntimeException invalid) {
            return false;
        }
    }

    private static boolean taken(Path target, DroppedPair pair) {
        return (pair.dat() != null && Files.exists(target.resolve(pair.dat().getFileName())))
                || (pair.opt() != null && Files.exists(target.resolve(pair.opt().getFileName())));
    }

    /** "GBX001.dat" + ".20261126T…Z" → "GBX001.20261126T…Z.dat": the pair keeps its common base name. */
    private static String withSuffix(String fileName, String suffix) {
        int dot = fileName.lastIndexOf('.');
        return fileName.substring(0, dot) + suffix + fileName.substring(dot);
    }

    private static long modified(Path file) throws IOException {
        return file == null ? 0 : Files.getLastModifiedTime(file).toMillis();
    }

    private static boolean hidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }
}
