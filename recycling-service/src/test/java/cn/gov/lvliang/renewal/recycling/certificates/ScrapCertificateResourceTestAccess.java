package cn.gov.lvliang.renewal.recycling.certificates;

import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import java.util.Map;

/** Valid certificate bodies for tests of other packages. */
public final class ScrapCertificateResourceTestAccess {

    private ScrapCertificateResourceTestAccess() {}

    public static Map<String, Object> certificate(String dismantler, String number) {
        return ScrapCertificateResourceTest.certificate(
                dismantler, number, TestIdentifiers.residentId(), TestIdentifiers.vin());
    }

    /** A farm-machinery certificate of a natural person's tractor; its factory number is unique. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> farmMachineryCertificate(String dismantler, String number) {
        Map<String, Object> body =
                FarmMachineryCertificateTest.certificate(dismantler, number, TestIdentifiers.residentId());
        ((Map<String, Object>) body.get("content")).put("factoryNumber", number);
        return body;
    }
}
