package cn.gov.lvliang.renewal.equipment.imports;

import cn.gov.lvliang.renewal.equipment.Labelled;
import cn.gov.lvliang.renewal.equipment.lists.Column;
import cn.gov.lvliang.renewal.equipment.lists.ListKind;
import cn.gov.lvliang.renewal.equipment.register.Category;
import cn.gov.lvliang.renewal.equipment.register.EquipmentChecks;
import cn.gov.lvliang.renewal.equipment.register.VehicleEmissionStandard;
import cn.gov.lvliang.renewal.equipment.register.VehicleKind;
import cn.gov.lvliang.renewal.equipment.units.PersonUnitCode;
import cn.gov.lvliang.renewal.platform.identifiers.AreaCode;
import cn.gov.lvliang.renewal.platform.identifiers.CreditCode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns one sheet row into typed values for a list's columns, or into row errors (column, value,
 * message key). Pure Java: no database, no framework.
 */
public final class RowParser {

    /** A problem with one cell. */
    public record CellError(String column, String value, String messageKey, Object... args) {}

    /** The outcome for one row: typed values by column key, or errors. */
    public record Parsed(Map<String, Object> values, List<CellError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }

        public Object get(String key) {
            return values.get(key);
        }
    }

    private static final int MAX_TEXT = 300;
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d{2}");
    private static final Pattern SERIAL = Pattern.compile("\\d{4,5}(\\.\\d+)?");

    private final ListKind kind;
    private final List<Column> columns;
    private final int[] positions;
    private final boolean[] required;
    private final Map<String, String> sectors;

    /**
     * @param header the file's header row
     * @param sectors sector name or code → code
     * @throws IllegalArgumentException listing the missing required headers
     */
    public RowParser(ListKind kind, List<String> header, Map<String, String> sectors) {
        this.kind = kind;
        this.columns = kind.columns().stream().filter(Column::importable).toList();
        this.positions = new int[columns.size()];
        this.required = new boolean[columns.size()];
        this.sectors = sectors;
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            positions[i] = indexOf(header, c);
            // once here, not per cell: a record's equals is slow enough to show in an import's profile
            required[i] = kind.required().contains(c);
            if (positions[i] < 0 && required[i]) {
                missing.add(c.header());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(String.join("、", missing));
        }
    }

    private static int indexOf(List<String> header, Column c) {
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i) == null ? "" : header.get(i).strip();
            if (h.equals(c.header()) || h.equalsIgnoreCase(c.key())) {
                return i;
            }
        }
        return -1;
    }

    /** The importable columns, in template order. */
    public List<Column> columns() {
        return columns;
    }

    public Parsed parse(TabularReader.SourceRow row, LocalDate today) {
        Map<String, Object> values = new HashMap<>();
        List<CellError> errors = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            TabularReader.SourceCell cell = positions[i] < 0 ? TabularReader.SourceCell.EMPTY : row.cell(positions[i]);
            String text = cell.text() == null ? "" : cell.text().strip();
            if (cell.formula()) {
                errors.add(new CellError(c.header(), text, "import.formula"));
                continue;
            }
            if (text.isEmpty()) {
                if (required[i]) {
                    errors.add(new CellError(c.header(), "", "import.required"));
                }
                continue;
            }
            if (text.length() > MAX_TEXT) {
                errors.add(new CellError(c.header(), text.substring(0, 40) + "…", "import.too-long", MAX_TEXT));
                continue;
            }
            Object value = convert(c, text, cell.number(), errors);
            if (value != null) {
                values.put(c.key(), value);
            }
        }
        if (kind.impliedCategory() != null) {
            values.put("category", kind.impliedCategory());
        }
        if (errors.isEmpty()) {
            for (EquipmentChecks.Violation v : EquipmentChecks.check(
                    (Category) values.get("category"),
                    (BigDecimal) values.get("quantity"),
                    (LocalDate) values.get("commissionedOn"),
                    today,
                    (VehicleEmissionStandard) values.get("vehicleEmissionStandard"),
                    (VehicleKind) values.get("vehicleKind"),
                    (String) values.get("registrationCode"))) {
                String header = columns.stream()
                        .filter(c -> c.key().equals(v.field()))
                        .map(Column::header)
                        .findFirst()
                        .orElse(v.field());
                Object value = values.get(v.field());
                errors.add(new CellError(header, value == null ? "" : value.toString(), v.messageKey()));
            }
        }
        return new Parsed(values, errors);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object convert(Column c, String text, boolean number, List<CellError> errors) {
        switch (c.type()) {
            case CREDIT_CODE: {
                String code = text.toUpperCase(java.util.Locale.ROOT);
                if (!CreditCode.isValid(code) && !PersonUnitCode.isPersonUnitCode(code)) {
                    errors.add(new CellError(c.header(), text, "import.credit-code"));
                    return null;
                }
                return code;
            }
            case COUNTY: {
                if (AreaCode.isCounty(text)) {
                    return text;
                }
                Optional<String> byName = AreaCode.COUNTIES.entrySet().stream()
                        .filter(e -> e.getValue().equals(text))
                        .map(Map.Entry::getKey)
                        .findFirst();
                if (byName.isEmpty()) {
                    errors.add(new CellError(c.header(), text, "import.county"));
                    return null;
                }
                return byName.get();
            }
            case SECTOR: {
                String code = sectors.get(text);
                if (code == null) {
                    errors.add(new CellError(c.header(), text, "import.sector"));
                }
                return code;
            }
            case ENUM: {
                Optional<? extends Enum<?>> parsed = Labelled.parse((Class) c.enumType(), text);
                if (parsed.isEmpty()) {
                    errors.add(new CellError(c.header(), text, "import.enum", c.allowedValues()));
                    return null;
                }
                return parsed.get();
            }
            case INTEGER: {
                try {
                    BigDecimal d = new BigDecimal(text);
                    int v = d.intValueExact();
                    int max =
                            c.key().equals("efficiencyGrade") ? 5 : c.key().equals("renewalPlannedYear") ? 2100 : 1000;
                    int min = c.key().equals("efficiencyGrade") || c.key().equals("designLifeYears") ? 1 : 0;
                    if (c.key().equals("renewalPlannedYear")) {
                        min = 2000;
                    }
                    if (c.key().equals("designLifeYears")) {
                        max = 100;
                    }
                    if (v < min || v > max) {
                        errors.add(new CellError(c.header(), text, "import.range", min, max));
                        return null;
                    }
                    return v;
                } catch (NumberFormatException | ArithmeticException e) {
                    errors.add(new CellError(c.header(), text, "import.integer"));
                    return null;
                }
            }
            case DECIMAL: {
                try {
                    BigDecimal d = new BigDecimal(text);
                    if (d.signum() <= 0 || d.scale() > 3 || d.precision() - d.scale() > 11) {
                        errors.add(new CellError(c.header(), text, "import.decimal"));
                        return null;
                    }
                    return d;
                } catch (NumberFormatException e) {
                    errors.add(new CellError(c.header(), text, "import.decimal"));
                    return null;
                }
            }
            case YUAN: {
                try {
                    BigDecimal d = new BigDecimal(text.replace(",", ""));
                    if (d.signum() < 0
                            || d.stripTrailingZeros().scale() > 2
                            || d.compareTo(new BigDecimal("1e15")) > 0) {
                        errors.add(new CellError(c.header(), text, "import.yuan"));
                        return null;
                    }
                    return d.movePointRight(2).longValueExact();
                } catch (NumberFormatException | ArithmeticException e) {
                    errors.add(new CellError(c.header(), text, "import.yuan"));
                    return null;
                }
            }
            case DATE: {
                LocalDate date = date(text, number);
                if (date == null) {
                    errors.add(new CellError(c.header(), text, "import.date"));
                }
                return date;
            }
            case BOOLEAN: {
                if (text.equals("是") || text.equalsIgnoreCase("true") || text.equalsIgnoreCase("Y")) {
                    return Boolean.TRUE;
                }
                if (text.equals("否") || text.equalsIgnoreCase("false") || text.equalsIgnoreCase("N")) {
                    return Boolean.FALSE;
                }
                errors.add(new CellError(c.header(), text, "import.boolean"));
                return null;
            }
            default:
                return text;
        }
    }

    /** yyyy-mm-dd, yyyy/m/d, yyyy-mm (first of month), or an Excel date serial number. */
    static LocalDate date(String text, boolean number) {
        if (YEAR.matcher(text).matches()) {
            return LocalDate.of(Integer.parseInt(text), 1, 1);
        }
        if (number || SERIAL.matcher(text).matches()) {
            try {
                double serial = Double.parseDouble(text);
                if (serial > 1 && serial < 2_958_466) {
                    return EXCEL_EPOCH.plusDays((long) serial);
                }
            } catch (NumberFormatException e) {
                return null;
            }
            return null;
        }
        String normal = text.replace('/', '-').replace('.', '-');
        try {
            String[] parts = normal.split("-");
            if (parts.length == 3) {
                return LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
            }
            if (parts.length == 2) {
                return LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), 1);
            }
            return LocalDate.parse(normal);
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return null;
        }
    }
}
