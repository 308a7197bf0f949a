package cn.gov.lvliang.renewal.platform.events.testapp;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The test app's span exporter: Quarkus exports the spans of every sampled trace to it. */
public final class Spans {

    private Spans() {}

    @Produces
    @Singleton
    static InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }
}
