package cn.gov.lvliang.renewal.tasks.statistics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the bureau's stream back from {@code statistics_event} (补数: backfill). */
@ApplicationScoped
public class StatisticsHistory {

    private final EntityManager em;
    private final ObjectMapper json;

    public StatisticsHistory(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** A page of events and the cursor to continue from. */
    public record Page(List<JsonNode> items, String nextCursor, boolean more) {}

    /**
     * Events after {@code afterSeq}, in stream order, optionally of one type and with {@code time}
     * in [{@code from}, {@code to}).
     */
    @Transactional
    public Page page(long afterSeq, String type, Instant from, Instant to, int size) {
        StringBuilder sql =
                new StringBuilder("select seq, cast(envelope as text) from statistics_event where seq > :after");
        if (type != null) {
            sql.append(" and type = :type");
        }
        if (from != null) {
            sql.append(" and time >= :from");
        }
        if (to != null) {
            sql.append(" and time < :to");
        }
        sql.append(" order by seq limit :limit");
        Query query = em.createNativeQuery(sql.toString())
                .setParameter("after", afterSeq)
                .setParameter("limit", size + 1);
        if (type != null) {
            query.setParameter("type", type);
        }
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        List<?> rows = query.getResultList();
        List<JsonNode> items = new ArrayList<>();
        long last = afterSeq;
        for (int i = 0; i < Math.min(size, rows.size()); i++) {
            Object[] r = (Object[]) rows.get(i);
            last = ((Number) r[0]).longValue();
            try {
                items.add(json.readTree((String) r[1]));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable history envelope", e);
            }
        }
        return new Page(items, BackfillCursor.encode(last), rows.size() > size);
    }
}
