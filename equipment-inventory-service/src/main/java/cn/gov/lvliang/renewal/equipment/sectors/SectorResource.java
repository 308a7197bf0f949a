package cn.gov.lvliang.renewal.equipment.sectors;

import cn.gov.lvliang.renewal.platform.audit.Audited;
import io.quarkus.panache.common.Sort;
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
@Path("/api/equipment/sectors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data · 参考数据")
public class SectorResource {

    /** A sector in API form. */
    @Schema(name = "Sector", description = "重点领域 / key sector")
    public record SectorView(
            @Schema(example = "coking") String code,
            @Schema(example = "焦化") String name) {}

    @GET
    @Authenticated
    @Operation(
            operationId = "listSectors",
            summary = "List the key sectors · 重点领域列表",
            description = "The 15 sectors of task (1) (煤炭, 焦化, 钢铁, …), in the document's order. Equipment"
                    + " surveys and project units are classified by them. Any authenticated caller may read it.")
    public List<SectorView> list() {
        return Sector.<Sector>listAll(Sort.by("position")).stream()
                .map(s -> new SectorView(s.code, s.name))
                .toList();
    }
}
