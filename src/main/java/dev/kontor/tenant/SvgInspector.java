package dev.kontor.tenant;

import static dev.kontor.tenant.LogoCheck.refusal;

import dev.kontor.base.InvalidInput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The SVG part of {@link LogoCheck}. An SVG is a document that browsers run, not a picture, so it is parsed with a
 * hardened parser and refused if anything in it could run code, load something from elsewhere or reach beyond the
 * image. Nothing is silently removed: what passes is serialized again from the parsed tree, so the stored bytes are
 * exactly the document that was checked, free of the parser tricks (encodings, character references) that the
 * upload may have used.
 */
final class SvgInspector {

    static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

    /**
     * Far deeper than any drawing needs; deep nesting only serves to exhaust the stack of whoever reads it. It is
     * refused as unreadable, as the JDK's parser itself refuses nesting beyond {@code jdk.xml.maxElementDepth}.
     */
    private static final int MAX_DEPTH = 64;

    /** Lower case, because HTML parsers match names case-insensitively when the SVG ends up inlined in a page. */
    private static final Set<String> ACTIVE_ELEMENTS = Set.of("script", "handler", "listener", "foreignobject",
            "iframe", "frame", "frameset", "embed", "object", "applet", "audio", "video", "base", "link", "meta");

    /** Vocabularies that can run or pull in content when mixed into an SVG. */
    private static final Set<String> ACTIVE_NAMESPACES = Set.of("http://www.w3.org/1999/xhtml",
            "http://www.w3.org/1998/Math/MathML", "http://www.w3.org/1999/XSL/Transform",
            "http://www.w3.org/2001/XInclude", "http://www.w3.org/2001/xml-events");

    private static final Set<String> ANIMATIONS = Set.of("animate", "set", "animatecolor", "animatemotion",
            "animatetransform");

    /** What an animation may not rewrite: links, styles (which may fetch), sources and the base of links. */
    private static final Set<String> ANIMATION_FORBIDDEN_TARGETS = Set.of("href", "style", "src", "base",
            "attributename");

    /** The attributes of an animation that hold the values it writes. */
    private static final Set<String> ANIMATION_VALUES = Set.of("values", "to", "from", "by");

    /** A script or a whole document as a URL, in a value already stripped of white space and in lower case. */
    private static final Pattern SCRIPT_OR_DOCUMENT = Pattern.compile("(?:java|vb)script:|data:");

    /** The elements that may hold an embedded raster picture instead of a reference within the document. */
    private static final Set<String> PICTURE_ELEMENTS = Set.of("image", "feimage");

