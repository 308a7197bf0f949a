package cn.gov.lvliang.renewal.platform.events;

import cn.gov.lvliang.renewal.platform.jdbc.CopyRows;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Writes outbox rows with PostgreSQL {@code COPY} on the connection of a bulk operation (an import,
 * a re-evaluation across a register), in the same transaction as the rows they announce. Same
 * envelope and table as {@link Outbox}; the relay publishes the rows once committed. One COPY per
 * {@value #FLUSH_EVERY} rows instead of one insert per row: at 100,000 events per import the
 * per-statement cost of a JDBC batch dominated (docs/performance.md).
 */
@ApplicationScoped
public class OutboxBatch {

    private static final String TARGET = "outbox_event (event_id, topic, aggregate_id, type, envelope, created_at)";
    private static final int FLUSH_EVERY = 500;

    private final Envelopes envelopes;
    private final OutboxRelay relay;

    OutboxBatch(Envelopes envelopes, OutboxRelay relay) {
        this.envelopes = envelopes;
        this.relay = relay;
    }

    /** A batch writer on {@code connection}; call {@link Writer#flush()} before committing. */
    public Writer on(Connection connection) throws SQLException {
        return new Writer(connection);
    }

    /** Tells the relay that committed rows are waiting (call after the commit). */
    public void wakeRelay() {
        relay.wakeUp();
    }

    /** Collects rows, sent with one COPY every {@value #FLUSH_EVERY} rows and on {@link #flush()}. */
    public final class Writer implements AutoCloseable {
        private final Connection connection;
        private final CopyRows rows = new CopyRows();

        private Writer(Connection connection) {
            this.connection = connection;
        }

        /** Same arguments as {@link Outbox#publish}. */
        public CloudEvent add(String topic, String aggregateId, String type, Object data) throws SQLException {
            CloudEvent event = envelopes.create(type, aggregateId, data);
            rows.add(event.id())
                    .add(topic)
                    .add(aggregateId)
                    .add(type)
                    .add(envelopes.serialise(event))
                    .add(event.time())
                    .endRow();
            if (rows.size() >= FLUSH_EVERY) {
                flush();
            }
            return event;
        }

        public void flush() throws SQLException {
            rows.copyInto(connection, TARGET);
        }

        /** Rows not flushed are dropped, as a JDBC batch not executed is. */
        @Override
        public void close() throws SQLException {}
    }
}
