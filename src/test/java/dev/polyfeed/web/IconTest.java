package dev.polyfeed.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import dev.polyfeed.testing.Xml;
import io.quarkus.test.junit.QuarkusTest;

/** The site's icon, which browsers and readers (Liferea logs a failed download) ask for. */
@QuarkusTest
class IconTest {

    @Test
    void anIcoAndAnSvgIconAreServedAndPagesLinkTheSvg() throws Exception {
        byte[] ico = given().get("/favicon.ico").then().statusCode(200).contentType("image/x-icon").extract()
                .asByteArray();
        ByteBuffer header = ByteBuffer.wrap(ico).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0, header.getShort(0));
        assertEquals(1, header.getShort(2), "an icon, not a cursor");
        assertEquals(1, header.getShort(4), "one image");
        int size = header.getInt(14);
        int offset = header.getInt(18);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Arrays.copyOfRange(ico, offset, offset + size)));
        assertEquals(32, image.getWidth());
        assertEquals(32, image.getHeight());

        byte[] svg = given().get("/favicon.svg").then().statusCode(200).contentType(startsWith("image/svg+xml"))
                .extract().asByteArray();
        assertEquals("svg", Xml.parse(svg).text("local-name(/*)"));
        String index = given().get("/").asString();
        assertEquals(FeedsTest.BASE + "/favicon.svg", Jsoup.parse(index).selectFirst("link[rel=icon]").attr("href"));
    }
}
