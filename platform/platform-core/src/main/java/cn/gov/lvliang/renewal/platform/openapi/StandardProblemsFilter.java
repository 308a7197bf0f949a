package cn.gov.lvliang.renewal.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Declares the standard problem responses once, for every service (decision 0045), instead of an
 * {@code @APIResponse} repeating the same description on each operation. An operation that does
 * not declare one of these codes itself gets the shared response under {@code
 * components/responses} ({@link ContractFilter#STANDARD}):
 *
 * <ul>
 *   <li>{@code 400 BadRequest} when it takes a body, a required query or header parameter, or a
 *       parameter with a constraint (bean validation answers 400 with the per-field errors);
 *   <li>{@code 401 Unauthorized} and {@code 403 Forbidden} when it is secured;
 *   <li>{@code 404 NotFound} when its path names a record: an unknown id, or one outside the
 *       caller's scope, answers 404 (docs/security.md).
 * </ul>
 *
 * An operation keeps the responses it declares, so a specific description ("The credit code is
 * registered") still reads as written. Runs at build time, like {@link ContractFilter}; both
 * write the same shared responses, so their order does not matter.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class StandardProblemsFilter implements OASFilter {

    /** Path parameters that are values rather than records: a bad one is a 400, never a 404. */
    static final Set<String> VALUE_PARAMETERS = Set.of("period", "month", "area");

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Set<String> used = new TreeSet<>();
        for (Map.Entry<String, PathItem> path :
                openAPI.getPaths().getPathItems().entrySet()) {
            for (Operation operation : path.getValue().getOperations().values()) {
                for (String code : standardCodes(path.getKey(), operation)) {
                    if (operation.getResponses() == null) {
                        operation.setResponses(OASFactory.createAPIResponses());
                    }
                    if (!operation.getResponses().hasAPIResponse(code)) {
                        String name = ContractFilter.STANDARD.get(code).get(0);
                        operation
                                .getResponses()
                                .addAPIResponse(
                                        code, OASFactory.createAPIResponse().ref(name));
                        used.add(code);
                    }
                }
            }
        }
        if (used.isEmpty()) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        for (String code : used) {
            List<String> standard = ContractFilter.STANDARD.get(code);
            openAPI.getComponents().addResponse(standard.get(0), ContractFilter.problemResponse(standard.get(1)));
        }
    }

    /** The standard codes an operation answers, in the order they are added. */
    static List<String> standardCodes(String path, Operation operation) {
        List<String> codes = new ArrayList<>();
        if (operation.getRequestBody() != null || hasConstrainedParameter(operation)) {
            codes.add("400");
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            codes.add("401");
            codes.add("403");
        }
        if (namesARecord(path)) {
            codes.add("404");
        }
        return codes;
    }

    private static boolean namesARecord(String path) {
        Matcher parameter = PATH_PARAMETER.matcher(path);
        while (parameter.find()) {
            if (!VALUE_PARAMETERS.contains(parameter.group(1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasConstrainedParameter(Operation operation) {
        if (operation.getParameters() == null) {
            return false;
        }
        for (Parameter parameter : operation.getParameters()) {
            if (Boolean.TRUE.equals(parameter.getRequired()) && parameter.getIn() != Parameter.In.PATH) {
                return true;
            }
            Schema schema = parameter.getSchema();
            if (schema != null
                    && (schema.getMinimum() != null
                            || schema.getMaximum() != null
                            || schema.getPattern() != null
                            || schema.getMinLength() != null
                            || schema.getMaxLength() != null)) {
                return true;
            }
        }
        return false;
    }
}
