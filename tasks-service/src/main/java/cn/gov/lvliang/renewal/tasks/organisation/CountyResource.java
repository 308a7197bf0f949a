package cn.gov.lvliang.renewal.tasks.organisation;

import cn.gov.lvliang.renewal.platform.audit.Audited;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Audited
@Path("/api/tasks/counties")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organisation · 组织机构")
public class CountyResource {

    /** A county in API form. */
    @Schema(name = "County", description = "县级行政区划 / county-level division")
    public record CountyView(
            @Schema(example = "141124") String code,
            @Schema(example = "临县") String name) {}

    @GET
    @Authenticated
    @Operation(
            operationId = "listCounties",
            summary = "List the implementing counties · 县（市、区）列表",
            description = "The 13 county-level divisions of Lüliang with their GB/T 2260 area codes. Every county"
                    + " implements every task of the plan. Any authenticated caller may read it.")
    public List<CountyView> list() {
        return County.<County>listAll(io.quarkus.panache.common.Sort.by("code")).stream()
                .map(c -> new CountyView(c.code, c.name))
                .toList();
    }
}
