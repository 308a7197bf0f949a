package cn.gov.lvliang.renewal.equipment.imports;

import static cn.gov.lvliang.renewal.platform.time.SqlValues.instant;

import cn.gov.lvliang.renewal.platform.paging.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The imports a caller ran (导入记录), newest first: what came in, and what became of it. */
@ApplicationScoped
public class ImportHistory {

    /** One import in the list; its row errors are in its report. */
    @Schema(name = "ImportSummary", description = "导入记录 / an import in the list")
    public record ImportSummary(
            UUID id,
            @Schema(example = "retirement") String list,
            @Schema(example = "XLSX") String format,
            @Schema(example = "ACCEPT_VALID") String mode,
            @Schema(example = "淘汰清单-孝义市.xlsx") String fileName,
            @Schema(example = "COMPLETED") String status,
            int totalRows,
            int accepted,
            int rejected,

            @Schema(description = "谁导入的 / who ran it", example = "dev-county-officer-141181")
            String createdBy,

            Instant createdAt,
            Instant finishedAt,

            @Schema(example = "/api/equipment/imports/6c1c…/report")
            String reportUrl) {}

    private final EntityManager em;

    public ImportHistory(EntityManager em) {
        this.em = em;
    }

    /**
     * One page of imports, newest first: the caller's own, or everyone's for a city-wide role.
     *
     * @param list a list kind's slug to keep, or null for all
     * @param status COMPLETED, REJECTED or RUNNING to keep, or null for all
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ImportSummary> page(String actor, boolean cityWide, String list, String status, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (!cityWide) {
            where.append(" and created_by = :actor");
        }
        if (list != null) {
            where.append(" and list_kind = :list");
        }
        if (status != null) {
            where.append(" and status = :status");
        }
        Query rows = em.createNativeQuery("select id, list_kind, format, mode, file_name, status, total_rows, accepted,"
                + " rejected, created_by, created_at, finished_at from import_batch" + where
                + " order by created_at desc, id limit :limit offset :offset");
        Query count = em.createNativeQuery("select count(*) from import_batch" + where);
        for (Query q : List.of(rows, count)) {
            if (!cityWide) {
                q.setParameter("actor", actor);
            }
            if (list != null) {
                q.setParameter("list", list);
            }
            if (status != null) {
                q.setParameter("status", status);
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> found = rows.setParameter("limit", size)
                .setParameter("offset", (long) page * size)
                .getResultList();
        List<ImportSummary> items = found.stream()
                .map(r -> {
                    UUID id = (UUID) r[0];
                    return new ImportSummary(
                            id,
                            (String) r[1],
                            (String) r[2],
                            (String) r[3],
                            (String) r[4],
                            (String) r[5],
                            ((Number) r[6]).intValue(),
                            ((Number) r[7]).intValue(),
                            ((Number) r[8]).intValue(),
                            (String) r[9],
                            instant(r[10]),
                            instant(r[11]),
                            "/api/equipment/imports/" + id + "/report");
                })
                .toList();
        return new Page<>(items, ((Number) count.getSingleResult()).longValue(), page, size);
    }
}
