package cn.gov.lvliang.renewal.recycling.messaging;

import java.time.Instant;

/** Data of {@code cn.gov.lvliang.recycling.certificate.voided.v1}. */
public record CertificateVoided(String certificateNumber, String reason, Instant voidedAt) {}
