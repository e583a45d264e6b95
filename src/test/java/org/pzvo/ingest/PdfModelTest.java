// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PdfModelTest {
    @Test
    void singleGaussianHasItsTextbookSummaries() {
        float[] pdf = PdfModel.mixture(new double[] {1.0}, new double[] {0.05}, new double[] {1});
        PdfModel.Summary s = PdfModel.summarise(pdf, 0.5);
        assertEquals(1.0, s.mode(), 1e-9);
        assertEquals(1.0, s.mean(), 1e-4);
        assertEquals(1.0, s.median(), 1e-3);
        assertEquals(0.05, s.std(), 1e-3);
        assertEquals(0.95, s.lo68(), 2e-3);
        assertEquals(1.05, s.hi68(), 2e-3);
        assertEquals(1 - 1.6449 * 0.05, s.q05(), 3e-3);
        // odds: P(|z - 1| < 0.06 * 2) for sigma 0.05, i.e. +/-2.4 sigma
        assertEquals(0.9836, s.odds(), 2e-3);
        assertEquals(s.median(), s.mc(), 1e-12);
        assertEquals(0, s.flags());
    }

    @Test
    void flagsMarkSecondPeaksZeroRedshiftAndTheGridEdge() {
        float[] bimodal = PdfModel.mixture(new double[] {0.5, 2.0}, new double[] {0.05, 0.08}, new double[] {1, 0.5});
        assertEquals(PdfModel.FLAG_MULTIMODAL | PdfModel.FLAG_BROAD, PdfModel.summarise(bimodal, 0.5).flags());
        float[] star = PdfModel.mixture(new double[] {0.01}, new double[] {0.04}, new double[] {1});
        assertEquals(PdfModel.FLAG_NEAR_ZERO, PdfModel.summarise(star, 0.5).flags() & PdfModel.FLAG_NEAR_ZERO);
        float[] edge = PdfModel.mixture(new double[] {2.95}, new double[] {0.1}, new double[] {1});
        assertEquals(PdfModel.FLAG_EDGE, PdfModel.summarise(edge, 0.5).flags() & PdfModel.FLAG_EDGE);
        float[] broad = PdfModel.mixture(new double[] {1.5}, new double[] {0.5}, new double[] {1});
        assertEquals(PdfModel.FLAG_BROAD, PdfModel.summarise(broad, 0.5).flags() & PdfModel.FLAG_BROAD);
    }

    @Test
    void storedPdfIntegratesToOneAndQuantilesAreOrdered() {
        float[] pdf = PdfModel.mixture(new double[] {0.3, 1.1}, new double[] {0.04, 0.2}, new double[] {0.6, 0.4});
        double[] cdf = PdfModel.cdf(pdf);
        assertEquals(1.0, cdf[PdfModel.N - 1], 1e-12);
        double previous = 0;
        for (double q = 0.01; q < 1; q += 0.01) {
            double z = PdfModel.quantile(cdf, q);
            assertTrue(z >= previous, "quantiles must not decrease");
            assertEquals(q, PdfModel.cdfAt(cdf, z), 1e-9);
            previous = z;
        }
    }
}
