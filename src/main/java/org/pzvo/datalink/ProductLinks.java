// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.datalink;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.pzvo.obscore.Product;
import org.pzvo.obscore.ProductIds;
import org.pzvo.obscore.Products;

/**
 * The links of one product identifier (DataLink 1.1 §3.2, semantics from the DataLink core
 * vocabulary, http://www.ivoa.net/rdf/datalink/core):
 * <ul>
 * <li>{@code #this}: the file, {@code /files/{path}};</li>
 * <li>{@code #coverage}: the MOCs of the product's map or table, as MOC 2.0 FITS, ASCII and JSON;</li>
 * <li>{@code #preview}: {@code /datalink/preview?ID=} (a PNG of the map, or a density map of a table);</li>
 * <li>{@code #progenitor}: for a map's MOC, the map it was derived from;</li>
 * <li>{@code #documentation}: the maps.map row of a map (a TAP sync query), or the VOSI table
 *     description of the table a product derives from;</li>
 * <li>{@code #auxiliary}: for photo-z PDFs, the pz.run row (algorithm, configuration, grid);</li>
 * <li>{@code #cutout}: for maps, a row naming the cutout service descriptor ({@code /datalink/cutout}).</li>
 * </ul>
 * An identifier that is not one (empty, not ivo://) gives a {@code UsageFault} row, one of this
 * service that is not registered a {@code NotFoundFault} row (DataLink 1.1 §3.2.4).
 */
final class ProductLinks {
    private final String authority;

    ProductLinks(String authority) {
        this.authority = authority;
    }

    /**
     * Appends the links of {@code id} to {@code links} and the service descriptors they name to
     * {@code services}. Products that {@code visible} refuses (issue 9) are treated as unknown.
     */
    void add(Connection c, String id, String base, Predicate<Product> visible, List<Link> links,
             List<ServiceDescriptor> services) throws SQLException {
        if (id.isBlank()) {
            links.add(Link.error(id, "UsageFault: empty ID; expected a product identifier such as "
                    + ProductIds.prefix(authority) + "maps/footprint_dp1_o10.fits"));
            return;
        }
        if (!id.regionMatches(true, 0, "ivo://", 0, 6)) {
            links.add(Link.error(id, "UsageFault: ID is not an IVOA identifier (ivo://...); product identifiers are"
                    + " the obs_publisher_did values of ivoa.obscore"));
            return;
        }
        Optional<Product> found = ProductIds.pathOf(authority, id).isEmpty() ? Optional.empty()
                : Products.find(c, id).filter(visible);
        if (found.isEmpty()) {
            links.add(Link.error(id, "NotFoundFault: no product " + id + " is registered in this service"));
            return;
        }
        Product p = found.get();
        links.add(Link.to(id, fileUrl(base, p), "#this", title(c, p), p.contentType(), p.sizeBytes(),
                p.productType().equals(Products.TYPE_MAP) || p.productType().equals(Products.TYPE_MOC) ? "image"
                        : "measurements"));
        List<Product> family = p.mapId() != null ? Products.ofMap(c, p.mapId()) : p.tableName() != null
                ? Products.ofTable(c, p.tableName()) : List.of();
        Product map = null;
        for (Product other : family.stream().filter(visible).toList()) {
            if (other.productType().equals(Products.TYPE_MAP)) {
                map = other;
            } else if (other.productType().equals(Products.TYPE_MOC) && !other.publisherDid().equals(id)) {
                links.add(Link.to(id, fileUrl(base, other), "#coverage", "Coverage of "
                        + (p.mapId() != null ? "map " + p.mapId() : "the positions of " + p.tableName()) + " as a MOC 2.0 "
                        + mocForm(other.contentType()), other.contentType(), other.sizeBytes(), null));
            }
        }
        String previewId = map != null ? map.publisherDid() : id;
        links.add(Link.to(id, base + "/datalink/preview?ID=" + encode(previewId), "#preview",
                map != null ? "Preview of map " + p.mapId() + " (all-sky view and zoom, colour bar)"
                        : "Density map of the positions in " + p.tableName(), "image/png", null, null));
        if (map != null && !map.publisherDid().equals(id)) {
            links.add(Link.to(id, fileUrl(base, map), "#progenitor", "The HEALPix map this coverage was computed from",
                    map.contentType(), map.sizeBytes(), "image"));
        }
        if (p.mapId() != null) {
            links.add(Link.to(id, tapQuery(base, "SELECT * FROM maps.map WHERE map_id = '" + p.mapId().replace("'", "''")
                    + "'"), "#documentation", "Registry row of map " + p.mapId() + " in maps.map (kind, band, order,"
                    + " bit definitions, area, provenance)", "application/x-votable+xml", null, null));
        } else if (p.tableName() != null) {
            links.add(Link.to(id, base + "/tap/tables/" + encode(p.tableName()), "#documentation",
                    "Description of table " + p.tableName() + " (columns, units, UCDs)", "text/xml", null, null));
        }
        if (p.productType().equals(Products.TYPE_PDF)) {
            String run = obsId(c, id);
            if (run != null && run.matches("[0-9]{1,9}")) {
                links.add(Link.to(id, tapQuery(base, "SELECT * FROM pz.run WHERE run_id = " + run),
                        "#auxiliary", "Provenance of photo-z run " + run + " in pz.run (algorithm, configuration,"
                        + " training set, redshift grid)", "application/x-votable+xml", null, null));
            }
        }
        if (map != null) {
            String serviceId = "cutout-" + (services.size() + 1);
            services.add(new ServiceDescriptor(serviceId, base + "/datalink/cutout", map.publisherDid()));
            links.add(Link.service(id, serviceId, "#cutout", "Cutout of map " + p.mapId() + " in a CIRCLE or POLYGON"));
        }
    }

    private static String fileUrl(String base, Product p) {
        return base + "/files/" + p.relativePath();
    }

    private static String tapQuery(String base, String adql) {
        return base + "/tap/sync?REQUEST=doQuery&LANG=ADQL&QUERY=" + encode(adql);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String mocForm(String contentType) {
        return switch (contentType) {
            case "application/fits" -> "FITS file";
            case "application/json" -> "JSON document";
            default -> "ASCII string";
        };
    }

    private static String title(Connection c, Product p) throws SQLException {
        String title = obsColumn(c, p.publisherDid(), "obs_title");
        return title != null ? title : "The file " + p.relativePath();
    }

    private static String obsId(Connection c, String did) throws SQLException {
        return obsColumn(c, did, "obs_id");
    }

    private static String obsColumn(Connection c, String did, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT \"" + column + "\" FROM \"ivoa\".\"obscore\""
                + " WHERE \"obs_publisher_did\" = ?")) {
            ps.setString(1, did);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
