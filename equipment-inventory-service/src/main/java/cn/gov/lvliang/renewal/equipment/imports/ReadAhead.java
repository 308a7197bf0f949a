package cn.gov.lvliang.renewal.equipment.imports;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.LocalDate;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads and parses a file's data rows in a second thread, at most {@code capacity} rows ahead of
 * the import that validates and writes them: reading and parsing the next batch overlaps the
 * database's work on the previous one. Rows come out in file order, blank rows left out; what the
 * reader or the parser throws comes out of {@link #next()} at the row where it happened.
 */
final class ReadAhead implements AutoCloseable {

    /** A data row and its parsed cells. */
    record Row(int number, RowParser.Parsed parsed) {}

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue;
    private final Thread thread;
    private volatile boolean stopped;
    private boolean ended;

    ReadAhead(TabularReader reader, RowParser parser, LocalDate today, int capacity, String threadName) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(() -> read(reader, parser, today), threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private void read(TabularReader reader, RowParser parser, LocalDate today) {
        Object last = END;
        try {
            TabularReader.SourceRow row;
            while (!stopped && (row = reader.next()) != null) {
                if (!row.blank()) {
                    queue.put(new Row(row.number(), parser.parse(row, today)));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (IOException | RuntimeException | Error e) {
            last = e;
        }
        try {
            queue.put(last);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next data row, or {@code null} after the last one. */
    Row next() throws IOException {
        if (ended) {
            return null;
        }
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("import interrupted while reading the file");
        }
        if (item instanceof Row row) {
            return row;
        }
        ended = true;
        if (item instanceof IOException e) {
            throw e;
        }
        if (item instanceof RuntimeException e) {
            throw e;
        }
        if (item instanceof Error e) {
            throw e;
        }
        return null;
    }

    /** Stops the reading thread and waits for it, so that the file can be closed after. */
    @Override
    public void close() {
        stopped = true;
        boolean interrupted = false;
        while (thread.isAlive()) {
            queue.clear(); // a reader waiting for room gets it, sees the stop and ends
            try {
                thread.join(50);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
