package cn.gov.lvliang.renewal.subsidy.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.tika.Tika;

/**
 * Tells an accepted evidence file's type from its bytes (decision 0017). Apache Tika core's magic
 * detection names PDF, JPEG, PNG, ZIP and XML; tika-core alone sees an OFD as a ZIP and a 数电票
 * as XML, so two small checks follow: a ZIP is OFD when its root holds {@code OFD.xml}, and an XML
 * file is an e-invoice when its root element is {@code EInvoice}. Everything else (executables,
 * Office files, other ZIPs and XML) is refused. No file name or Content-Type is ever consulted.
 */
@ApplicationScoped
public class TypeDetector {

    static final String E_INVOICE_ROOT = "EInvoice";
    private static final String OFD_ENTRY = "OFD.xml";

    private final Tika tika = new Tika();

    /** The accepted type of the file, or empty when it is not one. */
    public Optional<DocumentType> detect(Path file) throws IOException {
        String detected;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            detected = tika.detect(in); // reads the first bytes only, no name given
        }
        return switch (detected) {
            case "application/pdf" -> Optional.of(DocumentType.PDF);
            case "image/jpeg" -> Optional.of(DocumentType.JPEG);
            case "image/png" -> Optional.of(DocumentType.PNG);
            case "application/zip" -> isOfd(file) ? Optional.of(DocumentType.OFD) : Optional.empty();
            case "application/xml", "text/xml" ->
                isEInvoice(file) ? Optional.of(DocumentType.E_INVOICE_XML) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static boolean isOfd(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(OFD_ENTRY);
            return entry != null && !entry.isDirectory();
        } catch (IOException notAZip) {
            return false;
        }
    }

    private static boolean isEInvoice(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = EInvoiceReader.secureFactory().createXMLStreamReader(in);
            try {
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamReader.START_ELEMENT) {
                        return E_INVOICE_ROOT.equals(xml.getLocalName());
                    }
                }
                return false;
            } finally {
                xml.close();
            }
        } catch (XMLStreamException malformed) {
            return false;
        }
    }
}
