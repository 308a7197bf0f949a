package cn.gov.lvliang.renewal.equipment.campaigns;

import cn.gov.lvliang.renewal.equipment.register.Category;
import cn.gov.lvliang.renewal.platform.paging.Page;
import cn.gov.lvliang.renewal.platform.time.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The list of survey campaigns (摸排任务列表), newest first, with how far the counties are. */
@ApplicationScoped
public class CampaignList {

    /** A campaign in the list: the counts of the 13 counties per state stand in for its detail. */
    @Schema(name = "CampaignSummary", description = "摸排任务概要 / a campaign in the list, with county counts")
    public record CampaignSummary(
            long id,
            String title,
            String sector,
            Category category,
            LocalDate deadline,
            boolean overdue,

            @Schema(description = "已报送或已通过的县 / counties that submitted (or were accepted)", example = "9")
            int countiesSubmitted,

            @Schema(description = "已通过的县 / counties accepted by the city", example = "4")
            int countiesAccepted,

            @Schema(description = "县数 / counties asked", example = "13")
            int counties) {}

    private final EntityManager em;
    private final Clock clock;

    public CampaignList(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /**
     * One page of campaigns, newest first.
     *
     * @param open true for campaigns whose deadline has not passed, false for those past it, null
     *     for all
     */
    public Page<CampaignSummary> page(Boolean open, int page, int size) {
        LocalDate today = LocalDate.now(clock);
        String where = open == null ? "" : open ? " where c.deadline >= :today" : " where c.deadline < :today";
        var count = em.createNativeQuery("select count(*) from survey_campaign c" + where);
        @SuppressWarnings("unchecked")
        var rows = (List<Object[]>) bind(
                        em.createNativeQuery("select c.id, c.title, c.sector_code, c.category, c.deadline,"
                                + " count(*) filter (where s.state in ('SUBMITTED', 'ACCEPTED')),"
                                + " count(*) filter (where s.state = 'ACCEPTED'), count(s.county)"
                                + " from survey_campaign c left join survey_submission s on s.campaign_id = c.id"
                                + where
                                + " group by c.id order by c.id desc limit :limit offset :offset"),
                        open,
                        today)
                .setParameter("limit", size)
                .setParameter("offset", (long) page * size)
                .getResultList();
        long total = ((Number) bind(count, open, today).getSingleResult()).longValue();
        List<CampaignSummary> items = rows.stream()
                .map(r -> {
                    LocalDate deadline = SqlValues.localDate(r[4]);
                    return new CampaignSummary(
                            ((Number) r[0]).longValue(),
                            (String) r[1],
                            (String) r[2],
                            r[3] == null ? null : Category.valueOf((String) r[3]),
                            deadline,
                            today.isAfter(deadline),
                            ((Number) r[5]).intValue(),
                            ((Number) r[6]).intValue(),
                            ((Number) r[7]).intValue());
                })
                .toList();
        return new Page<>(items, total, page, size);
    }

    private static jakarta.persistence.Query bind(jakarta.persistence.Query query, Boolean open, LocalDate today) {
        return open == null ? query : query.setParameter("today", today);
    }
}
