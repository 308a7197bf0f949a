package cn.gov.lvliang.renewal.subsidy.messaging;

/**
 * The recycling events that change a scrap certificate of the read model: handled together, a run
 * of a poll at a time, so that the certificates they name are read in one query. {@link Cases}
 * takes each kind typed, without a {@code switch} or {@code instanceof}.
 */
public sealed interface CertificateEvent permits VehicleScrapped, CertificateVoided, CertificateCorrected {

    String certificateNumber();

    <R> R accept(Cases<R> cases);

    /** What to do with each kind. */
    interface Cases<R> {
        R scrapped(VehicleScrapped event);

        R voided(CertificateVoided event);

        R corrected(CertificateCorrected event);
    }
}
