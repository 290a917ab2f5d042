package com.titan.webhooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Quick start, run as a newcomer would: its bash block, taken from README.md as it
 * stands (so the two cannot drift apart), run verbatim by bash in a copy of the repository that
 * holds exactly what a clone would (the files git tracks or would track), on a free port.
 */
class QuickStartIT {

    private static final Path REPOSITORY = Path.of(System.getProperty("user.dir")).getParent();

    @Test
    void readmeQuickStart_runsAsWritten_onAFreshCopy(@TempDir Path clone) throws Exception {
        String block = ReadmeBlocks.bashBlockAfter(REPOSITORY.resolve("README.md"), "## Quick start");
        copyAsCloned(clone);
        // around the block, never inside it: stop on the first failure, and leave no service running
        Files.writeString(clone.resolve("quickstart.sh"), "set -euo pipefail\n"
                + "trap 'kill $(jobs -p) 2>/dev/null || true' EXIT\n" + block, StandardCharsets.UTF_8);
        ProcessBuilder bash = new ProcessBuilder("bash", "quickstart.sh").directory(clone.toFile())
                .redirectErrorStream(true).redirectOutput(clone.resolve("quickstart.out").toFile());
        bash.environment().put("HTTP_PORT", String.valueOf(freePort()));
        bash.environment().remove("CI");
        Process run = bash.start();
        try {
            boolean finished = run.waitFor(8, TimeUnit.MINUTES);
            String output = Files.readString(clone.resolve("quickstart.out"));
            assertTrue(finished, "the Quick start did not finish:\n" + output);
            assertEquals(0, run.exitValue(), output);
            assertTrue(output.contains("202 {\"status\":\"accepted\",\"event_id\":\""), output);
            assertTrue(output.contains("{\"id\":\"j57xyz789ghi\",\"first_name\":\"Jane\""), output);
            assertTrue(output.contains("\"tags\":[\"conference\",\"product\"]"), output);
        } finally {
            run.descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly();
        }
    }

    /** The files a clone of this repository would hold, copied from the working tree. */
    private static void copyAsCloned(Path clone) throws IOException, InterruptedException {
        Process list = new ProcessBuilder("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
                .directory(REPOSITORY.toFile()).redirectErrorStream(false).start();
        byte[] names = list.getInputStream().readAllBytes();
        assertEquals(0, list.waitFor(), "git ls-files failed");
        for (String name : new String(names, StandardCharsets.UTF_8).split("\0")) {
            Path source = REPOSITORY.resolve(name);
            if (name.isEmpty() || !Files.isRegularFile(source)) {
                continue; // deleted in the working tree but not yet in git
            }
            Path target = clone.resolve(name);
            Files.createDirectories(target.getParent());
            Files.copy(source, target);
            if (Files.isExecutable(source)) {
                target.toFile().setExecutable(true);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
