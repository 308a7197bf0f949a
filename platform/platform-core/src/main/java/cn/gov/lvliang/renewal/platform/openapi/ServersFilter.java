package cn.gov.lvliang.renewal.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The document's {@code servers} entry: the gateway, the suite's single entry point, whose URL
 * each environment sets at run time with {@code suite.openapi.server-url}
 * ({@code SUITE_OPENAPI_SERVER_URL}); locally and in the committed documents it is the default
 * gateway port. Generated clients take it as their base URL (decision 0026).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ServersFilter implements OASFilter {

    static final String PROPERTY = "suite.openapi.server-url";
    static final String LOCAL_GATEWAY = "http://localhost:8080";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        String url = ConfigProvider.getConfig()
                .getOptionalValue(PROPERTY, String.class)
                .orElse(LOCAL_GATEWAY);
        openAPI.setServers(List.of(OASFactory.createServer().url(url).description("the gateway · API 网关")));
    }
}
