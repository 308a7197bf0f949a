package cn.gov.lvliang.renewal.platform.events;

/**
 * The bean with a consumer's {@code @Incoming} methods (a service's {@code messaging} adapter): it
 * names its {@link Subscription}, whose dead letters {@link DeadLetters} lists and replays.
 */
public interface Subscriber {
    Subscription subscription();
}
