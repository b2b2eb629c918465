package dev.kontor.tenant;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.kontor.base.InvalidInput;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

class LogoCheckTest {

    private static final String SVG_START = "<svg xmlns=\"http://www.w3.org/2000/svg\" "
            + "xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"200\" height=\"60\">";

    // --- accepted

    @Test
    void accepts_a_png_of_the_largest_size() {
        byte[] png = image(400, 120, "png");

        CheckedLogo logo = LogoCheck.check(png);

        assertThat(logo.mediaType()).isEqualTo("image/png");
        assertThat(logo.width()).isEqualTo(400);
        assertThat(logo.height()).isEqualTo(120);
        assertThat(logo.content()).isEqualTo(png);
    }

    @Test
    void accepts_a_jpeg() {
        CheckedLogo logo = LogoCheck.check(image(300, 100, "jpg"));

        assertThat(logo.mediaType()).isEqualTo("image/jpeg");
        assertThat(logo.width()).isEqualTo(300);
        assertThat(logo.height()).isEqualTo(100);
    }

    @Test
    void accepts_an_svg_with_width_and_height() {
        CheckedLogo logo = LogoCheck.check(svg(SVG_START + "<rect width=\"200\" height=\"60\" fill=\"#036\"/></svg>"));

        assertThat(logo.mediaType()).isEqualTo("image/svg+xml");
        assertThat(logo.width()).isEqualTo(200);
        assertThat(logo.height()).isEqualTo(60);
    }

    @Test
    void takes_the_size_of_an_svg_from_its_view_box_when_it_has_no_width_and_height() {
        CheckedLogo logo = LogoCheck.check(svg("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 300 90\">"
                + "<circle cx=\"45\" cy=\"45\" r=\"40\"/></svg>"));

        assertThat(logo.width()).isEqualTo(300);
        assertThat(logo.height()).isEqualTo(90);
    }

    @Test
    void scales_the_view_box_when_only_one_side_is_given_and_reads_px_units() {
        CheckedLogo logo = LogoCheck.check(svg("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200px\" "
                + "viewBox=\"0,0,800,240\"/>"));

        assertThat(logo.width()).isEqualTo(200);
        assertThat(logo.height()).isEqualTo(60);
    }

