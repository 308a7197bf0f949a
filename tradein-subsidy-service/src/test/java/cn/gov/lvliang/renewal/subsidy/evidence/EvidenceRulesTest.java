package cn.gov.lvliang.renewal.subsidy.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.subsidy.claims.CheckResult;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.EvidenceKindView;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.EvidenceState;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.WaiverView;
import cn.gov.lvliang.renewal.subsidy.evidence.EInvoiceReader.EInvoice;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Type detection, the e-invoice reader and cross-check, and completeness: plain Java. */
class EvidenceRulesTest {

    @TempDir
    Path dir;

    private Optional<DocumentType> detect(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return new TypeDetector().detect(file);
    }

    @Test
    void typesAreDetectedFromTheContentWhateverTheName() throws IOException {
        assertThat(detect("a.bin", cn.gov.lvliang.renewal.subsidy.Fixtures.pdf("x")))
                .contains(DocumentType.PDF);
        assertThat(detect("a.pdf", EvidenceFiles.jpeg())).contains(DocumentType.JPEG);
        assertThat(detect("a.pdf", EvidenceFiles.png())).contains(DocumentType.PNG);
        assertThat(detect("a.zip", EvidenceFiles.ofd())).contains(DocumentType.OFD);
        assertThat(detect("a.txt", EvidenceFiles.eInvoice("1", "2", "3.00", "2025-01-01")))
                .contains(DocumentType.E_INVOICE_XML);
        assertThat(detect("invoice.pdf", EvidenceFiles.elf())).isEmpty();
        assertThat(detect("invoice.pdf", EvidenceFiles.pe())).isEmpty();
        assertThat(detect("a.ofd", EvidenceFiles.zip("word/document.xml", "x"))).isEmpty();
        assertThat(detect("a.xml", "<?xml version=\"1.0\"?><Invoice/>".getBytes()))
                .isEmpty();
        assertThat(detect("a.pdf", "just text".getBytes())).isEmpty();
    }

    @Test
    void anXmlWithAnExternalEntityIsNotResolved() throws IOException {
        byte[] xxe = ("<?xml version=\"1.0\"?><!DOCTYPE EInvoice [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<EInvoice><Header><EIid>&x;</EIid></Header></EInvoice>")
                .getBytes();
        EInvoice read;
        try {
            read = EInvoiceReader.read(new ByteArrayInputStream(xxe));
        } catch (IOException refused) {
            return; // refusing the document is as good
        }
        assertThat(read.number()).doesNotContain("root:");
    }

    @Test
    void theEInvoiceFieldsAreRead() throws IOException {
        EInvoice invoice = EInvoiceReader.read(new ByteArrayInputStream(
                EvidenceFiles.eInvoice("25141000000012345678", "91141100MA0K0000XA", "6598.00", "2025-12-29")));
        assertThat(invoice)
                .isEqualTo(new EInvoice(
                        "25141000000012345678", "91141100MA0K0000XA", 659_800L, LocalDate.parse("2025-12-29")));
    }

    @Test
    void anInvoiceThatDiffersIsFlaggedWithTheFieldsThatDiffer() {
        EInvoice invoice = new EInvoice("N1", "S1", 100_00L, LocalDate.parse("2025-01-02"));
        CheckResult same = InvoiceCrossCheck.compare(invoice, "N1", "S1", 100_00L, LocalDate.parse("2025-01-02"));
        assertThat(same.outcome()).isEqualTo(CheckResult.Outcome.PASSED);
        CheckResult differs = InvoiceCrossCheck.compare(invoice, "N2", "S1", 200_00L, LocalDate.parse("2025-01-02"));
        assertThat(differs.outcome()).isEqualTo(CheckResult.Outcome.FLAGGED);
        assertThat(differs.code()).isEqualTo("INVOICE_MISMATCH");
        assertThat(differs.evidence())
                .contains("invoiceNumber claim N2 / invoice N1", "priceFen claim 20000 / invoice 10000")
                .doesNotContain("sellerCreditCode", "purchaseDate");
        CheckResult absent = InvoiceCrossCheck.compare(
                new EInvoice(null, "S1", 100_00L, LocalDate.parse("2025-01-02")),
                "N1",
                "S1",
                100_00L,
                LocalDate.parse("2025-01-02"));
        assertThat(absent.evidence()).contains("invoiceNumber claim N1 / invoice (absent)");
    }

    @Test
    void aKindIsPresentWithADocumentWaivedWithAWaiverAndMissingOtherwise() {
        WaiverView waiver = new WaiverView("NOT_APPLICABLE", null, "r", Instant.EPOCH);
        List<EvidenceKindView> kinds =
                Completeness.of(List.of("A", "B", "C"), Map.of("A", 2, "B", 1), Map.of("B", waiver, "C", waiver));
        assertThat(kinds)
                .extracting(EvidenceKindView::state)
                .containsExactly(EvidenceState.PRESENT, EvidenceState.PRESENT, EvidenceState.WAIVED);
        assertThat(Completeness.of(List.of("D"), Map.of(), Map.of()))
                .extracting(EvidenceKindView::state)
                .containsExactly(EvidenceState.MISSING);
    }
}
