package cn.gov.lvliang.renewal.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;

/**
 * Writes outbox rows through a JDBC batch on the connection of a bulk operation (an import, a
 * re-evaluation across a register), in the same transaction as the rows they announce. Same
 * envelope and table as {@link Outbox}; the relay publishes the rows once committed.
 */
@ApplicationScoped
public class OutboxBatch {

    private static final String INSERT = "insert into outbox_event (event_id, topic, aggregate_id, type, envelope,"
            + " created_at) values (cast(? as uuid), ?, ?, ?, cast(? as jsonb), ?)";
    private static final int FLUSH_EVERY = 500;

    private final Envelopes envelopes;
    private final OutboxRelay relay;

    OutboxBatch(Envelopes envelopes, OutboxRelay relay) {
        this.envelopes = envelopes;
        this.relay = relay;
    }

    /** A batch writer on {@code connection}; call {@link Writer#flush()} before committing. */
    public Writer on(Connection connection) throws SQLException {
        return new Writer(connection.prepareStatement(INSERT));
    }

    /** Tells the relay that committed rows are waiting (call after the commit). */
    public void wakeRelay() {
        relay.wakeUp();
    }

    /** Adds rows to one JDBC batch, sent every {@value #FLUSH_EVERY} rows and on {@link #flush()}. */
    public final class Writer implements AutoCloseable {
        private final PreparedStatement insert;
        private int pending;

        private Writer(PreparedStatement insert) {
            this.insert = insert;
        }

        /** Same arguments as {@link Outbox#publish}. */
        public CloudEvent add(String topic, String aggregateId, String type, Object data) throws SQLException {
            CloudEvent event = envelopes.create(type, aggregateId, data);
            insert.setString(1, event.id());
            insert.setString(2, topic);
            insert.setString(3, aggregateId);
            insert.setString(4, type);
            insert.setString(5, envelopes.serialise(event));
            insert.setTimestamp(6, Timestamp.from(event.time()));
            insert.addBatch();
            if (++pending >= FLUSH_EVERY) {
                flush();
            }
            return event;
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
