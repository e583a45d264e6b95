// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.datalink;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.pzvo.sky.SkyIndex;

/**
 * The preview of a HEALPix map (DataLink {@code #preview}): an all-sky Mollweide view (ICRS, right
 * ascension increasing to the left, centred on the map) and a gnomonic zoom on the main patch of
 * the footprint, side by side, with a colour bar (1st to 99th percentile of the values) and labels.
 * Pixels outside the map are grey; the sky outside the footprint in the zoom is light grey.
 * Rendering is by inverse projection of every image pixel, so no map pixel is drawn twice.
 */
final class PreviewImage {
    private static final int WIDTH = 1200;
    private static final int HEIGHT = 600;
    private static final int MOLL_W = 720;
    private static final int MOLL_H = 360;
    private static final int ZOOM = 360;
    private static final int TOP = 95;
    private static final int LEFT = 50;
    private static final int ZOOM_LEFT = LEFT + MOLL_W + 50;
    private static final int MARGIN = 20;
    private static final Color MARKER = new Color(220, 30, 30);
    /** The all-sky view samples a copy averaged to about its own resolution (0.46 deg pixels). */
    private static final int ALL_SKY_ORDER = 7;
    private static final Color NO_DATA = new Color(225, 225, 225);
    private static final Color GRID = new Color(120, 120, 120, 110);
    private static final double SQRT2 = Math.sqrt(2);

    /** What the labels say. */
    record Labels(String title, String subtitle, String quantity) {}

    private PreviewImage() {
    }

