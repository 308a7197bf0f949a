/**
 * A reader of OpenAPI documents for tests that must cover every endpoint: {@link
 * cn.gov.lvliang.renewal.testing.openapi.ApiOperations#load()} lists the running app's operations
 * with their path template, parameters, request body schemas and declared roles.
 */
package cn.gov.lvliang.renewal.testing.openapi;
