package cn.gov.lvliang.renewal.subsidy.notices;

/** A channel did not accept a notification; the message is the reason recorded on the attempt. */
public class DeliveryFailed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DeliveryFailed(String reason) {
        super(reason);
    }
}
