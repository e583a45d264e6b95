// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import nom.tam.util.FitsInputStream;
import org.junit.jupiter.api.Test;
import org.pzvo.sky.SkyIndex;
import org.pzvo.sky.Spherical;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;

/** /datalink/preview and /datalink/cutout over HTTP (CONTRACTS.md "DataLink links to services owned by sia"). */
interface DataLinkServiceTests extends ServedDemo {
    String DEPTH = "maps/depth_i_dp1_o10.fits";
    String CATALOG = "catalogs/lsst.object.moc.fits";
    /** Centre of the demo field at RA 53.13, Dec -28.10 (DemoSky). */
    double RA = 53.13;
    double DEC = -28.10;

    @Test
    default void mapPreviewIsAPngShowingTheFootprint() throws Exception {
        HttpResponse<byte[]> r = get("/datalink/preview", Map.of("ID", did(DEPTH)));
        assertEquals(200, r.statusCode(), ServedDemo.text(r));
        assertEquals("image/png", ServedDemo.contentType(r));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.body()));
        assertEquals(1200, img.getWidth());
        assertEquals(600, img.getHeight());
        Files.write(Path.of("target", "preview-map-" + getClass().getSimpleName() + ".png"), r.body());
        // Colours other than white, the no-data grey, black and greys: the map's own pixels.
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                int red = rgb >> 16;
                int green = (rgb >> 8) & 0xFF;
                int blue = rgb & 0xFF;
                if (!(red == green && green == blue)) {
                    colours.add(rgb);
                }
            }
        }
        assertTrue(colours.size() > 50, "expected a colour scale in use, found " + colours.size() + " colours");
        HttpResponse<byte[]> again = get("/datalink/preview", Map.of("ID", did(DEPTH)));
        assertEquals(200, again.statusCode());
        assertTrue(java.util.Arrays.equals(r.body(), again.body()), "the cached preview differs");
    }

    @Test
    default void catalogPreviewIsADensityMap() throws Exception {
        HttpResponse<byte[]> r = get("/datalink/preview", Map.of("ID", did(CATALOG)));
        assertEquals(200, r.statusCode(), ServedDemo.text(r));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.body()));
        assertEquals(1200, img.getWidth());
        Files.write(Path.of("target", "preview-catalog-" + getClass().getSimpleName() + ".png"), r.body());
    }

    @Test
    default void previewErrorsAreDaliDocuments() throws Exception {
        assertDaliError(get("/datalink/preview"), 400, "Missing parameter ID");
        assertDaliError(get("/datalink/preview", Map.of("ID", did("maps/nothing.fits"))), 404, "No product with ID");
        assertDaliError(get("/datalink/preview", Map.of("ID", "../../etc/passwd")), 404, "No product with ID");
        assertDaliError(get("/datalink/preview", Map.of("ID", did("training/photoz_pdf_run1.parquet"))), 400,
                "no sky pixels");
        assertDaliError(get("/datalink/preview", Map.of("ID", did("maps/ghost_o10.fits"))), 404, "not in maps.map");
    }

    @Test
    default void mapCutoutHoldsThePixelsOfTheCircle() throws Exception {
        double radius = 0.5;
        HttpResponse<byte[]> r = get("/datalink/cutout", Map.of("ID", did(DEPTH), "CIRCLE", RA + " " + DEC + " " + radius));
        assertEquals(200, r.statusCode(), ServedDemo.text(r));
        assertEquals("application/fits", ServedDemo.contentType(r));
        long[] pixels = fitsPixels(r.body(), "depth_i_dp1_o10");
        // Order-10 pixels are 0.057 deg across: every kept pixel centre lies within r + one pixel,
        // and every pixel whose centre is well inside the circle is kept.
        Set<Long> kept = new HashSet<>();
        for (long p : pixels) {
            double[] c = SkyIndex.center(10, p);
            assertTrue(Spherical.distanceDeg(RA, DEC, c[0], c[1]) < radius + 0.06, "pixel " + p + " too far");
            kept.add(p);
        }
        long inside = 0;
        for (long p : allPixels("depth_i_dp1_o10")) {
            double[] c = SkyIndex.center(10, p);
            if (Spherical.distanceDeg(RA, DEC, c[0], c[1]) < radius - 0.06) {
                inside++;
                assertTrue(kept.contains(p), "pixel " + p + " inside the circle is missing");
            }
        }
        assertTrue(inside > 100, "expected a field there, found " + inside + " pixels");
    }

    @Test
    default void mapCutoutByPolygonAndEmptyCutout() throws Exception {
        HttpResponse<byte[]> r = post("/datalink/cutout", Map.of("ID", did(DEPTH), "POLYGON",
                "53.0 -28.2 53.3 -28.2 53.3 -28.0 53.0 -28.0"));
        assertEquals(200, r.statusCode(), ServedDemo.text(r));
        long[] pixels = fitsPixels(r.body(), "depth_i_dp1_o10");
        assertTrue(pixels.length > 10 && pixels.length < 100, "pixels: " + pixels.length);
        HttpResponse<byte[]> empty = get("/datalink/cutout", Map.of("ID", did(DEPTH), "CIRCLE", "200 60 0.2"));
        assertEquals(200, empty.statusCode(), ServedDemo.text(empty));
        assertEquals(0, fitsPixels(empty.body(), "depth_i_dp1_o10").length);
    }

    @Test
    default void catalogCutoutReturnsTheRowsInside() throws Exception {
        double radius = 0.3;
        HttpResponse<byte[]> r = get("/datalink/cutout", Map.of("ID", did(CATALOG), "CIRCLE", RA + " " + DEC + " " + radius));
        assertEquals(200, r.statusCode(), ServedDemo.text(r));
        StarTable t = ServedDemo.table(r, "votable");
        int ra = -1;
        int dec = -1;
        for (int i = 0; i < t.getColumnCount(); i++) {
            ra = t.getColumnInfo(i).getName().equals("coord_ra") ? i : ra;
            dec = t.getColumnInfo(i).getName().equals("coord_dec") ? i : dec;
        }
        long n = 0;
        try (RowSequence rows = t.getRowSequence()) {
            while (rows.next()) {
                double d = Spherical.distanceDeg(RA, DEC, ((Number) rows.getCell(ra)).doubleValue(),
                        ((Number) rows.getCell(dec)).doubleValue());
                assertTrue(d <= radius, "row at " + d + " deg");
                n++;
            }
        }
        HttpResponse<byte[]> count = get("/tap/sync", Map.of("LANG", "ADQL", "RESPONSEFORMAT", "csv", "QUERY",
                "SELECT COUNT(*) FROM lsst.object WHERE 1 = CONTAINS(POINT(coord_ra, coord_dec), CIRCLE(" + RA + ", "
                        + DEC + ", " + radius + "))"));
        assertEquals(ServedDemo.text(count).strip().split("\n")[1].strip(), Long.toString(n));
        assertTrue(n > 0, "expected objects in the field");
    }

    @Test
    default void cutoutErrorsAreDaliDocuments() throws Exception {
        assertDaliError(get("/datalink/cutout", Map.of("ID", did(DEPTH))), 400, "Missing parameter CIRCLE or POLYGON");
        assertDaliError(get("/datalink/cutout", Map.of("ID", did(DEPTH), "CIRCLE", "1 2 3", "POLYGON", "1 2 3 4 5 6")),
                400, "Both CIRCLE and POLYGON");
        assertDaliError(get("/datalink/cutout", Map.of("ID", did(DEPTH), "CIRCLE", "53 -28")), 400, "CIRCLE takes 3");
        assertDaliError(get("/datalink/cutout", Map.of("ID", did(DEPTH), "CIRCLE", "53 -95 1")), 400, "-90 &lt;= dec");
        assertDaliError(get("/datalink/cutout", Map.of("ID", did(DEPTH), "POLYGON", "1 2 3 x 5 6")), 400,
                "POLYGON=1 2 3 x 5 6");
        assertDaliError(get("/datalink/cutout", Map.of("CIRCLE", "53 -28 1")), 400, "Missing parameter ID");
        assertDaliError(get("/datalink/cutout", Map.of("ID", did("maps/none.fits"), "CIRCLE", "53 -28 1")), 404,
                "No product with ID");
    }

    private static void assertDaliError(HttpResponse<byte[]> r, int status, String fragment) throws Exception {
        String body = ServedDemo.text(r);
        assertEquals(status, r.statusCode(), body);
        assertTrue(ServedDemo.contentType(r).startsWith("application/x-votable+xml"), ServedDemo.contentType(r));
        assertTrue(body.contains("<INFO name=\"QUERY_STATUS\" value=\"ERROR\">"), body);
        assertTrue(body.contains(fragment), body);
    }

    /** The PIXEL column of a cutout, after checking its HEALPix cards. */
    private static long[] fitsPixels(byte[] fitsBytes, String mapId) throws Exception {
        try (Fits fits = new Fits(new FitsInputStream(new ByteArrayInputStream(fitsBytes)))) {
            BinaryTableHDU hdu = (BinaryTableHDU) fits.getHDU(1);
            Header h = hdu.getHeader();
            assertEquals("HEALPIX", h.getStringValue("PIXTYPE"));
            assertEquals("NESTED", h.getStringValue("ORDERING"));
            assertEquals(1024, h.getLongValue("NSIDE"));
            assertEquals("PARTIAL", h.getStringValue("OBJECT"));
            assertEquals(mapId, h.getStringValue("MAPID"));
            BinaryTable t = hdu.getData();
            assertEquals(h.getLongValue("OBS_NPIX"), t.getNRows());
            long[] pixels = new long[t.getNRows()];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = ((long[]) t.getElement(i, 0))[0];
            }
            return pixels;
        }
    }

    /** Every pixel of a map, through TAP. */
    private long[] allPixels(String mapId) throws Exception {
        HttpResponse<byte[]> r = get("/tap/sync", Map.of("LANG", "ADQL", "RESPONSEFORMAT", "csv", "MAXREC", "1000000",
                "QUERY", "SELECT pixel FROM maps.map_pixel WHERE map_id = '" + mapId + "'"));
        String[] lines = ServedDemo.text(r).strip().split("\n");
        long[] out = new long[lines.length - 1];
        for (int i = 1; i < lines.length; i++) {
            out[i - 1] = Long.parseLong(lines[i].strip());
        }
        return out;
    }
}
