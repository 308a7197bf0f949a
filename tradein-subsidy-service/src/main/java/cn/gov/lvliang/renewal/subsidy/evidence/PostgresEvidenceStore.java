package cn.gov.lvliang.renewal.subsidy.evidence;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The default store: sealed objects in the service's own PostgreSQL database, in chunks of {@link
 * #CHUNK_BYTES} ({@code evidence_object}, {@code evidence_object_chunk}). It needs no server of its
 * own, every replica sees the same objects, and the database backup holds them (decision 0017).
 * Writes commit on a connection of their own, before the document's metadata commits.
 */
public class PostgresEvidenceStore implements EvidenceStore {

    static final int CHUNK_BYTES = 1024 * 1024;

    private final DataSource dataSource;

    public PostgresEvidenceStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public void delete(String sha256) throws IOException {
        // its chunks go with it (on delete cascade)
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("delete from evidence_object where sha256 = ?")) {
            s.setString(1, sha256);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IOException("evidence store (postgres) failed", e);
        }
    }

    @Override
    public boolean contains(String sha256) throws IOException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select 1 from evidence_object where sha256 = ?")) {
            s.setString(1, sha256);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IOException("evidence store (postgres) failed", e);
        }
    }

    @Override
    public void put(String sha256, Path sealed) throws IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement object = c.prepareStatement(
                            "insert into evidence_object (sha256, sealed_bytes) values (?, ?) on conflict do nothing");
                    PreparedStatement chunk = c.prepareStatement(
                            "insert into evidence_object_chunk (sha256, seq, data) values (?, ?, ?)");
                    InputStream in = Files.newInputStream(sealed)) {
                object.setString(1, sha256);
                object.setLong(2, Files.size(sealed));
                if (object.executeUpdate() == 1) {
                    int seq = 0;
                    byte[] data;
                    while ((data = in.readNBytes(CHUNK_BYTES)).length > 0) {
                        chunk.setString(1, sha256);
                        chunk.setInt(2, seq++);
                        chunk.setBytes(3, data);
                        chunk.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IOException("evidence store (postgres) failed", e);
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        if (!contains(sha256)) {
            throw new FileNotFoundException("no evidence object " + sha256);
        }
        return new Chunks(sha256);
    }

    @Override
    public Set<String> addresses() throws IOException {
        Set<String> all = new HashSet<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select sha256 from evidence_object");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                all.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IOException("evidence store (postgres) failed", e);
        }
        return all;
    }

    /** Reads the chunks one query at a time, so that at most one chunk is in memory. */
    private final class Chunks extends ChunkStream {
        private final String sha256;
        private int nextSeq;

        Chunks(String sha256) {
            this.sha256 = sha256;
        }

        @Override
        protected byte[] nextChunk() throws IOException {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement s =
                            c.prepareStatement("select data from evidence_object_chunk where sha256 = ? and seq = ?")) {
                s.setString(1, sha256);
                s.setInt(2, nextSeq++);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? rs.getBytes(1) : null;
                }
            } catch (SQLException e) {
                throw new IOException("evidence store (postgres) failed", e);
            }
        }
    }
}
