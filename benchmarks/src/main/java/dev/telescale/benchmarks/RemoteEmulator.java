package dev.telescale.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The benchmark side of {@link EmulatorProcess}: starts it with this JVM's java binary and class path, waits for its
 * READY line and exposes what a client needs (base URL, token, chat id). Closing it closes the child's standard input
 * and waits for it to exit.
 */
final class RemoteEmulator implements AutoCloseable {

    private static final long START_TIMEOUT_SECONDS = 60;

    private final Process process;
    private final String root;
    private final String token;
    private final long chatId;

    private RemoteEmulator(Process process, String serverUrl, String token, long chatId) {
        this.process = process;
        this.root = serverUrl.endsWith("/") ? serverUrl.substring(0, serverUrl.length() - 1) : serverUrl;
        this.token = token;
        this.chatId = chatId;
    }

    static RemoteEmulator start() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xms256m", "-Xmx512m", "-XX:+UseParallelGC",
                "-cp", System.getProperty("java.class.path"), EmulatorProcess.class.getName()))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith(EmulatorProcess.READY + " ")) {
                        return line;
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        String line;
        try {
            line = ready.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            line = null;
        }
        if (line == null) {
            process.destroyForcibly();
            throw new IllegalStateException("The emulator process did not report READY within "
                    + START_TIMEOUT_SECONDS + " s (exit: " + (process.isAlive() ? "still running" : process.exitValue())
                    + "); its errors are on this process's stderr");
        }
        String[] parts = line.split(" ");
        return new RemoteEmulator(process, parts[1], parts[2], Long.parseLong(parts[3]));
    }

    /**
     * {@code http://127.0.0.1:PORT}, the counterpart of {@code https://api.telegram.org}: requests go to
     * {@code root() + "/bot" + token + "/" + method}.
     */
    String root() {
        return root;
    }

    String token() {
        return token;
    }

    long chatId() {
        return chatId;
    }

    int port() {
        return URI.create(root).getPort();
    }

    String host() {
        return URI.create(root).getHost();
    }

    /** Closes the child's standard input, its signal to stop, and waits up to 10 s before killing it. */
    @Override
    public void close() throws IOException {
        process.getOutputStream().close();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
