package cn.gov.lvliang.renewal.tasks.importer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the text of an uploaded policy document: UTF-8 plain text, or a Word .docx (the paragraphs
 * of {@code word/document.xml}, one per line, read with StAX; no external entities).
 */
public final class DocumentReader {

    private static final String WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    /** Guard against zip bombs: the document part may not expand beyond this. */
    static final long MAX_XML_BYTES = 50L * 1024 * 1024;

    private DocumentReader() {}

    /** Thrown when the bytes are not what they claim to be. */
    public static final class UnreadableDocumentException extends Exception {
        private static final long serialVersionUID = 1L;

        public UnreadableDocumentException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Decodes strict UTF-8 (a BOM is dropped by the parser). */
    public static String utf8(byte[] bytes) throws UnreadableDocumentException {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableDocumentException("the text is not valid UTF-8", e);
        }
    }

    /** Whether the bytes start like a zip archive (a .docx). */
    public static boolean looksLikeZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    /** The paragraphs of a .docx, one per line. */
    public static String docx(byte[] bytes) throws UnreadableDocumentException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if ("word/document.xml".equals(entry.getName())) {
                    return paragraphs(new BoundedStream(zip, MAX_XML_BYTES));
                }
            }
        } catch (IOException | XMLStreamException | IllegalStateException e) {
            throw new UnreadableDocumentException("not a readable .docx: " + e.getMessage(), e);
        }
        throw new UnreadableDocumentException("not a .docx: word/document.xml is missing", null);
    }

    private static String paragraphs(InputStream xml) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader reader = factory.createXMLStreamReader(xml, "UTF-8");
        StringBuilder text = new StringBuilder();
        boolean inText = false;
        try {
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT && WORD_NS.equals(reader.getNamespaceURI())) {
                    switch (reader.getLocalName()) {
                        case "t" -> inText = true;
                        case "tab" -> text.append(' ');
                        case "br", "cr" -> text.append('\n');
                        default -> {}
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && WORD_NS.equals(reader.getNamespaceURI())) {
                    if ("t".equals(reader.getLocalName())) {
                        inText = false;
                    } else if ("p".equals(reader.getLocalName())) {
                        text.append('\n');
                    }
                } else if (inText && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
                    text.append(reader.getText());
                }
            }
        } finally {
            reader.close();
        }
        return text.toString();
    }

    /** Stops reading after {@code limit} bytes. */
    private static final class BoundedStream extends java.io.FilterInputStream {
        private long remaining;

        BoundedStream(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            check(1);
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            check(1);
            int n = super.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        private void check(int n) throws IOException {
            if (remaining < n) {
                throw new IOException("word/document.xml is larger than allowed");
            }
        }

        @Override
        public void close() {
            // the zip stream is closed by its owner
        }
    }
}
