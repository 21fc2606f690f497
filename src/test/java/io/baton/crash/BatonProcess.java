package io.baton.crash;

import io.baton.e2e.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Baton as its own operating-system process: {@code java -jar target/baton.jar} with the
 * local-sandbox profile and the given options, its output appended to one log file. It can be
 * killed with SIGKILL ({@link Process#destroyForcibly()} on Linux), the way a crashed host or an
 * OOM killer ends it: no shutdown hook, no graceful stop, no last commit.
 */
final class BatonProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final String adminAuthorization;

    private BatonProcess(Process process, int port, String adminAuthorization) {
        this.process = process;
        this.port = port;
        this.adminAuthorization = adminAuthorization;
    }

    /** Starts {@code jar} from {@code workingDirectory} (which holds config/) with {@code options} as --key=value. */
    static BatonProcess start(Path jar, Path workingDirectory, Path log, Map<String, Object> options,
                              String adminUser, String adminPassword) {
        int port = FreePorts.next();
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-jar", jar.toString(),
                "--spring.profiles.active=local-sandbox", "--server.port=" + port));
        options.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            String basic = Base64.getEncoder().encodeToString((adminUser + ":" + adminPassword).getBytes(StandardCharsets.UTF_8));
            return new BatonProcess(process, port, "Basic " + basic);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** True once the web server answers /actuator/health (whatever the health itself says). */
    boolean listening() {
        return get("/actuator/health", false).isPresent();
    }

    /** The body of GET /api/status, when the admin API answers 200. */
    Optional<String> status() {
        return get("/api/status", true);
    }

    /** SIGKILL, then wait for the process to be gone; returns its exit code (137 for a kill). */
    int killNine() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Baton (pid " + process.pid() + ") survived SIGKILL for 30 s");
        }
        return process.exitValue();
    }

    /** SIGTERM: Spring and Camel shut down gracefully, finishing what is in flight. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            return killNine();
        }
        return process.exitValue();
    }

    private Optional<String> get(String path, boolean admin) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).GET();
        if (admin) {
            request.header("Authorization", adminAuthorization);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return admin && response.statusCode() != 200 ? Optional.empty() : Optional.of(response.body());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
