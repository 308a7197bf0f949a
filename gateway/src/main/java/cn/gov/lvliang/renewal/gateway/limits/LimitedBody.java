package cn.gov.lvliang.renewal.gateway.limits;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body that fails once more than {@code max} bytes have passed, so that a chunked body
 * without {@code Content-Length} cannot exceed the gateway's body limit while streaming.
 */
public final class LimitedBody implements ReadStream<Buffer> {

    private final ReadStream<Buffer> source;
    private final long max;
    private long seen;
    private volatile boolean exceeded;
    private Handler<Throwable> exceptionHandler;

    public LimitedBody(ReadStream<Buffer> source, long max) {
        this.source = source;
        this.max = max;
    }

    /** True once the body went over the limit. */
    public boolean exceeded() {
        return exceeded;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            source.handler(null);
            return this;
        }
        source.handler(buffer -> {
            if (exceeded) {
                return;
            }
            seen += buffer.length();
            if (seen > max) {
                exceeded = true;
                if (exceptionHandler != null) {
                    exceptionHandler.handle(new BodyTooLarge());
                }
                return;
            }
            handler.handle(buffer);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        source.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        source.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        source.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        source.endHandler(endHandler);
        return this;
    }

    /** The body went over the limit. */
    public static final class BodyTooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BodyTooLarge() {
            super("request body over the limit", null, false, false);
        }
    }
}
