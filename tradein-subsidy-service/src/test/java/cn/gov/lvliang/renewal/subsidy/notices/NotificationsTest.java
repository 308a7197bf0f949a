package cn.gov.lvliang.renewal.subsidy.notices;

import static cn.gov.lvliang.renewal.subsidy.Fixtures.CLAIMS;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.applianceClaim;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.retailer;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.reviewer;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.lvliang.renewal.subsidy.Fixtures;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * 通知: claim events reach the applicant by SMS (a real local WireMock as the gateway) and the filing
 * enterprise by email (a real GreenMail SMTP server in its own JVM), once per event and channel, every
 * attempt recorded, never with an ID number, a bank account or a full name.
 */
@QuarkusTest
@TestProfile(NotificationsTest.Profile.class)
class NotificationsTest {

    private static final String COUNTY = "141126";
    private static final String FULL_NAME = "张三丰";
    private static final String BANK_ACCOUNT = "6222020200112233445";

    /** GreenMail and the SMS gateway stub; retries due at once. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(MailTestServer.class), new TestResourceEntry(SmsGatewayStub.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "suite.notices.queue-events", "true",
                    "suite.notices.initial-backoff", "0s",
                    "suite.notices.max-attempts", "3");
        }
    }

    @Inject
    NoticeDelivery delivery;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = MailTestServer.API_PROPERTY)
    String mailApi;

    private static String phone() {
        return "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private record Filed(String id, int version, String idNumber) {}

    private static Filed file(String seller, String phone) {
        String idNumber = TestIdentifiers.residentId();
        Map<String, Object> body =
                applianceClaim("HOME-APPLIANCE", seller, COUNTY, idNumber, "REFRIGERATOR", 1, 500_000, "2025-03-01");
        @SuppressWarnings("unchecked")
        Map<String, Object> applicant = (Map<String, Object>) body.get("applicant");
        applicant.put("phone", phone);
        Response filed = given().auth()
                .oauth2(retailer(seller))
                .contentType(ContentType.JSON)
                .body(body)
                .post(CLAIMS);
        filed.then().statusCode(201);
        return new Filed(filed.path("id"), filed.path("version"), idNumber);
    }

    private static void setEmail(String seller, String email) {
        given().auth()
                .oauth2(retailer(seller))
                .contentType(ContentType.JSON)
                .body(Map.of("email", email))
                .put("/api/subsidies/enterprise-contact")
                .then()
                .statusCode(200);
    }

    /** Waits until the consumer has queued the notifications of {@code eventType} for the claim. */
    private static void awaitQueued(String claimId, String eventType, int channels) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Fixtures.count(
                                "select count(*) from notification where claim_id = ?::uuid and event_type = ?",
                                claimId,
                                "cn.gov.lvliang.subsidy." + eventType)
                        == channels);
    }

    /** The SMS bodies the gateway received for {@code phone}, in order. */
    private List<JsonNode> smsTo(String phone) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (LoggedRequest r : SmsGatewayStub.server.findAll(postRequestedFor(urlEqualTo(SmsGatewayStub.PATH)))) {
            JsonNode body = json.readTree(r.getBodyAsString());
            if (phone.equals(body.path("phoneNumber").asText())) {
                found.add(body);
            }
        }
        return found;
    }

    /** The decoded texts of the mails GreenMail holds for {@code address}. */
    private List<String> mailsTo(String address) throws Exception {
        HttpResponse<String> inbox = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(mailApi + "/api/user/" + address + "/messages/INBOX"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (inbox.statusCode() != 200) {
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode message : json.readTree(inbox.body())) {
            texts.add(decoded(message.path("mimeMessage").asText()));
        }
        return texts;
    }

    /** The raw message with its body and encoded-word headers decoded (base64 or quoted-printable), to search in. */
    private static String decoded(String mime) {
        int split = mime.indexOf("\r\n\r\n");
        String headers = mime.substring(0, split);
        String body = mime.substring(split + 4);
        StringBuilder out = new StringBuilder(headers).append("\n");
        Matcher word = Pattern.compile("=\\?utf-8\\?([bq])\\?([^?]*)\\?=", Pattern.CASE_INSENSITIVE)
                .matcher(headers);
        while (word.find()) {
            out.append(word.group(1).equalsIgnoreCase("b") ? base64(word.group(2)) : quotedPrintable(word.group(2)))
                    .append("\n");
        }
        String lower = headers.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("content-transfer-encoding: base64")) {
            out.append(base64(body));
        } else if (lower.contains("content-transfer-encoding: quoted-printable")) {
            out.append(quotedPrintable(body));
        } else {
            out.append(body);
        }
        return out.toString();
    }

    private static String base64(String text) {
        return new String(Base64.getDecoder().decode(text.replaceAll("\\s", "")), StandardCharsets.UTF_8);
    }

    private static String quotedPrintable(String text) {
        String joined = text.replace("=\r\n", "").replace("=\n", "");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '=' && i + 2 < joined.length()) {
                bytes.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '_') {
                bytes.write(' ');
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void approvingAClaimSendsExactlyOneSmsAndOneEmailWithoutPersonalData() throws Exception {
        String seller = TestIdentifiers.creditCode();
        String phone = phone();
        String email = "claims-" + seller.toLowerCase() + "@dealer.example.cn";
        setEmail(seller, email);
        Fixtures.allocate("HOME-APPLIANCE", COUNTY, 1_000_000);
        Filed claim = file(seller, phone);
        Fixtures.supplyEvidence(claim.id(), retailer(seller));
        Fixtures.approve(claim.id(), claim.version(), reviewer(COUNTY)).then().statusCode(200);

        awaitQueued(claim.id(), "claim.submitted.v1", 2);
        awaitQueued(claim.id(), "claim.approved.v1", 2);
        delivery.deliverDue();
        delivery.deliverDue(); // a second round finds nothing more to send

        // the message names the claim as the applicant reads it: its claim number, not the id
        String claimNumber = given().auth()
                .oauth2(reviewer(COUNTY))
                .get(CLAIMS + "/" + claim.id())
                .then()
                .statusCode(200)
                .extract()
                .path("claimNumber");
        assertThat(claimNumber).matches("LL-" + COUNTY + "-\\d{4}-\\d{6}");
        List<JsonNode> sms = smsTo(phone);
        assertThat(sms).hasSize(2);
        assertThat(sms)
                .filteredOn(s -> s.path("content").asText().contains("审核通过"))
                .singleElement()
                .satisfies(s -> assertThat(s.path("content").asText())
                        .contains(claimNumber)
                        .doesNotContain(claim.id())
                        .contains("补贴1000元")
                        .startsWith("【吕梁以旧换新】"));
        List<String> mails = mailsTo(email);
        assertThat(mails).hasSize(2);
        assertThat(mails)
                .as("the mails as decoded: %s", mails)
                .filteredOn(m -> m.contains("已审核通过"))
                .hasSize(1);
        for (String text : concat(sms, mails)) {
            assertThat(text)
                    .doesNotContain(claim.idNumber())
                    .doesNotContain(BANK_ACCOUNT)
                    .doesNotContain(FULL_NAME);
        }
        assertThat(Fixtures.count(
                        "select count(*) from notification_attempt a join notification n on n.id = a.notification_id"
                                + " where n.claim_id = ?::uuid and a.outcome = 'SENT'",
                        claim.id()))
                .isEqualTo(4);
    }

    @Test
    void theGatewayIsCalledSignedWithTheNotificationsIdAsItsIdempotencyKey() throws Exception {
        String seller = TestIdentifiers.creditCode();
        String phone = phone();
        Filed claim = file(seller, phone);
        awaitQueued(claim.id(), "claim.submitted.v1", 1); // no enterprise address: SMS only
        delivery.deliverDue();

        LoggedRequest sent = SmsGatewayStub.server.findAll(postRequestedFor(urlEqualTo(SmsGatewayStub.PATH))).stream()
                .filter(r -> r.getBodyAsString().contains(phone))
                .findFirst()
                .orElseThrow();
        String body = sent.getBodyAsString();
        assertThat(sent.getHeader("X-Sms-Access-Key")).isEqualTo(SmsGatewayStub.ACCESS_KEY);
        assertThat(sent.getHeader("X-Sms-Signature"))
                .isEqualTo(SmsGateway.signature(
                        SmsGatewayStub.SECRET,
                        SmsGatewayStub.PATH,
                        sent.getHeader("X-Sms-Timestamp"),
                        sent.getHeader("X-Sms-Nonce"),
                        body));
        assertThat(sent.getHeader("Idempotency-Key"))
                .isEqualTo(json.readTree(body).path("outId").asText())
                .isNotBlank();
    }

    @Test
    void aRefusedSmsIsRetriedAndEveryAttemptIsRecordedWithItsReason() throws Exception {
        String seller = TestIdentifiers.creditCode();
        String phone = phone();
        Filed claim = file(seller, phone);
        awaitQueued(claim.id(), "claim.submitted.v1", 1);
        SmsGatewayStub.refuse();
        try {
            delivery.deliverDue();
        } finally {
            SmsGatewayStub.accept();
        }
        assertThat(Fixtures.count(
                        "select count(*) from notification where claim_id = ?::uuid and state = 'QUEUED'"
                                + " and last_error like '%BUSINESS_LIMIT_CONTROL%'",
                        claim.id()))
                .isEqualTo(1);
        delivery.deliverDue();

        assertThat(Fixtures.count(
                        "select count(*) from notification where claim_id = ?::uuid and state = 'SENT' and attempts = 2",
                        claim.id()))
                .isEqualTo(1);
        assertThat(Fixtures.count(
                        "select count(*) from notification_attempt a join notification n on n.id = a.notification_id"
                                + " where n.claim_id = ?::uuid and ((a.attempt = 1 and a.outcome = 'FAILED'"
                                + " and a.reason like '%BUSINESS_LIMIT_CONTROL%') or (a.attempt = 2 and a.outcome = 'SENT'))",
                        claim.id()))
                .isEqualTo(2);
        assertThat(smsTo(phone))
                .filteredOn(s -> s.path("content").asText().contains("已受理"))
                .hasSize(2); // the refused attempt reached the gateway too; it sent nothing
    }

    @Test
    void anAttemptLeftUnfinishedByADeadProcessIsTakenOverOnceItsLeaseRunsOut() throws Exception {
        String seller = TestIdentifiers.creditCode();
        String phone = phone();
        Filed claim = file(seller, phone);
        awaitQueued(claim.id(), "claim.submitted.v1", 1);
        // as a process killed between taking the notification and recording the attempt leaves it
        Fixtures.execute(
                "update notification set state = 'SENDING', attempts = 1, lease_until = now() + interval '1 hour'"
                        + " where claim_id = ?::uuid",
                claim.id());
        delivery.deliverDue();
        assertThat(smsTo(phone)).isEmpty(); // still leased: nobody else sends it

        Fixtures.execute(
                "update notification set lease_until = now() - interval '1 second' where claim_id = ?::uuid",
                claim.id());
        delivery.deliverDue();
        delivery.deliverDue();

        assertThat(smsTo(phone)).hasSize(1);
        assertThat(Fixtures.count(
                        "select count(*) from notification where claim_id = ?::uuid and state = 'SENT' and attempts = 2",
                        claim.id()))
                .isEqualTo(1);
    }

    private static List<String> concat(List<JsonNode> sms, List<String> mails) {
        List<String> all = new ArrayList<>(mails);
        sms.forEach(s -> all.add(s.toString()));
        return all;
    }
}