    @Test
    void accepts_an_svg_after_a_byte_order_mark_xml_declaration_and_comment_and_stores_it_re_serialized() {
        String upload = "\uFEFF\n<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- drawn by hand -->\n"
                + SVG_START + "<title>Gr&#252;n &amp; Co</title><rect width=\"10\" height=\"10\"/></svg>";

        CheckedLogo logo = LogoCheck.check(svg(upload));

        String stored = new String(logo.content(), UTF_8);
        assertThat(stored).doesNotContain("<?xml", "&#252;").contains("Grün &amp; Co");
        Document reparsed = parse(logo.content());
        assertThat(reparsed.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(reparsed.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(LogoCheck.check(logo.content())).as("checking the stored logo again").isEqualTo(logo);
    }

    @Test
    void accepts_inner_references_gradients_styles_embedded_pictures_and_editor_metadata() {
        String upload = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\""
                + " xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\" width=\"120\" height=\"40\">"
                + "<style>.mark { fill: url( '#fade' ); }</style>"
                + "<defs><linearGradient id=\"fade\"><stop offset=\"0\" stop-color=\"#fff\"/></linearGradient>"
                + "<path id=\"p\" d=\"M0 0 L10 10\" inkscape:label=\"Layer 1\"/></defs>"
                + "<use xlink:href=\"#p\" style=\"stroke: url(#fade)\"/><use href=\"#p\" fill=\"url(#fade)\"/>"
                + "<a href=\"#p\"><text>Kontor</text></a>"
                + "<image width=\"1\" height=\"1\" href=\"data:image/png;base64,iVBORw0KGgo=\"/>"
                + "<animate attributeName=\"opacity\" from=\"0\" to=\"1\" dur=\"1s\"/></svg>";

        CheckedLogo logo = LogoCheck.check(svg(upload));

        assertThat(logo.width()).isEqualTo(120);
        assertThat(logo.height()).isEqualTo(40);
    }

    @Test
    void accepts_an_upload_of_exactly_the_largest_size() {
        byte[] padded = Arrays.copyOf(image(40, 12, "png"), LogoCheck.MAX_BYTES);

        assertThat(LogoCheck.check(padded).content()).hasSize(200 * 1024);
    }

    // --- refused: size and dimensions

    @Test
    void refuses_an_empty_upload() {
        assertRefused(null, "tenant.logo.empty");
        assertRefused(new byte[0], "tenant.logo.empty");
    }

    @Test
    void refuses_more_than_200_kb() {
        assertRefused(Arrays.copyOf(image(40, 12, "png"), LogoCheck.MAX_BYTES + 1), "tenant.logo.too-large", 200);
        assertRefused(noise(300 * 1024), "tenant.logo.too-large", 200);
    }

    @Test
    void refuses_a_png_one_pixel_too_wide() {
        assertRefused(image(401, 10, "png"), "tenant.logo.dimensions", 401, 10, 400, 120);
    }

    @Test
    void refuses_a_png_one_pixel_too_high() {
        assertRefused(image(10, 121, "png"), "tenant.logo.dimensions", 10, 121, 400, 120);
    }

    @Test
    void refuses_a_jpeg_too_wide() {
        assertRefused(image(800, 100, "jpg"), "tenant.logo.dimensions", 800, 100, 400, 120);
    }

    @Test
    void refuses_a_tiny_png_claiming_a_huge_canvas_by_its_header_before_decoding_it() {
        assertRefused(withHeaderSize(image(1, 1, "png"), 100_000, 100_000), "tenant.logo.dimensions", 100_000,
                100_000, 400, 120);
    }

    @Test
    void refuses_an_svg_too_large_in_pixels() {
        assertRefused(svg("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"800\" height=\"100\"/>"),
                "tenant.logo.dimensions", 800, 100, 400, 120);
        assertRefused(svg("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1000 500\"/>"),
                "tenant.logo.dimensions", 1000, 500, 400, 120);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"10\" height=\"10\"/></svg>",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" height=\"100%\"/>",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"5cm\" height=\"2cm\"/>",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 0 0\"/>",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"300\" viewBox=\"none\"/>"})
    void refuses_an_svg_whose_size_cannot_be_determined(String upload) {
        assertRefused(svg(upload), "tenant.logo.svg-size");
    }

    // --- refused: not an image, or a broken one

    @Test
    void refuses_an_executable_renamed_to_png_even_when_it_carries_a_picture() {
        byte[] png = image(40, 12, "png");
        byte[] executable = new byte[png.length + 64];
        executable[0] = 'M';
        executable[1] = 'Z';
        System.arraycopy(png, 0, executable, 64, png.length);

        assertRefused(executable, "tenant.logo.unsupported");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\u007FELF\u0002\u0001\u0001",
        "PK\u0003\u0004 zip",
        "just some text, saved as logo.png",
        "<!DOCTYPE html><html><body><svg xmlns=\"http://www.w3.org/2000/svg\"/></body></html>",
        "<html><script>alert(1)</script></html>",
        "<?xml version=\"1.0\"?><logo>not svg</logo>",
        "<svg width=\"10\" height=\"10\"/>"})
    void refuses_content_that_is_not_png_jpeg_or_svg(String upload) {
        assertRefused(upload.getBytes(UTF_8), "tenant.logo.unsupported");
    }

    @Test
    void refuses_a_gif() {
        assertRefused(image(40, 12, "gif"), "tenant.logo.unsupported");
    }

    @Test
    void refuses_a_png_signature_followed_by_garbage() {
        byte[] garbage = Arrays.copyOf(image(1, 1, "png"), 8 + 500);
        System.arraycopy(noise(500), 0, garbage, 8, 500);

        assertRefused(garbage, "tenant.logo.unreadable");
    }

    @Test
    void refuses_a_truncated_png() {
        byte[] png = noisyPng(200, 100);

        assertRefused(Arrays.copyOf(png, png.length / 2), "tenant.logo.unreadable");
    }

