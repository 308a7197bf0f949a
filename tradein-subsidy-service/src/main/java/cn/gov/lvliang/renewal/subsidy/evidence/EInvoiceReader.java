package cn.gov.lvliang.renewal.subsidy.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the fields of a 数电票 XML file that a claim must agree with. The layout is the national
 * fully-digitised e-invoice's ({@code EInvoice} root; decision 0017 says what it is based on):
 *
 * <ul>
 *   <li>number: {@code TaxSupervisionInfo/InvoiceNumber}, else {@code Header/EIid}
 *   <li>seller's credit code: {@code EInvoiceData/SellerInformation/SellerIdNum}
 *   <li>total (价税合计, yuan): {@code EInvoiceData/BasicInformation/TotalTax-includedAmount}
 *   <li>date: {@code TaxSupervisionInfo/IssueTime}, else {@code EInvoiceData/BasicInformation/RequestTime}
 * </ul>
 *
 * Streaming (StAX), with DTDs and external entities off. A field that is absent or unreadable is
 * null.
 */
public final class EInvoiceReader {

    private static final String NUMBER = "EInvoice/TaxSupervisionInfo/InvoiceNumber";
    private static final String HEADER_ID = "EInvoice/Header/EIid";
    private static final String SELLER = "EInvoice/EInvoiceData/SellerInformation/SellerIdNum";
    private static final String TOTAL = "EInvoice/EInvoiceData/BasicInformation/TotalTax-includedAmount";
    private static final String ISSUED = "EInvoice/TaxSupervisionInfo/IssueTime";
    private static final String REQUESTED = "EInvoice/EInvoiceData/BasicInformation/RequestTime";

    /** The fields read; any may be null. */
    public record EInvoice(String number, String sellerCreditCode, Long totalFen, LocalDate date) {}

    private EInvoiceReader() {}

    /** A StAX factory that resolves no DTD and no external entity. */
    static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }

    public static EInvoice read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    static EInvoice read(InputStream in) throws IOException {
        Map<String, String> found = new HashMap<>();
        Deque<String> path = new ArrayDeque<>();
        try {
            XMLStreamReader xml = secureFactory().createXMLStreamReader(in);
            try {
                StringBuilder text = new StringBuilder();
                while (xml.hasNext()) {
                    switch (xml.next()) {
                        case XMLStreamReader.START_ELEMENT -> {
                            path.addLast(xml.getLocalName());
                            text.setLength(0);
                        }
                        case XMLStreamReader.CHARACTERS, XMLStreamReader.CDATA -> {
                            if (text.length() < 200) {
                                text.append(xml.getText());
                            }
                        }
                        case XMLStreamReader.END_ELEMENT -> {
                            String at = String.join("/", path);
                            if (isWanted(at) && !text.toString().isBlank()) {
                                found.putIfAbsent(at, text.toString().strip());
                            }
                            path.removeLast();
                            text.setLength(0);
                        }
                        default -> {}
                    }
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw new IOException("not a readable e-invoice: " + e.getMessage(), e);
        }
        String number = found.getOrDefault(NUMBER, found.get(HEADER_ID));
        String date = found.getOrDefault(ISSUED, found.get(REQUESTED));
        return new EInvoice(number, found.get(SELLER), fen(found.get(TOTAL)), date(date));
    }

    private static boolean isWanted(String path) {
        return path.equals(NUMBER)
                || path.equals(HEADER_ID)
                || path.equals(SELLER)
                || path.equals(TOTAL)
                || path.equals(ISSUED)
                || path.equals(REQUESTED);
    }

    private static Long fen(String yuan) {
        if (yuan == null) {
            return null;
        }
        try {
            return new BigDecimal(yuan.replace(",", "")).movePointRight(2).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(String value) {
        if (value == null || value.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(value.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
