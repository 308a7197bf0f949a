package cn.gov.lvliang.renewal.recycling.certificates;

import cn.gov.lvliang.renewal.platform.security.Caller;
import java.util.List;
import java.util.Optional;

/**
 * What both kinds of certificate answer alike, within the caller's scope: a certificate, its
 * versions, a correction and a voiding ({@link CertificateResource}).
 *
 * @param <V> the certificate's view
 * @param <H> the view of one of its versions
 * @param <C> the correction request
 */
interface CertificateBook<V, H, C> {

    /** The current version, when the certificate exists and the caller may read it. */
    Optional<V> find(String number, Caller caller);

    /** Every version, oldest first, when the certificate exists and the caller may read it. */
    Optional<List<H>> versions(String number, Caller caller);

    /** A new version with the corrected content, by the issuing dismantler. */
    V correct(String number, C request, Caller caller);

    /** Voids the certificate for good. */
    V voidCertificate(String number, VoidScrapCertificate request, Caller caller);
}
