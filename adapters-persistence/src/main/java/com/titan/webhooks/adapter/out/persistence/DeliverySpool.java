package com.titan.webhooks.adapter.out.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.titan.webhooks.application.port.out.NewDelivery;
import com.titan.webhooks.domain.delivery.Envelope;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.delivery.IdempotencyKey;
import com.titan.webhooks.domain.delivery.ProcessingStatus;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.signature.SecretUsed;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A local, append-only, fsync'd file of verified deliveries, for when the store cannot be reached:
 * TitanCard gives up on a delivery after three retries over about 21 minutes, so a long database
 * outage must not turn into 503s. Each write is flushed to disk before it returns (and so before
 * the 2xx). The spool is bounded; when full, deliveries are refused with 503 and the provider
 * retries. Segments are drained oldest first; a segment is deleted only once all of it is stored.
 * A record torn by a crash mid-write was never acknowledged, and is skipped.
 *
 * <p>One process owns a folder at a time (an OS lock on {@code spool.lock}, which dies with the
 * process, kill -9 included): two instances sharing one would number segments alike, and one
 * would drain and delete a segment the other is still appending acknowledged deliveries to.
 */
final class DeliverySpool {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUFFIX = ".spool";
    private static final String SET_ASIDE = "refused-by-store.jsonl";
    private static final String LOCK = "spool.lock";
    /** The folders this process's spools hold (real paths). */
    private static final Set<Path> OWNED_HERE = ConcurrentHashMap.newKeySet();

    private final Path folder;
    private final long maxBytes;
    private final Path owner;
    private final FileChannel lockFile;
    private FileChannel current;
    private Path currentPath;
    private long sequence;

    /** Takes the folder for this process; throws if another process (or another spool here) has it. */
    DeliverySpool(Path folder, long maxBytes) throws IOException {
        this.folder = Files.createDirectories(folder);
        this.maxBytes = maxBytes;
        this.owner = this.folder.toRealPath();
        this.lockFile = owned(this.folder, owner);
        this.sequence = segments().stream().mapToLong(DeliverySpool::number).max().orElse(0);
    }

    /** Appends and fsyncs; throws if the spool is full or cannot be written. */
    synchronized void write(List<NewDelivery> deliveries) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (NewDelivery delivery : deliveries) {
            lines.append(JSON.writeValueAsString(toJson(delivery))).append('\n');
        }
        byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
        if (size() + bytes.length > maxBytes) {
            throw new IOException("the spool is full (" + maxBytes + " bytes)");
        }
        if (current == null) {
            currentPath = folder.resolve(String.format("%012d", ++sequence) + SUFFIX);
            current = FileChannel.open(currentPath, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            current.write(buffer);
        }
        current.force(false);
    }

