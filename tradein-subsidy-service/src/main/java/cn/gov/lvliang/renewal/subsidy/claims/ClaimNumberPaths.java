package cn.gov.lvliang.renewal.subsidy.claims;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Accepts the claim number ({@code LL-141124-2026-000123}) wherever a claim id is accepted in a
 * path: {@code /api/subsidies/claims/{claim number}/...} is answered as {@code
 * /api/subsidies/claims/{id}/...}. An unknown number becomes an id that no claim has, so it gets
 * the same 404 as an unknown id; scope checks are the resource's, unchanged. Paths with an id are
 * left alone without a lookup.
 */
@ApplicationScoped
public class ClaimNumberPaths {

    /** A claim number: LL-, the county code, the year, the sequence. */
    public static final Pattern CLAIM_NUMBER = Pattern.compile("LL-[0-9]{6}-[0-9]{4}-[0-9]{6,9}");

    private static final Pattern PATH =
            Pattern.compile("^(/api/subsidies/claims/)(" + CLAIM_NUMBER.pattern() + ")(/.*)?$");
    /** No claim has this id: an unknown number answers 404 like an unknown id. */
    private static final UUID NO_CLAIM = new UUID(0, 0);

    private final DataSource dataSource;

    public ClaimNumberPaths(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @ServerRequestFilter(preMatching = true)
    public Uni<Void> resolve(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        Matcher matcher = PATH.matcher(uri.getRawPath());
        if (!matcher.matches()) {
            return Uni.createFrom().voidItem();
        }
        String number = matcher.group(2);
        String rest = matcher.group(3) == null ? "" : matcher.group(3);
        // the lookup blocks: off the event loop
        return Uni.createFrom()
                .item(() -> idOf(number))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .invoke(id -> request.setRequestUri(rewritten(uri, matcher.group(1) + id + rest)))
                .replaceWithVoid();
    }

    private static URI rewritten(URI uri, String path) {
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return uri.resolve(path + query);
    }

    /** The id of the claim with this number, or an id no claim has. */
    public UUID idOf(String claimNumber) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select id from claim where claim_number = ?")) {
            select.setString(1, claimNumber);
            try (ResultSet found = select.executeQuery()) {
                return found.next() ? found.getObject(1, UUID.class) : NO_CLAIM;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("claim number lookup failed", e);
        }
    }
}
