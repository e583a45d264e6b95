// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.datalink;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Locale;
import org.pzvo.auth.AccessKeys;
import org.pzvo.auth.Identity;
import org.pzvo.dali.DaliException;
import org.pzvo.dali.DaliParams;
import org.pzvo.dali.DaliResponses;
import org.pzvo.db.TableMeta;
import org.pzvo.obscore.Product;
import org.pzvo.tap.TapService;

/**
 * {@code /datalink/preview?ID=} (the DataLink {@code #preview} link): a PNG of a registered
 * product. A map (or a map's MOC) is drawn from {@code maps.map_pixel}; a product of a positional
 * catalog as the surface density of its rows from the order-29 HEALPix column ({@link SkyMap}),
 * both by {@link PreviewImage}. Rendered PNGs are cached under {@code <data>/cache/preview},
 * keyed by the identifier and the product's checksum, so a re-ingested product gets a fresh
 * image. Errors are DALI error documents: 400 missing ID or a product without sky pixels, 404
 * unknown ID. Completes every response itself.
 */
public final class PreviewServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient TapService tap;
    private final transient ProductLookup products;
    private final transient Path cacheDir;

    public PreviewServlet(TapService tap, Path dataDir) {
        this.tap = tap;
        this.products = new ProductLookup(tap.syncDataSource());
        this.cacheDir = dataDir.resolve("cache").resolve("preview");
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            Product product = products.product(DaliParams.of(req), tap.metadata(), AccessKeys.of(Identity.of(req)));
            Path cached = cacheDir.resolve(key(product) + ".png");
            if (!Files.isRegularFile(cached)) {
                byte[] png = render(product);
                Files.createDirectories(cacheDir);
                Path tmp = Files.createTempFile(cacheDir, ".preview-", ".tmp");
                Files.write(tmp, png);
                Files.move(tmp, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            resp.setStatus(200);
            resp.setContentType("image/png");
            resp.setContentLengthLong(Files.size(cached));
            Files.copy(cached, resp.getOutputStream());
        } catch (DaliException e) {
            DaliResponses.sendError(resp, e);
        } catch (IOException | RuntimeException e) {
            DaliResponses.sendUnexpected(resp, e);
        }
    }

    private byte[] render(Product product) throws DaliException, IOException {
        try (Connection c = tap.syncDataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                if (product.mapId() != null) {
                    return mapPreview(c, product);
                }
                if (product.tableName() != null) {
                    return catalogPreview(c, product);
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new DaliException(503, "The product's pixels cannot be read now; try again later", e);
        }
        throw DaliException.badRequest("Product " + product.publisherDid() + " (" + product.productType()
                + ") has no sky pixels to draw; previews exist for maps and catalog products");
    }

    private static byte[] mapPreview(Connection c, Product product) throws SQLException, IOException, DaliException {
        try (PreparedStatement ps = c.prepareStatement("SELECT \"product_type\", \"band\", \"quantity\","
                + " \"value_unit\", \"hpx_order\", \"n_pixels\", \"sky_area\", (SELECT COUNT(p.\"pixel_value\") FROM"
                + " \"maps\".\"map_pixel\" p WHERE p.\"map_id\" = m.\"map_id\") FROM \"maps\".\"map\" m"
                + " WHERE \"map_id\" = ?")) {
            ps.setString(1, product.mapId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new DaliException(404, "Product " + product.publisherDid() + " names map "
                            + product.mapId() + ", which is not in maps.map");
                }
                String kind = rs.getString(1);
                String band = rs.getString(2);
                boolean useMask = rs.getLong(8) == 0;
                String quantity = useMask ? "bit mask (sum of 2^bit over the bits set)"
                        : describe(kind, nonNull(rs.getString(3), "value"));
                String unit = useMask ? null : rs.getString(4);
                int order = rs.getInt(5);
                SkyMap map = SkyMap.ofMap(c, product.mapId(), order, useMask);
                String title = "Map " + product.mapId() + " \u00b7 " + kind
                        + (band == null ? "" : " \u00b7 band " + band);
                String subtitle = String.format(Locale.ROOT, "%s%s \u00b7 HEALPix order %d NESTED, ICRS \u00b7 %,d"
                        + " pixels \u00b7 %.1f deg\u00b2", quantity, unit == null ? "" : " [" + unit + "]", order,
                        rs.getLong(6), rs.getDouble(7));
                return PreviewImage.png(map, new PreviewImage.Labels(title, subtitle,
                        quantity + (unit == null ? "" : " [" + unit + "]")));
            }
        }
    }

    private byte[] catalogPreview(Connection c, Product product) throws SQLException, IOException, DaliException {
        // The product is visible to the user (ProductLookup), and so is the table it derives from.
        TableMeta table = tap.metadata().table(product.tableName())
                .filter(t -> t.position().isPresent()).orElseThrow(() -> DaliException.badRequest("Product "
                        + product.publisherDid() + " derives from " + product.tableName()
                        + ", which is not a published table with a sky position"));
        SkyMap density = SkyMap.densityOf(c, table);
        String title = "Catalog " + table.qualifiedName() + " \u00b7 surface density of rows";
        String subtitle = String.format(Locale.ROOT, "rows per deg\u00b2, counted in HEALPix order %d cells"
                + " (%.3f deg\u00b2) of %s \u00b7 %,d occupied cells", density.order, density.pixelAreaDeg2(),
                table.position().orElseThrow().healpix(), density.pixels.length);
        return PreviewImage.png(density, new PreviewImage.Labels(title, subtitle, "surface density [deg**-2]"));
    }

    /** A readable name of what a map measures, with its UCD. */
    private static String describe(String kind, String ucd) {
        String name = switch (kind) {
            case "depth" -> "5\u03c3 limiting magnitude";
            case "footprint" -> "fraction of the pixel in the footprint";
            case "coverage" -> "covered fraction of the pixel";
            case "visibility" -> "visibility";
            default -> null;
        };
        return name == null ? ucd : name + " (" + ucd + ")";
    }

    private static String nonNull(String value, String fallback) {
        return value == null ? fallback : value;
    }

    /** The cache key: SHA-256 of the identifier and the product's own checksum. */
    private static String key(Product product) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((product.publisherDid() + "\n" + product.sha256()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