    private static FileChannel owned(Path folder, Path owner) throws IOException {
        Path lockPath = folder.resolve(LOCK);
        // an OS lock is the process's: a second channel on the file would not be refused it, and closing
        // that channel would drop the first's lock; so this process's own spools are counted here
        if (!OWNED_HERE.add(owner)) {
            throw inUse(folder);
        }
        try {
            FileChannel file = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = file.tryLock();
            } catch (IOException | RuntimeException unlockable) {
                file.close();
                throw unlockable;
            }
            if (lock == null) {
                file.close();
                throw inUse(folder);
            }
            return file;
        } catch (IOException | RuntimeException refused) {
            OWNED_HERE.remove(owner);
            throw refused;
        }
    }

    private static IOException inUse(Path folder) {
        return new IOException("another instance is using it (" + folder.toAbsolutePath().resolve(LOCK)
                + " is locked): give each instance a SPOOL_DIR of its own");
    }

    /** Closes the segment being written and gives the folder up. */
    synchronized void close() throws IOException {
        try {
            if (current != null) {
                current.close();
                current = null;
                currentPath = null;
            }
        } finally {
            lockFile.close();
            OWNED_HERE.remove(owner);
        }
    }

    synchronized boolean isEmpty() throws IOException {
        return segments().isEmpty();
    }

    /**
     * The oldest segment to drain, closed to further writes (new ones start a new segment), or
     * empty when there is nothing to drain.
     */
    synchronized Optional<Path> oldest() throws IOException {
        List<Path> segments = segments();
        if (segments.isEmpty()) {
            return Optional.empty();
        }
        Path oldest = segments.get(0);
        if (oldest.equals(currentPath)) {
            current.close();
            current = null;
            currentPath = null;
        }
        return Optional.of(oldest);
    }

    /** The deliveries of a segment, in the order they were spooled. */
    static List<NewDelivery> read(Path segment) throws IOException {
        List<NewDelivery> deliveries = new ArrayList<>();
        for (String line : Files.readAllLines(segment, StandardCharsets.UTF_8)) {
            try {
                deliveries.add(fromJson(JSON.readTree(line)));
            } catch (IOException | RuntimeException torn) {
                // a record cut short by a crash was never flushed, so never acknowledged
            }
        }
        return deliveries;
    }

    /**
     * Keeps a delivery the store refused, with the reason, in a file that is never drained, for an
     * operator to inspect (its body is the provider's raw bytes, Base64 encoded).
     */
    synchronized void setAside(NewDelivery delivery, String reason) throws IOException {
        ObjectNode record = toJson(delivery).put("refused_because", reason);
        byte[] line = (JSON.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel file = FileChannel.open(setAsideFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            file.write(ByteBuffer.wrap(line));
            file.force(false);
        }
    }

    Path setAsideFile() {
        return folder.resolve(SET_ASIDE);
    }

    /** Deletes a drained segment; under the spool's lock, so that a write never sizes a segment half gone. */
    synchronized void delete(Path segment) throws IOException {
        Files.deleteIfExists(segment);
    }

    private long size() throws IOException {
        long total = 0;
        for (Path segment : segments()) {
            try {
                total += Files.size(segment);
            } catch (NoSuchFileException drained) {
                // deleted since it was listed (by an operator, say): it takes no room
            }
        }
        return total;
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
    }

    private static long number(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
    }

    private static ObjectNode toJson(NewDelivery delivery) {
        ObjectNode node = JSON.createObjectNode()
                .put("id", delivery.id().value())
                .put("source", delivery.source().wireName())
                .put("received_at", delivery.receivedAt().toEpochMilli())
                .put("body", Base64.getEncoder().encodeToString(delivery.body()))
                .put("status", delivery.status().wireName());
        delivery.error().ifPresent(error -> node.put("error", error));
        delivery.secretUsed().ifPresent(used -> node.put("secret_position", used.position())
                .put("secret_fingerprint", used.fingerprint()));
        delivery.envelope().ifPresent(envelope -> node.put("type", envelope.eventType())
                .put("occurred_at", envelope.occurredAt().toEpochMilli())
                .put("key", envelope.idempotencyKey().value()));
        ObjectNode headers = node.putObject("headers");
        delivery.headers().forEach(headers::put);
        return node;
    }

    private static NewDelivery fromJson(JsonNode node) {
        Source source = Source.fromWireName(node.get("source").asText()).orElseThrow();
        Optional<Envelope> envelope = node.has("type")
                ? Optional.of(new Envelope(source, node.get("type").asText(),
                        Instant.ofEpochMilli(node.get("occurred_at").asLong()), new IdempotencyKey(node.get("key").asText())))
                : Optional.empty();
        Map<String, String> headers = new HashMap<>();
        node.get("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        return new NewDelivery(new EventId(node.get("id").asText()), source, envelope,
                Instant.ofEpochMilli(node.get("received_at").asLong()), Base64.getDecoder().decode(node.get("body").asText()),
                headers, ProcessingStatus.fromWireName(node.get("status").asText()).orElseThrow(),
                Optional.ofNullable(node.get("error")).map(JsonNode::asText),
                node.has("secret_position") ? Optional.of(new SecretUsed(node.get("secret_position").asInt(),
                        node.get("secret_fingerprint").asText())) : Optional.empty());
    }
}
