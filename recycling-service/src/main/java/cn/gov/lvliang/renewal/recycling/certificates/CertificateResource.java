package cn.gov.lvliang.renewal.recycling.certificates;

import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;

/**
 * What the scrap-certificate and the farm-machinery-certificate resources share, written once
 * (decision 0045): the reads that answer 404 outside the caller's scope, the correction and the
 * voiding, and the texts both documents give them. Each subclass still declares its own operations
 * (their ids, summaries and schemas name the kind in the OpenAPI document, and an inherited resource
 * method would lose its roles there, quarkusio/quarkus#54312), each a line that calls these.
 *
 * @param <V> the certificate's view
 * @param <H> the view of one of its versions
 * @param <C> the correction request
 */
abstract class CertificateResource<V, H, C> {

    static final String VERSIONS = "Every version, oldest first: version 1 as issued, then one per correction with"
            + " its reason. Versions are never overwritten. Owner masked.";
    static final String CORRECTION = "The issuing dismantler (still qualified) sends the whole corrected content, a"
            + " reason and the version it corrects. The result is a new version; earlier versions stay unchanged.";
    static final String VOIDING =
            "Needs a reason. A voided certificate can no longer back a subsidy claim and never" + " changes again.";
    static final String CORRECTED = "Corrected: the new current version";
    static final String NOT_THE_CALLERS = "Unknown, or not the caller's certificate";
    static final String NOT_CURRENT = "Voided, or the version corrected is not the current one";
    static final String VOIDED_ALREADY = "Voided already";

    private final CertificateBook<V, H, C> book;
    final Caller caller;
    private final String resource;

    /**
     * @param resource the problem message key naming the kind in a 404, such as {@code
     *     resource.scrap-certificate}
     */
    CertificateResource(CertificateBook<V, H, C> book, Caller caller, String resource) {
        this.book = book;
        this.caller = caller;
        this.resource = resource;
    }

    V read(String number) {
        return book.find(number, caller).orElseThrow(() -> Problems.notFound(resource, number));
    }

    List<H> history(String number) {
        return book.versions(number, caller).orElseThrow(() -> Problems.notFound(resource, number));
    }

    V correction(String number, C request) {
        return book.correct(number, request, caller);
    }

    V voiding(String number, VoidScrapCertificate request) {
        return book.voidCertificate(number, request, caller);
    }

    /**
     * 201 with the issued certificate, located under {@code resource}'s path (named, not taken from
     * {@code getClass()}: the bean may be a generated subclass without the {@code @Path}).
     */
    static Response created(Class<?> resource, String number, Object issued) {
        return Response.created(UriBuilder.fromResource(resource).path(number).build())
                .entity(issued)
                .build();
    }
}
