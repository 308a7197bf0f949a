package cn.gov.lvliang.renewal.platform.jdbc;

import cn.gov.lvliang.renewal.platform.problem.ProblemException;
import cn.gov.lvliang.renewal.platform.problem.ProblemMappers;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A write based on a stale {@code @Version} gets 409 problem+json: someone else changed the record
 * in between. Lives here, beside the persistence dependencies, rather than in platform-core.
 */
public class StaleVersionMapper {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper({OptimisticLockException.class, org.hibernate.StaleStateException.class})
    public Response stale(RuntimeException e, ContainerRequestContext request) {
        return problems.problem(new ProblemException(409, "stale-version", "detail.stale-version", List.of()), request);
    }
}
