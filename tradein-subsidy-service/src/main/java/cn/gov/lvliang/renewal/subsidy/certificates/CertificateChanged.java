package cn.gov.lvliang.renewal.subsidy.certificates;

/**
 * One scrap certificate recorded, corrected or voided; announced in a {@link CertificatesChanged}
 * inside the consuming transaction, so that claims waiting for it or using it are verified again.
 */
public record CertificateChanged(String certificateNumber, ScrapCertificateRecord.Status status) {}
