package cn.gov.lvliang.renewal.console.dashboard;

import cn.gov.lvliang.renewal.console.api.Gateway;
import cn.gov.lvliang.renewal.console.session.Session;
import cn.gov.lvliang.renewal.console.session.Sessions;
import cn.gov.lvliang.renewal.console.web.Pages;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import java.util.Map;

/**
 * The leadership dashboard (领导驾驶舱) for the city admin, the statistics bureau and auditors. The
 * page draws each chart from {@code charts/{name}} (JSON: table and ECharts option); {@code
 * charts/{name}.xlsx} downloads the same table.
 */
@Path("/dashboard")
public class DashboardResource {

    static final List<String> CHARTS = List.of("indicator", "counties", "claims", "budget", "overdue");

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Sessions sessions;
    private final Pages pages;
    private final Gateway gateway;
    private final Template dashboard;

    public DashboardResource(Sessions sessions, Pages pages, Gateway gateway, Template dashboard) {
        this.sessions = sessions;
        this.pages = pages;
        this.gateway = gateway;
        this.dashboard = dashboard;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("indicator") String indicator) {
        Session session = sessions.require(Session.LEADERSHIP);
        Map<String, String> indicators = charts(session).indicatorNames();
        String chosen = indicator != null && indicators.containsKey(indicator)
                ? indicator
                : indicators.keySet().stream().findFirst().orElse("");
        return pages.page(dashboard)
                .data("indicators", indicators)
                .data("indicator", chosen)
                .data("charts", CHARTS);
    }

    @GET
    @Path("/charts/{name}")
    @Produces(MediaType.APPLICATION_JSON)
    public Chart chart(@PathParam("name") String name, @QueryParam("indicator") String indicator) {
        return build(name, indicator);
    }

    @GET
    @Path("/charts/{name}.xlsx")
    @Produces(XLSX)
    public Response xlsx(@PathParam("name") String name, @QueryParam("indicator") String indicator) {
        Chart chart = build(name, indicator);
        StreamingOutput body = out -> Xlsx.write(chart, out);
        return Response.ok(body, XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"")
                .build();
    }

    private Chart build(String name, String indicator) {
        Session session = sessions.require(Session.LEADERSHIP);
        if (!CHARTS.contains(name)) {
            throw new NotFoundException();
        }
        String code = indicator == null || !indicator.matches("[A-Z0-9_]{1,60}") ? "" : indicator;
        Chart chart = charts(session).byName(name, code);
        if (chart == null) {
            throw new NotFoundException();
        }
        return chart;
    }

    private Charts charts(Session session) {
        return new Charts(gateway, session, pages.locale(), pages.msg());
    }
}
