package cn.gov.lvliang.renewal.subsidy.evidence;

import cn.gov.lvliang.renewal.subsidy.claims.CheckResult;
import cn.gov.lvliang.renewal.subsidy.evidence.EInvoiceReader.EInvoice;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * 发票比对: an XML e-invoice against the claim it was uploaded to. Number, seller's credit code,
 * total (价税合计, = the claim's price) and date (= the purchase date) must agree; otherwise the
 * check is FLAGGED as {@code INVOICE_MISMATCH}, with each differing field as evidence. Plain Java.
 */
final class InvoiceCrossCheck {

    static final String CODE = "INVOICE_MISMATCH";

    private InvoiceCrossCheck() {}

    static CheckResult compare(
            EInvoice invoice, String invoiceNumber, String sellerCreditCode, long priceFen, LocalDate purchaseDate) {
        List<String> differing = new ArrayList<>();
        differ(differing, "invoiceNumber", invoiceNumber, invoice.number());
        differ(differing, "sellerCreditCode", sellerCreditCode, invoice.sellerCreditCode());
        differ(differing, "priceFen", priceFen, invoice.totalFen());
        differ(differing, "purchaseDate", purchaseDate, invoice.date());
        if (differing.isEmpty()) {
            return new CheckResult(
                    CODE,
                    CheckResult.Outcome.PASSED,
                    null,
                    "e-invoice " + invoice.number() + " agrees with the claim (number, seller, total, date)");
        }
        return new CheckResult(
                CODE, CheckResult.Outcome.FLAGGED, null, "e-invoice differs: " + String.join("; ", differing));
    }

    private static void differ(List<String> differing, String field, Object claim, Object invoice) {
        if (!Objects.equals(String.valueOf(claim), String.valueOf(invoice))) {
            differing.add(field + " claim " + claim + " / invoice " + (invoice == null ? "(absent)" : invoice));
        }
    }
}
