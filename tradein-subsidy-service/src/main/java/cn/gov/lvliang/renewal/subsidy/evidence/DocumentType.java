package cn.gov.lvliang.renewal.subsidy.evidence;

/** The kinds of file accepted as evidence, as detected from their content (never from their name). */
public enum DocumentType {
    PDF("application/pdf"),
    JPEG("image/jpeg"),
    PNG("image/png"),
    /** 版式文件 (GB/T 33190): a ZIP whose root holds OFD.xml. */
    OFD("application/ofd"),
    /** 数电票 (全面数字化的电子发票) in its XML form: root element {@code EInvoice}. */
    E_INVOICE_XML("application/xml");

    private final String mediaType;

    DocumentType(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The media type the file is served with. */
    public String mediaType() {
        return mediaType;
    }
}
