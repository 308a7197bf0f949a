package cn.gov.lvliang.renewal.subsidy.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small files of each accepted type, and some that must be refused, built in memory for the tests. */
final class EvidenceFiles {

    private EvidenceFiles() {}

    static byte[] jpeg() {
        return concat(
                new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0},
                random(),
                new byte[] {(byte) 0xFF, (byte) 0xD9});
    }

    static byte[] png() {
        return concat(
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'},
                random());
    }

    /** An OFD: a ZIP whose root holds OFD.xml. */
    static byte[] ofd() {
        return zip("OFD.xml", "<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\" Version=\"1.0\" DocType=\"OFD\"/>");
    }

    /** A ZIP that is not an OFD. */
    static byte[] zip(String entry, String content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("Doc_0/Document.xml"));
            zip.write(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A 数电票 XML file in the national layout, with these fields. */
    static byte[] eInvoice(String number, String seller, String totalYuan, String issued) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <EInvoice>
                  <Header><EIid>%1$s</EIid><EInvoiceTag>SWEI1411</EInvoiceTag><Version>0.2</Version></Header>
                  <EInvoiceData>
                    <SellerInformation><SellerIdNum>%2$s</SellerIdNum><SellerName>吕梁测试汽车销售有限公司</SellerName></SellerInformation>
                    <BuyerInformation><BuyerName>张*</BuyerName></BuyerInformation>
                    <BasicInformation><TotalTax-includedAmount>%3$s</TotalTax-includedAmount><RequestTime>%4$s 10:00:00</RequestTime></BasicInformation>
                  </EInvoiceData>
                  <TaxSupervisionInfo><InvoiceNumber>%1$s</InvoiceNumber><IssueTime>%4$s 10:00:00</IssueTime></TaxSupervisionInfo>
                </EInvoice>
                """.formatted(number, seller, totalYuan, issued).getBytes(StandardCharsets.UTF_8);
    }

    /** The head of a Linux executable (ELF). */
    static byte[] elf() {
        return concat(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3E, 0}, random());
    }

    /** The head of a Windows executable (PE, behind its DOS stub). */
    static byte[] pe() {
        byte[] head = new byte[128];
        head[0] = 'M';
        head[1] = 'Z';
        head[0x3C] = 0x40;
        head[0x40] = 'P';
        head[0x41] = 'E';
        return concat(head, random());
    }

    private static byte[] random() {
        return UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