    private static final Pattern EMBEDDED_RASTER =
            Pattern.compile("data:image/(png|jpeg|gif|webp)[;,].*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** Captures the first character of what a CSS {@code url(...)} points to, which must be {@code #}. */
    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?\\s*(.?)", Pattern.CASE_INSENSITIVE);

    private static final Pattern PIXELS =
            Pattern.compile("\\s*\\+?((?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*(?:px)?\\s*");

    private enum Prolog { NOT_SVG, SVG, SVG_WITH_DOCTYPE }

    private SvgInspector() {
    }

    /** Whether the upload claims to be an SVG: its first element, after the XML prolog, is named {@code svg}. */
    static boolean looksLikeSvg(byte[] upload) {
        return prolog(upload) != Prolog.NOT_SVG;
    }

    /** Returns the checked and re-serialized SVG with its size in pixels, or throws {@link InvalidInput}. */
    static CheckedLogo inspect(byte[] upload) {
        Document document = parse(upload);
        Element root = document.getDocumentElement();
        if (!"svg".equals(root.getLocalName()) || !SVG_NAMESPACE.equals(root.getNamespaceURI())) {
            // Without the SVG namespace browsers do not draw it: it is some other XML.
            throw refusal("tenant.logo.unsupported");
        }
        requireInactiveChildren(document, 0);
        double[] size = size(root);
        return new CheckedLogo(CheckedLogo.SVG, serialize(document), pixels(size[0]), pixels(size[1]));
    }

    /**
     * Reads past a byte order mark, white space, processing instructions and comments to a DOCTYPE or the first
     * element. Markup is ASCII, so reading the bytes as Latin-1 is enough to find it in any ASCII-based encoding.
     */
    private static Prolog prolog(byte[] upload) {
        String text = new String(upload, StandardCharsets.ISO_8859_1);
        int at = leadingSpace(upload);
        while (true) {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            if (text.startsWith("<?", at)) {
                at = skipPast(text, "?>", at);
            } else if (text.startsWith("<!--", at)) {
                at = skipPast(text, "-->", at);
            } else if (text.startsWith("<!DOCTYPE", at)) {
                // Its name is the root's; what follows will be refused, so there is no need to read on.
                return isSvgName(nameAt(text, at + "<!DOCTYPE".length())) ? Prolog.SVG_WITH_DOCTYPE : Prolog.NOT_SVG;
            } else if (text.startsWith("<", at) && isSvgName(nameAt(text, at + 1))) {
                return Prolog.SVG;
            } else {
                return Prolog.NOT_SVG;
            }
            if (at < 0) {
                return Prolog.NOT_SVG;
            }
        }
    }

    /** The length of a UTF-8 byte order mark and white space before the markup starts. */
    private static int leadingSpace(byte[] upload) {
        boolean byteOrderMark = upload.length >= 3
                && upload[0] == (byte) 0xEF && upload[1] == (byte) 0xBB && upload[2] == (byte) 0xBF;
        int at = byteOrderMark ? 3 : 0;
        while (at < upload.length && " \t\r\n".indexOf(upload[at]) >= 0) {
            at++;
        }
        return at;
    }

    private static int skipPast(String text, String end, int from) {
        int found = text.indexOf(end, from);
        return found < 0 ? -1 : found + end.length();
    }

    private static String nameAt(String text, int from) {
        int start = from;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        int end = start;
        while (end < text.length() && "\t\n\r />[".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        return text.substring(start, end);
    }

    private static boolean isSvgName(String qualifiedName) {
        return qualifiedName.substring(qualifiedName.indexOf(':') + 1).equals("svg");
    }

    private static Document parse(byte[] upload) {
        DocumentBuilder builder;
        try {
            // The JDK's own parser, so that every hardening feature below is known to it.
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // No DOCTYPE at all: it is where external entities (XXE) and entity bombs live.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            builder = factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The XML parser cannot be hardened", e);
        }
        builder.setErrorHandler(new FailOnError());
        builder.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("External entity refused: " + systemId);
        });
        try {
            // XML allows nothing before its declaration, but a stray line break from an editor should not cost a logo.
            int start = leadingSpace(upload);
            return builder.parse(new ByteArrayInputStream(upload, start, upload.length - start));
        } catch (SAXException | IOException e) {
            // A DOCTYPE can only stand in the prolog, so the prolog says whether it is what the parser refused.
            throw refusal(prolog(upload) == Prolog.SVG_WITH_DOCTYPE ? "tenant.logo.svg-unsafe"
                    : "tenant.logo.unreadable");
        }
    }

