package cn.gov.lvliang.renewal.equipment;

import cn.gov.lvliang.renewal.platform.events.CloudEvent;
import cn.gov.lvliang.renewal.platform.events.EventsConfig;
import cn.gov.lvliang.renewal.platform.events.OutboxRelay;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Writes outbox rows through a JDBC batch on the connection of a bulk operation (imports,
 * re-evaluation across the register), in the same transaction as the rows they announce. The
 * envelope is the one {@link cn.gov.lvliang.renewal.platform.events.Outbox} writes; the platform
 * relay publishes the rows.
 */
@ApplicationScoped
public class OutboxBatch {

    private static final String INSERT = "insert into outbox_event (event_id, topic, aggregate_id, type, envelope,"
            + " created_at) values (cast(? as uuid), ?, ?, ?, cast(? as jsonb), ?)";

    private final ObjectMapper json;
    private final EventsConfig config;
    private final OutboxRelay relay;
    private final Clock clock;

    public OutboxBatch(ObjectMapper json, EventsConfig config, OutboxRelay relay, Clock clock) {
        this.json = json;
        this.config = config;
        this.relay = relay;
        this.clock = clock;
    }

    /** A batch writer on {@code connection}; call {@link Writer#flush()} before committing. */
    public Writer on(Connection connection) throws SQLException {
        return new Writer(connection.prepareStatement(INSERT));
    }

    /** Tells the relay that committed rows are waiting. */
    public void wakeRelay() {
        relay.wakeUp();
    }

    public final class Writer implements AutoCloseable {
        private final PreparedStatement insert;
        private int pending;

        private Writer(PreparedStatement insert) {
            this.insert = insert;
        }

        public void add(String topic, String aggregateId, String type, Object data) throws SQLException {
            CloudEvent event = new CloudEvent(
                    CloudEvent.SPEC_VERSION,
                    UUID.randomUUID().toString(),
                    config.source(),
                    type,
                    aggregateId,
                    Instant.now(clock).truncatedTo(ChronoUnit.MICROS),
                    "application/json",
                    null,
                    json.valueToTree(data));
            String envelope;
            try {
                envelope = json.writeValueAsString(event);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("event data cannot be serialised: " + type, e);
            }
            insert.setString(1, event.id());
            insert.setString(2, topic);
            insert.setString(3, aggregateId);
            insert.setString(4, type);
            insert.setString(5, envelope);
            insert.setTimestamp(6, Timestamp.from(event.time()));
            insert.addBatch();
            if (++pending >= 500) {
                flush();
            }
        }

        public void flush() throws SQLException {
            if (pending > 0) {
                insert.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            insert.close();
        }
    }
}
