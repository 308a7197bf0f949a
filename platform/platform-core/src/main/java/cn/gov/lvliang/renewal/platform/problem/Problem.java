package cn.gov.lvliang.renewal.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}).
 *
 * <p>{@code type} is a URN naming the kind of problem, stable across languages; {@code title} and
 * {@code detail} are in the caller's language (zh-CN by default, English with {@code
 * Accept-Language: en}). {@code requestId} matches the {@code X-Request-Id} header and the logs.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 错误响应 / RFC 9457 problem details")
public record Problem(
        @Schema(example = "urn:lvliang:renewal:problem:validation")
        String type,

        @Schema(example = "请求参数校验失败") String title,
        @Schema(example = "400") int status,
        String detail,

        @Schema(example = "/api/recycling/scrap-certificates")
        String instance,

        String requestId,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:lvliang:renewal:problem:";
}
