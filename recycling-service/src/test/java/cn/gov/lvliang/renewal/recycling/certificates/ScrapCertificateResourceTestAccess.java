package cn.gov.lvliang.renewal.recycling.certificates;

import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import java.util.Map;

/** A valid certificate body for tests of other packages. */
public final class ScrapCertificateResourceTestAccess {

    private ScrapCertificateResourceTestAccess() {}

    public static Map<String, Object> certificate(String dismantler, String number) {
        return ScrapCertificateResourceTest.certificate(
                dismantler, number, TestIdentifiers.residentId(), TestIdentifiers.vin());
    }
}