    static byte[] png(SkyMap map, Labels labels) throws IOException {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        double lo = map.quantile(0.01);
        double hi = map.quantile(0.99);
        if (!(hi > lo)) {
            lo = Double.isNaN(lo) ? 0 : lo - 0.5;
            hi = lo + 1;
        }
        Zoom zoom = Zoom.of(map);
        mollweide(img, map.degrade(ALL_SKY_ORDER, false), zoom.raDeg, lo, hi);
        gnomonic(img, map, zoom, lo, hi);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        g.drawString(labels.title(), MARGIN, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        g.drawString(labels.subtitle(), MARGIN, 52);
        g.drawString(String.format(Locale.ROOT, "All sky (Mollweide, ICRS), centre RA %.0f\u00b0, RA increases"
                + " to the left", zoom.raDeg), LEFT, TOP - 10);
        g.drawString(String.format(Locale.ROOT, "Zoom: RA %.2f\u00b0 Dec %+.2f\u00b0, %.2f\u00b0 across",
                zoom.raDeg, zoom.decDeg, 2 * zoom.halfWidthDeg), ZOOM_LEFT, TOP - 10);
        mollweideGrid(g, zoom.raDeg);
        zoomMarker(g, zoom);
        zoomFrame(g);
        colourBar(g, lo, hi, labels.quantity());
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static void mollweide(BufferedImage img, SkyMap map, double centreRaDeg, double lo, double hi) {
        double scale = MOLL_W / (4 * SQRT2);
        for (int py = 0; py < MOLL_H; py++) {
            double y = (MOLL_H / 2.0 - py - 0.5) / scale;
            double theta = Math.asin(Math.max(-1, Math.min(1, y / SQRT2)));
            double sinLat = (2 * theta + Math.sin(2 * theta)) / Math.PI;
            double decDeg = Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, sinLat))));
            for (int px = 0; px < MOLL_W; px++) {
                double x = (px + 0.5 - MOLL_W / 2.0) / scale;
                double lon = Math.PI * x / (2 * SQRT2 * Math.cos(theta));
                if (Math.abs(lon) > Math.PI) {
                    continue;
                }
                double raDeg = wrap(centreRaDeg - Math.toDegrees(lon));
                img.setRGB(LEFT + px, TOP + py, colour(map.valueAt(raDeg, decDeg), lo, hi));
            }
        }
    }

    private static void gnomonic(BufferedImage img, SkyMap map, Zoom zoom, double lo, double hi) {
        double t = Math.tan(Math.toRadians(zoom.halfWidthDeg));
        double dec0 = Math.toRadians(zoom.decDeg);
        for (int py = 0; py < ZOOM; py++) {
            double eta = (ZOOM / 2.0 - py - 0.5) / (ZOOM / 2.0) * t;
            for (int px = 0; px < ZOOM; px++) {
                double xi = -(px + 0.5 - ZOOM / 2.0) / (ZOOM / 2.0) * t;
                double[] radec = Projection.inverseGnomonic(xi, eta, Math.toRadians(zoom.raDeg), dec0);
                img.setRGB(ZOOM_LEFT + px, TOP + py, colour(map.valueAt(radec[0], radec[1]), lo, hi));
            }
        }
    }

    private static void mollweideGrid(Graphics2D g, double centreRaDeg) {
        g.setStroke(new BasicStroke(1f));
        g.setColor(GRID);
        for (int dec = -60; dec <= 60; dec += 30) {
            g.draw(mollweidePath(dec, dec, -180, 180));
        }
        for (int lon = -180; lon <= 180; lon += 60) {
            g.draw(mollweidePath(-90, 90, lon, lon));
        }
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        double scale = MOLL_W / (4 * SQRT2);
        for (int lon = -120; lon <= 120; lon += 60) {
            double[] p = Projection.mollweide(0, Math.toRadians(lon));
            g.drawString(String.format(Locale.ROOT, "%.0f\u00b0", wrap(centreRaDeg + lon)),
                    (float) (LEFT + MOLL_W / 2.0 - p[0] * scale + 3), (float) (TOP + MOLL_H / 2.0 - 3));
        }
        for (int dec = -60; dec <= 60; dec += 30) {
            double[] p = Projection.mollweide(Math.toRadians(dec), Math.PI);
            g.drawString(String.format(Locale.ROOT, "%+d\u00b0", dec), (float) (LEFT + MOLL_W / 2.0
                    - p[0] * scale - 34), (float) (TOP + MOLL_H / 2.0 - p[1] * scale + 4));
        }
    }

    /**
     * A line in the Mollweide panel from (dec1, lon1) to (dec2, lon2), in 180 steps; longitudes
     * are offsets from the centre in degrees, positive to the east (left).
     */
    private static Path2D mollweidePath(double dec1, double dec2, double lon1, double lon2) {
        Path2D path = new Path2D.Double();
        double scale = MOLL_W / (4 * SQRT2);
        for (int i = 0; i <= 180; i++) {
            double[] p = Projection.mollweide(Math.toRadians(dec1 + (dec2 - dec1) * i / 180.0),
                    Math.toRadians(lon1 + (lon2 - lon1) * i / 180.0));
            double x = LEFT + MOLL_W / 2.0 - p[0] * scale;
            double y = TOP + MOLL_H / 2.0 - p[1] * scale;
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        return path;
    }

    /** A red circle in the all-sky panel around the zoomed region, and the same red frame on the zoom. */
    private static void zoomMarker(Graphics2D g, Zoom zoom) {
        double radiusDeg = Math.max(zoom.halfWidthDeg * 1.2, 4);
        double scale = MOLL_W / (4 * SQRT2);
        Path2D path = new Path2D.Double();
        for (int i = 0; i <= 72; i++) {
            double a = Math.toRadians(5 * i);
            double[] radec = Projection.inverseGnomonic(Math.tan(Math.toRadians(radiusDeg)) * Math.cos(a),
                    Math.tan(Math.toRadians(radiusDeg)) * Math.sin(a), Math.toRadians(zoom.raDeg),
                    Math.toRadians(zoom.decDeg));
            double lon = Math.toRadians(((radec[0] - zoom.raDeg + 540) % 360) - 180);
            double[] p = Projection.mollweide(Math.toRadians(radec[1]), lon);
            double x = LEFT + MOLL_W / 2.0 - p[0] * scale;
            double y = TOP + MOLL_H / 2.0 - p[1] * scale;
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        g.setColor(MARKER);
        g.setStroke(new BasicStroke(2f));
        g.draw(path);
        g.drawRect(ZOOM_LEFT - 1, TOP - 1, ZOOM + 1, ZOOM + 1);
        g.setStroke(new BasicStroke(1f));
    }

    private static void zoomFrame(Graphics2D g) {
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString("north up, east (increasing RA) left; gnomonic projection", ZOOM_LEFT, TOP + ZOOM + 18);
    }

    private static void colourBar(Graphics2D g, double lo, double hi, String quantity) {
        int x0 = LEFT + 100;
        int width = 800;
        int y0 = TOP + MOLL_H + 50;
        for (int i = 0; i < width; i++) {
            g.setColor(new Color(Colormap.rgb(i / (width - 1.0))));
            g.fillRect(x0 + i, y0, 1, 20);
        }
        g.setColor(Color.BLACK);
        g.drawRect(x0, y0, width, 20);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        FontMetrics fm = g.getFontMetrics();
        for (int k = 0; k <= 4; k++) {
            double v = lo + (hi - lo) * k / 4;
            int x = x0 + (int) Math.round((width - 1) * k / 4.0);
            g.drawLine(x, y0 + 20, x, y0 + 25);
            String text = tick(v, hi - lo);
            g.drawString(text, x - fm.stringWidth(text) / 2, y0 + 40);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        fm = g.getFontMetrics();
        g.drawString(quantity, x0 + (width - fm.stringWidth(quantity)) / 2, y0 + 62);
        g.setColor(NO_DATA);
        g.fillRect(x0 + width + 30, y0, 20, 20);
        g.setColor(Color.BLACK);
        g.drawRect(x0 + width + 30, y0, 20, 20);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString("no data", x0 + width + 56, y0 + 15);
    }

    private static String tick(double v, double span) {
        int decimals = Math.max(0, Math.min(6, 2 - (int) Math.floor(Math.log10(Math.max(span, 1e-12)))));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static int colour(float v, double lo, double hi) {
        if (Float.isNaN(v)) {
            return NO_DATA.getRGB();
        }
        return Colormap.rgb((v - lo) / (hi - lo));
    }

    private static double wrap(double raDeg) {
        return Projection.wrapDeg(raDeg);
    }

    /**
     * The zoom window: centred on the main patch of the map (the order-4 cell holding most pixels,
     * refined to the mean position of the pixels within 8 deg of it) and wide enough to hold them.
     */
    record Zoom(double raDeg, double decDeg, double halfWidthDeg) {
        static Zoom of(SkyMap full) {
            SkyMap map = full.degrade(Math.min(full.order, 9), false);
            if (map.pixels.length == 0) {
                return new Zoom(0, 0, 10);
            }
            long best = -1;
            double most = -1;
            SkyMap ones = new SkyMap(map.order, map.pixels, new float[map.pixels.length]);
            java.util.Arrays.fill(ones.values, 1f);
            SkyMap counts = ones.degrade(4, true);
            for (int i = 0; i < counts.pixels.length; i++) {
                if (counts.values[i] > most) {
                    most = counts.values[i];
                    best = counts.pixels[i];
                }
            }
            double[] seed = SkyIndex.center(4, best);
            double[] sum = new double[3];
            double[][] centres = new double[map.pixels.length][];
            for (int i = 0; i < map.pixels.length; i++) {
                double[] c = SkyIndex.center(map.order, map.pixels[i]);
                if (Projection.distanceDeg(seed[0], seed[1], c[0], c[1]) <= 8) {
                    centres[i] = c;
                    double[] u = Projection.unit(c[0], c[1]);
                    sum[0] += u[0];
                    sum[1] += u[1];
                    sum[2] += u[2];
                }
            }
            double ra = Math.toDegrees(Math.atan2(sum[1], sum[0]));
            double dec = Math.toDegrees(Math.atan2(sum[2], Math.hypot(sum[0], sum[1])));
            double radius = 0;
            for (double[] c : centres) {
                if (c != null) {
                    radius = Math.max(radius, Projection.distanceDeg(ra, dec, c[0], c[1]));
                }
            }
            double pixelDeg = Math.sqrt(map.pixelAreaDeg2());
            return new Zoom(wrap(ra), dec, Math.max(0.05, Math.min(20, 1.1 * (radius + pixelDeg))));
        }
    }
}
