package cn.gov.lvliang.renewal.subsidy.evidence;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;

/** Picks the evidence store that {@code suite.evidence.store} names. */
@ApplicationScoped
public class EvidenceStores {

    @Produces
    @ApplicationScoped
    @DefaultBean
    EvidenceStore store(EvidenceConfig config, DataSource dataSource) {
        return switch (config.store()) {
            case "postgres" -> new PostgresEvidenceStore(dataSource);
            case "s3" -> new S3EvidenceStore(config.s3());
            default ->
                throw new IllegalStateException(
                        "suite.evidence.store must be postgres or s3, not '" + config.store() + "'");
        };
    }

    void close(@Disposes EvidenceStore store) throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
