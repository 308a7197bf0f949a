/**
 * The OpenAPI conventions every service's document shares (decision 0026): the Keycloak security
 * scheme with the roles as scopes, problem+json on every 4xx, and the gateway as the server.
 */
package cn.gov.lvliang.renewal.platform.openapi;
