package cn.gov.lvliang.renewal.recycling.messaging;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Data of {@code cn.gov.lvliang.recycling.enterprise.qualification-changed.v1}: an enterprise was
 * registered or its qualification changed. Public business data only; no contact details.
 */
public record QualificationChanged(
        String creditCode,
        String name,
        String type,
        String county,
        String licenceNumber,
        String licenceScope,
        LocalDate validFrom,
        LocalDate validTo,
        String status,
        String licenceStatus,
        String reason,
        Instant changedAt) {}
