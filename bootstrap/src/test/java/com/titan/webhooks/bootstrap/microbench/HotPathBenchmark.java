package com.titan.webhooks.bootstrap.microbench;

import com.titan.webhooks.adapter.out.decoding.JacksonEventDecoder;
import com.titan.webhooks.bootstrap.Samples;
import com.titan.webhooks.domain.TestEvents;
import com.titan.webhooks.domain.card.Card;
import com.titan.webhooks.domain.card.CardEvent;
import com.titan.webhooks.domain.card.CardId;
import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.connection.ConnectionEvent;
import com.titan.webhooks.domain.connection.ConnectionId;
import com.titan.webhooks.domain.delivery.Envelope;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.delivery.IdempotencyKey;
import com.titan.webhooks.domain.delivery.ProcessingStatus;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.delivery.StoredEvent;
import com.titan.webhooks.domain.event.ProviderEvent;
import com.titan.webhooks.domain.signature.SecretUsed;
import com.titan.webhooks.domain.signature.SigningSecret;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The pure functions every delivery goes through, measured alone: signature verification (with
 * two active secrets, as during a rotation), envelope and event decoding of TitanCard's own
 * example, and applying events to aggregates. Run with {@code bench/micro.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HotPathBenchmark {

    private final JacksonEventDecoder decoder = new JacksonEventDecoder();
    private byte[] body;
    private String signature;
    private List<SigningSecret> secrets;
    private StoredEvent stored;
    private ConnectionEvent created;
    private ConnectionEvent statusChanged;
    private CardEvent viewed;

    @Setup
    public void setUp() {
        body = Samples.body("connection.created");
        SigningSecret current = new SigningSecret("whsec_current_secret");
        secrets = List.of(new SigningSecret("whsec_previous_secret"), current);
        signature = Source.TITANCARD.signaturePolicy().sign(body, current);
        stored = new StoredEvent(new EventId("e1"), Source.TITANCARD, Optional.of("connection.created"),
                Optional.of(IdempotencyKey.ofTitanCardBody(body)), Optional.of(Instant.ofEpochMilli(1_705_420_800_000L)),
                Instant.now(), body, Map.of(), ProcessingStatus.RECEIVED, 0, Optional.empty(), Optional.empty());
        created = (ConnectionEvent) decoder.decodeEvent(stored);
        statusChanged = TestEvents.statusChanged("j57xyz789ghi", TestEvents.stamp(1_705_420_900_000L), "qualified");
        viewed = TestEvents.cardViewed("k57abc123def", TestEvents.stamp(1_705_420_900_000L), 142);
    }

    @Benchmark
    public Optional<SecretUsed> verifyTitanCardSignature() {
        return Source.TITANCARD.signaturePolicy().secretUsed(body, signature, secrets);
    }

    @Benchmark
    public Envelope decodeEnvelope() {
        return decoder.decodeEnvelope(Source.TITANCARD, body);
    }

    @Benchmark
    public ProviderEvent decodeEvent() {
        return decoder.decodeEvent(stored);
    }

    @Benchmark
    public Connection applyCreatedThenStatusChange() {
        Connection connection = Connection.unseen(new ConnectionId("j57xyz789ghi"));
        connection.apply(created);
        connection.apply(statusChanged);
        return connection;
    }

    @Benchmark
    public Card applyCardView() {
        Card card = Card.unseen(new CardId("k57abc123def"));
        card.apply(viewed);
        return card;
    }

}
