/**
 * The bad-input corpus, in one place: {@link cn.gov.lvliang.renewal.testing.corpus.BadInputCorpus}
 * derives hostile bodies from an operation's request schema, and {@link
 * cn.gov.lvliang.renewal.testing.corpus.BadInputSweep} sends them to every write operation the app
 * under test declares in its OpenAPI document (read by {@code testing.openapi.ApiOperations}), so
 * that a new endpoint is covered without any change to the tests. {@link
 * cn.gov.lvliang.renewal.testing.corpus.HostileText} holds the injection payloads each module's
 * {@code InjectionTest} stores in a free-text field and reads back.
 */
package cn.gov.lvliang.renewal.testing.corpus;
