package cn.gov.lvliang.renewal.gateway.devtoken;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An OAuth 2.0 style token response. */
public record DevToken(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn) {}