    @Test
    void refuses_a_jpeg_start_without_an_image() {
        byte[] jpeg = image(200, 100, "jpg");

        assertRefused(Arrays.copyOf(jpeg, 20), "tenant.logo.unreadable");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect></svg>",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/><svg/>",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">&nbsp;</svg>"})
    void refuses_malformed_svg_as_unreadable(String upload) {
        assertRefused(svg(upload), "tenant.logo.unreadable");
    }

    // --- refused: active SVG

    @ParameterizedTest
    @ValueSource(strings = {
        "<script>alert(1)</script>",
        "<SCRIPT>alert(1)</SCRIPT>",
        "<script xlink:href=\"#inner\"/>",
        "<rect width=\"5\" height=\"5\" onload=\"alert(1)\"/>",
        "<rect width=\"5\" height=\"5\" onClick=\"alert(1)\"/>",
        "<a xlink:href=\"http://example.test/\"><text>x</text></a>",
        "<a href=\"javascript:alert(1)\"><text>x</text></a>",
        "<a href=\"&#106;avascript:alert(1)\"><text>x</text></a>",
        "<a href=\" data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;\"><text>x</text></a>",
        "<image href=\"data:image/svg+xml;base64,PHN2Zy8+\" width=\"5\" height=\"5\"/>",
        "<image xlink:href=\"https://tracker.test/pixel.png\" width=\"5\" height=\"5\"/>",
        "<use xlink:href=\"https://evil.test/sprite.svg#icon\"/>",
        "<use href=\"other.svg#icon\"/>",
        "<foreignObject width=\"10\" height=\"10\"><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject>",
        "<iframe xmlns=\"http://www.w3.org/1999/xhtml\" src=\"https://evil.test/\"/>",
        "<embed src=\"evil.swf\"/>",
        "<object data=\"evil.pdf\"/>",
        "<p xmlns=\"http://www.w3.org/1999/xhtml\">html inside</p>",
        "<style>@import url(https://evil.test/x.css);</style>",
        "<style>@import 'https://evil.test/x.css';</style>",
        "<style>rect { fill: url(https://evil.test/p.svg#p) }</style>",
        "<style><![CDATA[ rect { background: URL( \"//evil.test/x\" ) } ]]></style>",
        "<style>rect { fill: u\\72l(https://evil.test/) }</style>",
        "<rect width=\"5\" height=\"5\" fill=\"url(https://evil.test/p.svg#p)\"/>",
        "<rect width=\"5\" height=\"5\" style=\"filter: url('http://evil.test/f.svg#f')\"/>",
        "<a href=\"#x\"><set attributeName=\"href\" to=\"javascript:alert(1)\"/><text id=\"x\">x</text></a>",
        "<a><animate attributeName=\"xlink:href\" values=\"javascript:alert(1)\"/></a>",
        "<rect width=\"5\" height=\"5\"><set attributeName=\"onmouseover\" to=\"alert(1)\"/></rect>",
        "<rect width=\"5\" height=\"5\"><set attributeName=\"fill\" to=\"url(http://evil.test/p#p)\"/></rect>",
        "<g xml:base=\"https://evil.test/\"><use href=\"#p\"/></g>",
        "<handler type=\"application/ecmascript\">alert(1)</handler>",
        "<?xml-stylesheet type=\"text/xsl\" href=\"https://evil.test/x.xsl\"?>"})
    void refuses_svg_with_active_or_external_content(String inside) {
        assertRefused(svg(SVG_START + inside + "</svg>"), "tenant.logo.svg-unsafe");
    }

    /**
     * Browsers read the target of an animation and a link after their own normalization (white space, case,
     * namespace prefix, character references), so the check must compare what the browser will see, not the bytes.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "<a><animate attributeName=\" href\" values=\"javascript:alert(1)\"/></a>",
        "<a><animate attributeName=\"href \" values=\"javascript:alert(1)\"/></a>",
        "<a><animate attributeName=\"&#9;href&#10;\" values=\"javascript:alert(1)\"/></a>",
        "<a><animate attributeName=\"HREF\" values=\"javascript:alert(1)\"/></a>",
        "<a><animate attributeName=\"Xlink:Href\" values=\"javascript:alert(1)\"/></a>",
        "<a><animate attributeName=\" xlink:href \" values=\"javascript:alert(1)\"/></a>",
        "<a><animate attributeName=\"foo:href\" values=\"#x\"/></a>",
        "<a><set attributeName=\"&#104;ref\" to=\"javascript:alert(1)\"/></a>",
        "<a><SET attributeName=\"href\" to=\"#x\"/></a>",
        "<a><animateMotion attributeName=\"href\" from=\"#x\" to=\"#y\"/></a>",
        "<a><animateTransform attributeName=\" href\" by=\"javascript:alert(1)\"/></a>",
        "<rect width=\"5\" height=\"5\"><set attributeName=\" onclick\" to=\"alert(1)\"/></rect>",
        "<rect width=\"5\" height=\"5\"><set attributeName=\"ONLOAD\" to=\"alert(1)\"/></rect>",
        "<rect width=\"5\" height=\"5\"><set attributeName=\"style\" to=\"fill:red\"/></rect>",
        "<rect width=\"5\" height=\"5\"><set AttributeName=\"href\" to=\"#x\"/></rect>",
        "<rect width=\"5\" height=\"5\"><set attributename=\"href\" to=\"#x\"/></rect>",
        "<rect width=\"5\" height=\"5\"><animate attributeName=\"fill\" values=\"red; javascript:alert(1)\"/></rect>",
        "<rect width=\"5\" height=\"5\"><animate attributeName=\"fill\" to=\" JavaScript:alert(1)\"/></rect>",
        "<rect width=\"5\" height=\"5\"><animate attributeName=\"fill\" from=\"java&#9;script:alert(1)\"/></rect>",
        "<rect width=\"5\" height=\"5\"><animate attributeName=\"fill\" by=\"data:text/html,x\"/></rect>",
        "<rect width=\"5\" height=\"5\"><animate attributeName=\"fill\" values=\"url(https://evil.test/p#p)\"/></rect>",
        "<a href=\"&#0010;javascript:alert(1)\"><text>x</text></a>",
        "<a href=\"&#x7F;#x\"><text>x</text></a>",
        "<a href=\"#x&#x202E;\"><text>x</text></a>",
        "<a href=\"java&#x09;script:alert(1)\"><text>x</text></a>",
        "<a HREF=\"javascript:alert(1)\"><text>x</text></a>",
        "<a xlink:HREF=\"javascript:alert(1)\"><text>x</text></a>",
        "<a xmlns:x=\"http://www.w3.org/1999/xlink\" x:href=\"javascript:alert(1)\"><text>x</text></a>",
        "<a xmlns:evil=\"urn:evil\" evil:href=\"javascript:alert(1)\"><text>x</text></a>",
        "<image href=\" data:image/svg+xml;base64,PHN2Zy8+\" width=\"5\" height=\"5\"/>",
        "<image href=\"DATA:text/html;base64,PHN2Zy8+\" width=\"5\" height=\"5\"/>",
        "<image href=\"data:image/png;base64,iVBORw0KGgo=\" width=\"5\" height=\"5\" style=\"x:url(//evil.test/)\"/>",
        "<rect width=\"5\" height=\"5\" ONCLICK=\"alert(1)\"/>",
        "<rect width=\"5\" height=\"5\" STYLE=\"fill: URL(//evil.test/x)\"/>",
        "<rect width=\"5\" height=\"5\" xmlns:evil=\"urn:evil\" evil:style=\"fill: url(//evil.test/x)\"/>",
        "<rect width=\"5\" height=\"5\" xmlns:evil=\"urn:evil\" evil:onclick=\"alert(1)\"/>",
        "<style>@IMPORT url(//evil.test/x.css);</style>",
        "<style>@import&#9;'//evil.test/x.css';</style>",
        "<style>rect { fill: url(&quot;//evil.test/x&quot;) }</style>",
        "<style>rect { fill: url(&#9;//evil.test/x) }</style>"})
    void refuses_svg_whose_active_parts_are_hidden_by_white_space_case_namespaces_or_character_references(
            String inside) {
        assertRefused(svg(SVG_START + inside + "</svg>"), "tenant.logo.svg-unsafe");
    }

    @Test
    void refuses_svg_with_a_doctype_entities_or_a_stylesheet_instruction_before_the_root() {
        assertRefused(svg("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + SVG_START + "<text>&xxe;</text></svg>"), "tenant.logo.svg-unsafe");
        assertRefused(svg("<!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]>" + SVG_START + "<text>&c;</text></svg>"),
                "tenant.logo.svg-unsafe");
        assertRefused(svg("<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
                + "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">" + SVG_START + "</svg>"),
                "tenant.logo.svg-unsafe");
        assertRefused(svg("<?xml-stylesheet type=\"text/xsl\" href=\"https://evil.test/x.xsl\"?>" + SVG_START
                + "</svg>"), "tenant.logo.svg-unsafe");
    }

    @ParameterizedTest
    @ValueSource(ints = {80, 5_000})
    void refuses_svg_nested_deeper_than_any_drawing_needs_as_unreadable(int depth) {
        String upload = SVG_START + "<g>".repeat(depth) + "</g>".repeat(depth) + "</svg>";

        assertRefused(svg(upload), "tenant.logo.unreadable");
    }

    @Test
    void stores_no_script_because_whatever_could_run_was_refused_rather_than_cleaned() {
        String upload = SVG_START + "<desc>&lt;script&gt;alert(1)&lt;/script&gt;</desc>"
                + "<rect width=\"5\" height=\"5\"/></svg>";

        CheckedLogo logo = LogoCheck.check(svg(upload));

        Document stored = parse(logo.content());
        assertThat(stored.getElementsByTagNameNS("*", "script").getLength()).isZero();
        assertThat(new String(logo.content(), UTF_8)).doesNotContain("<script");
    }

    // --- the checked logo

    @Test
    void sha256_is_the_hex_digest_of_the_content_and_stable() {
        CheckedLogo logo = new CheckedLogo("image/png", "abc".getBytes(UTF_8), 1, 1);

        assertThat(logo.sha256())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
                .isEqualTo(new CheckedLogo("image/png", "abc".getBytes(UTF_8), 1, 1).sha256());
        byte[] png = image(40, 12, "png");
        assertThat(LogoCheck.check(png).sha256()).isEqualTo(LogoCheck.check(png.clone()).sha256()).hasSize(64);
    }

    @Test
    void compares_by_content_keeps_its_bytes_to_itself_and_does_not_print_them() {
        byte[] bytes = {1, 2, 3};
        CheckedLogo logo = new CheckedLogo("image/png", bytes, 40, 12);
        bytes[0] = 9;
        logo.content()[1] = 9;

        assertThat(logo.content()).containsExactly(1, 2, 3);
        assertThat(logo).isEqualTo(new CheckedLogo("image/png", new byte[] {1, 2, 3}, 40, 12))
                .hasSameHashCodeAs(new CheckedLogo("image/png", new byte[] {1, 2, 3}, 40, 12))
                .isNotEqualTo(new CheckedLogo("image/png", new byte[] {1, 2, 4}, 40, 12));
        assertThat(logo.toString()).isEqualTo("CheckedLogo[image/png, 40x12 px, 3 bytes]");
    }

    @Test
    void every_refusal_has_an_english_and_a_german_text() {
        for (String bundle : new String[] {"translations.properties", "translations_de.properties"}) {
            Properties texts = load("/vaadin-i18n/" + bundle);
            for (String key : new String[] {"empty", "too-large", "unsupported", "unreadable", "dimensions",
                    "svg-unsafe", "svg-size"}) {
                assertThat(texts.getProperty("tenant.logo." + key)).as(bundle + " " + key).isNotBlank();
            }
            String dimensions = new MessageFormat(texts.getProperty("tenant.logo.dimensions"), Locale.ROOT)
                    .format(new Object[] {401, 10, 400, 120});
            assertThat(dimensions).as(bundle).contains("401 × 10", "400 × 120");
            assertThat(new MessageFormat(texts.getProperty("tenant.logo.too-large"), Locale.ROOT)
                    .format(new Object[] {200})).as(bundle).contains("200 KB");
        }
    }

    // --- helpers

    private static void assertRefused(byte[] upload, String messageKey, Object... arguments) {
        assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> LogoCheck.check(upload)).satisfies(e -> {
            assertThat(e.field()).isEqualTo("logo");
            assertThat(e.messageKey()).isEqualTo(messageKey);
            assertThat(e.arguments()).containsExactly(arguments);
        });
    }

    private static byte[] svg(String text) {
        return text.getBytes(UTF_8);
    }

    private static byte[] image(int width, int height, String format) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(new Color(0x336699));
        graphics.fillRect(0, 0, width / 2, height);
        graphics.dispose();
        return write(image, format);
    }

    private static byte[] noisyPng(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        return write(image, "png");
    }

    private static byte[] write(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(ImageIO.write(image, format, out)).as("ImageIO writes " + format).isTrue();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] noise(int length) {
        byte[] bytes = new byte[length];
        new Random(7).nextBytes(bytes);
        return bytes;
    }

    /** Rewrites the IHDR chunk (always first, right after the signature) with another size and a valid CRC. */
    private static byte[] withHeaderSize(byte[] png, int width, int height) {
        byte[] changed = png.clone();
        ByteBuffer buffer = ByteBuffer.wrap(changed);
        buffer.putInt(16, width).putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(changed, 12, 4 + 13);
        buffer.putInt(12 + 4 + 13, (int) crc.getValue());
        return changed;
    }

    private static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new AssertionError("The stored SVG does not parse", e);
        }
    }

    private static Properties load(String resource) {
        try (InputStream in = LogoCheckTest.class.getResourceAsStream(resource)) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
