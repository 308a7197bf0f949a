package cn.gov.lvliang.renewal.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One field-level validation failure inside a problem response.
 *
 * @param field the JSON path of the field, for example {@code vin} or {@code items[0].price}
 * @param value the rejected value, omitted for personal data and for long values
 * @param message what is wrong, in the caller's language
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "FieldError", description = "字段校验错误 / a field-level validation error")
public record FieldError(String field, Object value, String message) {}
