package cn.gov.lvliang.renewal.equipment;

/** Descriptions shared by the OpenAPI annotations of this service. */
public final class ProblemResponses {

    public static final String BAD_REQUEST = "Invalid fields · 字段校验失败 (problem+json)";
    public static final String UNAUTHORIZED = "No valid token · 未认证 (problem+json)";
    public static final String FORBIDDEN = "Role or scope does not allow it · 无权操作 (problem+json)";
    public static final String NOT_FOUND = "Unknown, or outside the caller's scope · 不存在或不在权限范围内 (problem+json)";
    public static final String CONFLICT = "Conflicts with the current state or version · 状态或版本冲突 (problem+json)";

    private ProblemResponses() {}
}
