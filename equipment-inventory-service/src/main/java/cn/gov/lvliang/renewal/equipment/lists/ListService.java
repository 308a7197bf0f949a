package cn.gov.lvliang.renewal.equipment.lists;

import cn.gov.lvliang.renewal.equipment.Labelled;
import cn.gov.lvliang.renewal.equipment.flags.FlagService;
import cn.gov.lvliang.renewal.equipment.register.Equipment;
import cn.gov.lvliang.renewal.equipment.register.LifecycleStatus;
import cn.gov.lvliang.renewal.equipment.scope.Scope;
import cn.gov.lvliang.renewal.platform.identifiers.AreaCode;
import cn.gov.lvliang.renewal.platform.paging.Page;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the lists: a page as JSON, or the whole filtered list streamed as XLSX or CSV. */
@ApplicationScoped
public class ListService {

    private static final String FROM =
            " from equipment e join project_unit u on u.id = e.unit_id left join sector s on s.code = e.sector_code where ";
    private static final String SELECT =
            "select e.*, u.name as unit_name, u.unit_type, s.name as sector_name, (select string_agg(f.rule_code"
                    + " || ': ' || f.reason, '; ' order by f.rule_code) from equipment_flag f where f.equipment_id = e.id and"
                    + " f.cleared_at is null) as flags";

    private final AgroalDataSource dataSource;
    private final Clock clock;

    public ListService(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public Page<Map<String, Object>> page(ListKind kind, ListFilter filter, Scope scope, int page, int size) {
        List<Object> params = new ArrayList<>();
        String where = where(kind, filter, scope, params);
        LocalDate today = LocalDate.now(clock);
        try (Connection c = dataSource.getConnection()) {
            long total = count(c, FROM + where, params);
            List<Map<String, Object>> items = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    SELECT + FROM + where + " order by e.id limit " + size + " offset " + (long) page * size)) {
                bind(c, s, params);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> item = new LinkedHashMap<>();
                        item.put("id", rs.getLong("id"));
                        for (Column column : kind.columns()) {
                            item.put(column.key(), json(column, rs, today));
                        }
                        item.put("version", rs.getInt("version"));
                        items.add(item);
                    }
                }
            }
            return new Page<>(items, total, page, size);
        } catch (SQLException e) {
            throw new IllegalStateException("list query failed", e);
        }
    }

    /** Streams the whole filtered list; memory stays bounded (server-side cursor, flushed writer). */
    public void export(ListKind kind, ListFilter filter, Scope scope, TabularWriter.Format format, OutputStream out) {
        List<Object> params = new ArrayList<>();
        String where = where(kind, filter, scope, params);
        LocalDate today = LocalDate.now(clock);
        try (Connection c = dataSource.getConnection();
                TabularWriter writer = TabularWriter.open(format, out)) {
            c.setAutoCommit(false);
            // One snapshot for the count and the rows, so that the sheet's declared size is exact.
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            long rows = 1 + count(c, FROM + where, params);
            writer.sheet(kind.title(), rows, kind.columns().size());
            writer.row(kind.columns().stream().map(Column::header).toList());
            try (PreparedStatement s = c.prepareStatement(SELECT + FROM + where + " order by e.id")) {
                s.setFetchSize(500);
                bind(c, s, params);
                try (ResultSet rs = s.executeQuery()) {
                    List<Object> row = new ArrayList<>();
                    while (rs.next()) {
                        row.clear();
                        for (Column column : kind.columns()) {
                            row.add(cell(column, rs, today));
                        }
                        writer.row(row);
                    }
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("export failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long count(Connection c, String fromWhere, List<Object> params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select count(*)" + fromWhere)) {
            bind(c, s, params);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String where(ListKind kind, ListFilter filter, Scope scope, List<Object> params) {
        String scoped = scope.equipmentSql(params);
        return kind.condition() + " and " + scoped + " and " + filter.sql(params);
    }

    private static void bind(Connection c, PreparedStatement s, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            FlagService.bind(c, s, i + 1, params.get(i));
        }
    }

    /** The value in JSON form: codes for enumerations, fen for money. */
    private static Object json(Column column, ResultSet rs, LocalDate today) throws SQLException {
        if (column.key().equals("yearsInService")) {
            return Equipment.yearsInService(rs.getObject("commissioned_on", LocalDate.class), today);
        }
        return switch (column.type()) {
            case DATE -> rs.getObject(column.sql(), LocalDate.class);
            case INTEGER ->
                rs.getObject(column.sql()) == null ? null : ((Number) rs.getObject(column.sql())).intValue();
            case YUAN -> rs.getObject(column.sql()) == null ? null : rs.getLong(column.sql());
            case DECIMAL ->
                rs.getBigDecimal(column.sql()) == null
                        ? null
                        : rs.getBigDecimal(column.sql()).stripTrailingZeros().toPlainString();
            case BOOLEAN -> rs.getObject(column.sql(), Boolean.class);
            default ->
                column.sql().equals("renewal_completed_fen")
                        ? (rs.getObject("renewal_completed_fen") == null ? null : rs.getLong("renewal_completed_fen"))
                        : rs.getString(column.sql());
        };
    }

    /** 是 / 否, or an empty cell when unknown. */
    static String yesNo(Boolean value) {
        return value == null ? null : value ? "是" : "否";
    }

    /** The value in spreadsheet form: Chinese labels, yuan, dates; null (an empty cell) when unknown. */
    private static Object cell(Column column, ResultSet rs, LocalDate today) throws SQLException {
        if (column.key().equals("yearsInService")) {
            return Equipment.yearsInService(rs.getObject("commissioned_on", LocalDate.class), today);
        }
        if (column.key().equals("status")) {
            return LifecycleStatus.valueOf(rs.getString("status")).label();
        }
        if (column.sql().equals("renewal_completed_fen")) {
            return yuan(rs, "renewal_completed_fen");
        }
        return switch (column.type()) {
            case DATE -> rs.getObject(column.sql(), LocalDate.class);
            case INTEGER ->
                rs.getObject(column.sql()) == null ? null : ((Number) rs.getObject(column.sql())).intValue();
            case YUAN -> yuan(rs, column.sql());
            case DECIMAL ->
                rs.getBigDecimal(column.sql()) == null
                        ? null
                        : rs.getBigDecimal(column.sql()).stripTrailingZeros();
            case BOOLEAN -> yesNo(rs.getObject(column.sql(), Boolean.class));
            case SECTOR -> rs.getString("sector_name");
            case COUNTY -> AreaCode.countyName(rs.getString(column.sql())).orElse(rs.getString(column.sql()));
            case ENUM -> label(column, rs.getString(column.sql()));
            default ->
                column.enumType() != null ? label(column, rs.getString(column.sql())) : rs.getString(column.sql());
        };
    }

    private static BigDecimal yuan(ResultSet rs, String sql) throws SQLException {
        long fen = rs.getLong(sql);
        return rs.wasNull() ? null : BigDecimal.valueOf(fen, 2);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String label(Column column, String code) {
        if (code == null) {
            return null;
        }
        Class type = column.enumType();
        return ((Labelled) Enum.valueOf(type, code)).label();
    }
}