    private static void requireInactiveChildren(Node parent, int depth) {
        if (depth > MAX_DEPTH) {
            throw refusal("tenant.logo.unreadable");
        }
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                // <?xml-stylesheet?> makes a browser run XSLT over the document.
                case Node.PROCESSING_INSTRUCTION_NODE, Node.ENTITY_REFERENCE_NODE -> throw unsafe();
                case Node.ELEMENT_NODE -> {
                    requireInactive((Element) child);
                    requireInactiveChildren(child, depth + 1);
                }
                default -> {
                    // text, CDATA and comments are inert
                }
            }
        }
    }

    private static void requireInactive(Element element) {
        String name = lowerCase(element.getLocalName());
        if (ACTIVE_ELEMENTS.contains(name) || ACTIVE_NAMESPACES.contains(element.getNamespaceURI())) {
            throw unsafe();
        }
        if (name.equals("style") && !isInertCss(element.getTextContent())) {
            throw unsafe();
        }
        if (ANIMATIONS.contains(name)) {
            requireInactiveAnimation(element);
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String namespace = attribute.getNamespaceURI();
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(namespace)) {
                continue; // a namespace declaration, judged by the elements that use it
            }
            String attributeName = lowerCase(attribute.getLocalName());
            String value = attribute.getValue();
            boolean active = attributeName.startsWith("on")
                    || attributeName.equals("href") && !isInnerReference(name, value)
                    // xml:base would let even a #fragment point to another document
                    || XMLConstants.XML_NS_URI.equals(namespace) && attributeName.equals("base")
                    // plain attributes are SVG's own; presentation attributes are CSS and may fetch with url();
                    // a prefixed style is judged too, because a copy that loses its prefix would apply it
                    || (namespace == null || attributeName.equals("style")) && !isInertCss(value);
            if (active) {
                throw unsafe();
            }
        }
    }

    /**
     * An animation rewrites one of its element's attributes after the check: it may target none that links, loads
     * or runs anything, and its values may name no script or document. The target is compared the way a browser
     * resolves it (no white space, any case, without its namespace prefix), whichever case the attribute itself
     * is spelt in, because an HTML parser that inlines the logo reads attribute names case-insensitively.
     */
    private static void requireInactiveAnimation(Element animation) {
        NamedNodeMap attributes = animation.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String attributeName = lowerCase(attribute.getLocalName());
            String value = visible(attribute.getValue());
            if (attributeName.equals("attributename")) {
                String target = localPart(value);
                if (target.startsWith("on") || ANIMATION_FORBIDDEN_TARGETS.contains(target)) {
                    throw unsafe();
                }
            } else if (ANIMATION_VALUES.contains(attributeName)
                    && (SCRIPT_OR_DOCUMENT.matcher(value).find() || !isInertCss(attribute.getValue()))) {
                throw unsafe();
            }
        }
    }

    /** The text as a browser's URL and name parsing sees it: lower case, without white space and invisible characters. */
    private static String visible(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                        && !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .forEach(kept::appendCodePoint);
        return lowerCase(kept.toString());
    }

    private static boolean isInnerReference(String elementName, String href) {
        String target = href.strip();
        if (target.startsWith("#")) {
            // White space, control and invisible characters are no part of a fragment name; browsers drop some.
            return visible(target).equals(lowerCase(target));
        }
        return PICTURE_ELEMENTS.contains(elementName) && EMBEDDED_RASTER.matcher(target).matches();
    }

    private static boolean isInertCss(String css) {
        String lower = lowerCase(css);
        // A backslash is a CSS escape, which could spell url( or @import past the checks below.
        if (lower.contains("\\") || lower.contains("@import") || lower.contains("expression(")
                || lower.contains("image-set(")) {
            return false;
        }
        Matcher url = CSS_URL.matcher(css);
        while (url.find()) {
            if (!url.group(1).equals("#")) {
                return false;
            }
        }
        return true;
    }

    /** Width and height in pixels: from the attributes where they are plain numbers, else from the viewBox. */
    private static double[] size(Element root) {
        Double width = length(root.getAttribute("width"));
        Double height = length(root.getAttribute("height"));
        if (width != null && height != null) {
            return new double[] {width, height};
        }
        double[] viewBox = viewBox(root.getAttribute("viewBox"));
        if (viewBox == null) {
            throw refusal("tenant.logo.svg-size");
        }
        // One given side keeps the viewBox's proportions, as a browser draws it.
        if (width != null) {
            return new double[] {width, width * viewBox[1] / viewBox[0]};
        }
        if (height != null) {
            return new double[] {height * viewBox[0] / viewBox[1], height};
        }
        return viewBox;
    }

    private static Double length(String value) {
        Matcher matcher = PIXELS.matcher(value);
        if (!matcher.matches()) {
            return null;
        }
        double pixels = Double.parseDouble(matcher.group(1));
        return pixels > 0 && Double.isFinite(pixels) ? pixels : null;
    }

    /** The viewBox's width and height, or null if it has none or they are not positive. */
    private static double[] viewBox(String value) {
        String[] parts = value.strip().split("[\\s,]+");
        if (parts.length != 4) {
            return null;
        }
        try {
            double width = Double.parseDouble(parts[2]);
            double height = Double.parseDouble(parts[3]);
            Double.parseDouble(parts[0]);
            Double.parseDouble(parts[1]);
            boolean valid = width > 0 && height > 0 && Double.isFinite(width) && Double.isFinite(height);
            return valid ? new double[] {width, height} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int pixels(double length) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, Math.round(length)));
    }

    private static byte[] serialize(Document document) {
        try {
            TransformerFactory factory = TransformerFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, StandardCharsets.UTF_8.name());
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("A parsed SVG could not be written again", e);
        }
    }

    private static InvalidInput unsafe() {
        return refusal("tenant.logo.svg-unsafe");
    }

    private static String localPart(String qualifiedName) {
        return qualifiedName.substring(qualifiedName.indexOf(':') + 1);
    }

    private static String lowerCase(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /** Makes errors fatal and keeps the parser from printing them to the console. */
    private static final class FailOnError implements ErrorHandler {

        @Override
        public void warning(SAXParseException exception) {
            // nothing to act on
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    }
}
