package com.titan.webhooks.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.titan.webhooks.application.port.out.NewDelivery;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.delivery.ProcessingStatus;
import com.titan.webhooks.domain.delivery.Source;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spool takes deliveries while the store is away and hands them back in order. What the
 * service relies on: a write never fails because a drain is deleting a segment at the same
 * moment (a 503 for a delivery the spool could have kept), and one folder has one owner.
 */
class DeliverySpoolTest {

    @Test
    void writesWhileSegmentsDrain_allSucceed_andEveryDeliveryIsHandedBackOnce(@TempDir Path folder) throws Exception {
        DeliverySpool spool = new DeliverySpool(folder, 1L << 30);
        int writes = 3_000;
        List<String> written = new ArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        // as GroupCommittingInbox does: one thread writes, the drainer reads and deletes the oldest segment
        CompletableFuture<List<String>> drained = CompletableFuture.supplyAsync(() -> {
            List<String> ids = new ArrayList<>();
            try {
                while (writing.get() || !spool.isEmpty()) {
                    Optional<Path> oldest = spool.oldest();
                    if (oldest.isPresent()) {
                        DeliverySpool.read(oldest.get()).forEach(delivery -> ids.add(delivery.id().value()));
                        spool.delete(oldest.get());
                    }
                }
            } catch (IOException failed) {
                throw new IllegalStateException(failed);
            }
            return ids;
        });
        try {
            for (int i = 0; i < writes; i++) {
                NewDelivery delivery = delivery();
                spool.write(List.of(delivery));
                written.add(delivery.id().value());
            }
        } finally {
            writing.set(false);
        }
        List<String> handedBack = drained.get(60, TimeUnit.SECONDS);
        assertEquals(writes, handedBack.size(), "each delivery handed back once");
        assertEquals(new HashSet<>(written), Set.copyOf(handedBack));
        assertTrue(spool.isEmpty());
        spool.close();
    }

    @Test
    void aFolderHasOneOwner_untilItIsClosed(@TempDir Path folder) throws Exception {
        DeliverySpool first = new DeliverySpool(folder, 1L << 20);
        assertEquals("refused", otherProcessTries(folder), "another process (another instance) is refused the folder");
        IOException refused = assertThrows(IOException.class, () -> new DeliverySpool(folder, 1L << 20));
        assertTrue(refused.getMessage().contains("SPOOL_DIR"), refused.getMessage());
        // refused in this process without touching the lock: closing a second channel on the file would drop it
        assertEquals("refused", otherProcessTries(folder), "a refusal in this process released the first's lock");
        first.write(List.of(delivery()));
        first.close();
        assertEquals("taken", otherProcessTries(folder), "given up on close");
        DeliverySpool next = new DeliverySpool(folder, 1L << 20);
        assertEquals(1, DeliverySpool.read(next.oldest().orElseThrow()).size(), "the next owner finds what was spooled");
        next.close();
    }

    /** Another JVM tries to lock the folder's lock file: "taken" if it could, "refused" if not. */
    private static String otherProcessTries(Path folder) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OtherProcess.class.getName(),
                folder.resolve("spool.lock").toString()).redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the other process did not finish");
        }
        return switch (process.exitValue()) {
            case OtherProcess.TAKEN -> "taken";
            case OtherProcess.REFUSED -> "refused";
            default -> throw new AssertionError("the other process failed: "
                    + new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        };
    }

    /** Runs in a JVM of its own, as a second instance would. */
    public static final class OtherProcess {

        /** Its exit status: it got the lock, or another process holds it (a failure exits 1). */
        static final int TAKEN = 0;
        static final int REFUSED = 3;

        public static void main(String[] args) throws IOException {
            int status;
            try (FileChannel file = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                status = file.tryLock() == null ? REFUSED : TAKEN;
            }
            System.exit(status);
        }
    }

    private static NewDelivery delivery() {
        return new NewDelivery(new EventId(UUID.randomUUID().toString()), Source.TITANCARD, Optional.empty(),
                Instant.now(), "{}".getBytes(StandardCharsets.UTF_8), Map.of(), ProcessingStatus.MALFORMED,
                Optional.of("test"), Optional.empty());
    }
}
