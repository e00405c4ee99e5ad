package io.legalhub.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged jar (target/legal-hub-*.jar) started as a process of its own, its output in a log file. The process
 * never outlives the benchmark JVM: a shutdown hook kills it if {@link #stop} was not reached.
 */
class PackagedJar implements AutoCloseable {

    private final String name;
    private final Path log;
    private final Process process;

    PackagedJar(String name, Path log, List<String> javaOptions, List<String> arguments, java.util.Map<String, String> environment)
            throws IOException {
        this.name = name;
        this.log = log;
        Files.createDirectories(log.getParent());
        List<String> command = new java.util.ArrayList<>();
        command.add(javaBinary());
        command.addAll(javaOptions);
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(projectDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // a null value removes a variable the benchmark JVM has (e.g. SPRING_PROFILES_ACTIVE)
        environment.forEach((key, value) -> {
            if (value == null) {
                builder.environment().remove(key);
            } else {
                builder.environment().put(key, value);
            }
        });
        this.process = builder.start();
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly, name + "-kill"));
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** Fails early, with the log's place, when the process has died. */
    void checkAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
        }
    }

    /** CPU time (user + system) the process has used so far. */
    Duration cpu() {
        return ProcessHandle.of(process.pid()).flatMap(h -> h.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    /** Graceful stop (SIGTERM), then a hard kill after 30 s. */
    void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public void close() {
        stop();
    }

    static Path projectDir() {
        return Paths.get("").toAbsolutePath();
    }

    static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(projectDir().resolve("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("legal-hub-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no target/legal-hub-*.jar: run the benchmark with 'mvn -Pbenchmark verify', which packages it first"));
        }
    }

    static String javaBinary() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
