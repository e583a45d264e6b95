// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.datalink;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.pzvo.auth.AccessKeys;
import org.pzvo.auth.Identity;
import org.pzvo.dali.DaliException;
import org.pzvo.dali.DaliParams;
import org.pzvo.dali.DaliResponses;
import org.pzvo.dali.OutputFormat;
import org.pzvo.db.PositionMeta;
import org.pzvo.db.TableMeta;
import org.pzvo.ingest.MapFiles;
import org.pzvo.ingest.PixelSelection;
import org.pzvo.obscore.Product;
import org.pzvo.sia.PosShape;
import org.pzvo.sky.Coverage;
import org.pzvo.tap.AdqlText;
import org.pzvo.tap.TapQuery;
import org.pzvo.tap.TapService;

/**
 * {@code /datalink/cutout}, a synchronous SODA-style cutout (SODA 1.0 §3.3 CIRCLE and POLYGON, ICRS
 * degrees) of a registered product, GET or POST with {@code ID} and exactly one of
 * {@code CIRCLE="ra dec radius"} or {@code POLYGON="ra1 dec1 ra2 dec2 ra3 dec3 ..."}:
 * <ul>
 *   <li>a map (or a map's MOC): a partial HEALPix FITS map with the pixels that may intersect
 *       the shape (the HEALPix coverage of the shape, a tight superset), in the layout of the
 *       full map file ({@link MapFiles});</li>
 *   <li>a product of a positional catalog: the rows inside the shape, as a VOTable, through
 *       the TAP runner (HEALPix index rewrite, streaming).</li>
 * </ul>
 * An empty result is a valid empty file. Errors are DALI error documents: 400 bad or missing
 * parameters, 404 unknown ID. Completes every response itself.
 */
public final class CutoutServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** Ranges of the shape's coverage: enough to follow its outline closely at any map order. */
    private static final int MAX_RANGES = 4096;

    private final transient TapService tap;
    private final transient ProductLookup products;

    public CutoutServlet(TapService tap) {
        this.tap = tap;
        this.products = new ProductLookup(tap.syncDataSource());
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        handle(req, resp);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        handle(req, resp);
    }

    private void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            DaliParams params = DaliParams.of(req);
            PosShape shape = shape(params);
            Set<String> groups = AccessKeys.of(Identity.of(req));
            Product product = products.product(params, tap.metadata(), groups);
            if (product.mapId() != null) {
                mapCutout(product, shape, resp);
            } else if (product.tableName() != null) {
                catalogCutout(product, shape, groups, resp);
            } else {
                throw DaliException.badRequest("Product " + product.publisherDid() + " (" + product.productType()
                        + ") has no sky pixels or rows to cut; cutouts serve maps and catalog products");
            }
        } catch (DaliException e) {
            DaliResponses.sendError(resp, e);
        } catch (IOException | RuntimeException e) {
            DaliResponses.sendUnexpected(resp, e);
        }
    }

    /** Exactly one of CIRCLE and POLYGON. */
    static PosShape shape(DaliParams params) throws DaliException {
        Optional<String> circle = params.single("CIRCLE");
        Optional<String> polygon = params.single("POLYGON");
        if (circle.isPresent() == polygon.isPresent()) {
            throw DaliException.badRequest((circle.isPresent() ? "Both CIRCLE and POLYGON were given"
                    : "Missing parameter CIRCLE or POLYGON") + ": give one shape, CIRCLE=\"ra dec radius\" or"
                    + " POLYGON=\"ra1 dec1 ra2 dec2 ra3 dec3 ...\" in ICRS degrees");
        }
        return circle.isPresent() ? PosShape.parse("CIRCLE", circle.get(), "CIRCLE", circle.get())
                : PosShape.parse("POLYGON", polygon.get(), "POLYGON", polygon.get());
    }

    private void mapCutout(Product product, PosShape shape, HttpServletResponse resp)
            throws DaliException, IOException {
        long[] ranges;
        double[] n = shape.numbers();
        try {
            ranges = shape.kind().equals("CIRCLE") ? Coverage.circle(n[0], n[1], n[2], MAX_RANGES)
                    : Coverage.polygon(n, MAX_RANGES);
        } catch (IllegalArgumentException e) {
            throw DaliException.badRequest("The shape cannot be used: " + e.getMessage());
        }
        resp.setStatus(200);
        resp.setContentType("application/fits");
        resp.setHeader("Content-Disposition", "attachment; filename=\"" + product.mapId() + "_cutout.fits\"");
        try (Connection c = tap.syncDataSource().getConnection()) {
            OutputStream out = resp.getOutputStream();
            MapFiles.writeMap(c, product.mapId(), PixelSelection.of(ranges), out);
        } catch (SQLException e) {
            throw new DaliException(503, "The map pixels cannot be read now; try again later", e);
        } catch (IllegalArgumentException e) {
            throw new DaliException(404, "Product " + product.publisherDid() + " names map " + product.mapId()
                    + ", which is not in maps.map", e);
        }
    }

    private void catalogCutout(Product product, PosShape shape, Set<String> groups, HttpServletResponse resp)
            throws DaliException, IOException {
        TableMeta table = tap.metadata().table(product.tableName()).filter(t -> TapService.visible(t, groups))
                .orElseThrow(() -> new DaliException(404, "Product " + product.publisherDid() + " derives from table "
                        + product.tableName() + ", which is not published"));
        PositionMeta pos = table.position().orElseThrow(() -> DaliException.badRequest("Table "
                + table.qualifiedName() + " has no sky position; it cannot be cut out"));
        List<String> shapes = shape.adqlShapes();
        String adql = "SELECT * FROM " + AdqlText.table(table.schema(), table.name()) + " WHERE 1 = CONTAINS(POINT("
                + AdqlText.ident(pos.ra()) + ", " + AdqlText.ident(pos.dec()) + "), " + shapes.get(0) + ")";
        tap.runProtocolQuery(new TapQuery(adql, OutputFormat.VOTABLE_BINARY2, tap.limits().hardMaxrec(), null),
                groups, UnaryOperator.identity(), f -> {
                    resp.setStatus(200);
                    resp.setContentType(f.contentType());
                    return resp.getOutputStream();
                });
    }
}
