package cn.gov.lvliang.renewal.subsidy.certificates;

/**
 * Fired synchronously, inside the consuming transaction, when a scrap certificate is recorded,
 * corrected or voided, so that claims waiting for it or using it are verified again.
 */
public record CertificateChanged(String certificateNumber, ScrapCertificateRecord.Status status) {}
