-- SPDX-License-Identifier: BSD-3-Clause
-- pzvo SQL functions for PostgreSQL 15+ (CONTRACTS.md "org.pzvo.sky SQL functions").
-- Installed by org.pzvo.sky.SqlFunctions.install(connection, Engine.POSTGRESQL); every statement
-- is CREATE OR REPLACE, so running this script again is harmless.
-- Each function mirrors the Java method of the same name in org.pzvo.sky (SkyIndex, Spherical,
-- SphericalPolygon, Coverage, Histogram, SqlFunctions), performing the same float8 operations in
-- the same order. The HEALPix hash is a literal port of cds.healpix.HealpixNestedFast.hash
-- (CDS HEALPix 0.30.2) including its FastMath sine, so indexes agree bit for bit.
-- Degrees are converted with the literal 0.017453292519943295 (Java Math.toRadians); inputs
-- smaller than 1e-290 in magnitude are treated so that float8 underflow (an error in
-- PostgreSQL, a silent zero in Java) cannot occur.

CREATE OR REPLACE FUNCTION pzvo_rad(deg float8) RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT CASE WHEN abs(deg) < 1e-290 THEN 0::float8 ELSE deg * 0.017453292519943295::float8 END
$$;

-- Apache Commons / CDS FastMath.sinQ(xa, xb): sine of xa + xb for 0 <= xa <= pi/2.
CREATE OR REPLACE FUNCTION pzvo_fast_sin_q(xa float8, xb float8) RETURNS float8
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
DECLARE
  eighths CONSTANT float8[] := ARRAY[0.0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1.0, 1.125, 1.25, 1.375, 1.5, 1.625];
  sin_a CONSTANT float8[] := ARRAY[0.0, 0.1246747374534607, 0.24740394949913025, 0.366272509098053, 0.4794255495071411, 0.5850973129272461, 0.6816387176513672, 0.7675435543060303, 0.8414709568023682, 0.902267575263977, 0.9489846229553223, 0.9808930158615112, 0.9974949359893799, 0.9985313415527344];
  sin_b CONSTANT float8[] := ARRAY[0.0, -4.068233003401932E-9, 9.755392680573412E-9, 1.9987994582857286E-8, -1.0902938113007961E-8, -3.9986783938944604E-8, 4.23719669792332E-8, -5.207000323380292E-8, 2.800552834259E-8, 1.883511811213715E-8, -3.5997360512765566E-9, 4.116164446561962E-8, 5.0614674548127384E-8, -1.0129027912496858E-9];
  cos_a CONSTANT float8[] := ARRAY[1.0, 0.9921976327896118, 0.9689123630523682, 0.9305076599121094, 0.8775825500488281, 0.8109631538391113, 0.7316888570785522, 0.6409968137741089, 0.5403022766113281, 0.4311765432357788, 0.3153223395347595, 0.19454771280288696, 0.07073719799518585, -0.05417713522911072];
  cos_b CONSTANT float8[] := ARRAY[0.0, 3.4439717236742845E-8, 5.865827662008209E-8, -3.7999795083850525E-8, 1.184154459111628E-8, -3.43338934259355E-8, 1.1795268640216787E-8, 4.438921624363781E-8, 2.925681159240093E-8, -2.6437112632041807E-8, 2.2860509143963117E-8, -4.813899778443457E-9, 3.6725170580355583E-9, 2.0217439756338078E-10];
  idx integer;
  eps float8; x2 float8; p float8;
  sinta float8; sintb float8; costa float8; costb float8;
  sin_eps_a float8; sin_eps_b float8; cos_eps_a float8 := 1.0; cos_eps_b float8;
  temp float8; temp2 float8; a float8 := 0; b float8 := 0; t float8; c float8; d float8;
BEGIN
  idx := trunc(xa * 8.0::float8 + 0.5::float8)::integer + 1;
  eps := xa - eighths[idx];
  sinta := sin_a[idx]; sintb := sin_b[idx]; costa := cos_a[idx]; costb := cos_b[idx];
  sin_eps_a := eps;
  x2 := eps * eps;
  p := 2.7553817452272217E-6::float8;
  p := p * x2 + -1.9841269659586505E-4::float8;
  p := p * x2 + 0.008333333333329196::float8;
  p := p * x2 + -0.16666666666666666::float8;
  sin_eps_b := p * x2 * eps;
  p := 2.479773539153719E-5::float8;
  p := p * x2 + -0.0013888888689039883::float8;
  p := p * x2 + 0.041666666666621166::float8;
  p := p * x2 + -0.49999999999999994::float8;
  cos_eps_b := p * x2;
  temp := sin_eps_a * 1073741824.0::float8;
  temp2 := (sin_eps_a + temp) - temp;
  sin_eps_b := sin_eps_b + (sin_eps_a - temp2);
  sin_eps_a := temp2;
  t := sinta;
  c := a + t; d := -(c - a - t); a := c; b := b + d;
  t := costa * sin_eps_a;
  c := a + t; d := -(c - a - t); a := c; b := b + d;
  b := b + sinta * cos_eps_b + costa * sin_eps_b;
  b := b + sintb + costb * sin_eps_a + sintb * cos_eps_b + costb * sin_eps_b;
  IF xb <> 0.0 THEN
    t := ((costa + costb) * (cos_eps_a + cos_eps_b) - (sinta + sintb) * (sin_eps_a + sin_eps_b)) * xb;
    c := a + t; d := -(c - a - t); a := c; b := b + d;
  END IF;
  RETURN a + b;
END
$$;

-- Spreads the low 32 bits of v to the even bits (Z-order curve).
CREATE OR REPLACE FUNCTION pzvo_spread_bits(v bigint) RETURNS bigint
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
BEGIN
  v := (v | (v << 16)) & 281470681808895;
  v := (v | (v << 8)) & 71777214294589695;
  v := (v | (v << 4)) & 1085102592571150095;
  v := (v | (v << 2)) & 3689348814741910323;
  v := (v | (v << 1)) & 6148914691236517205;
  RETURN v;
END
$$;

-- Gathers the even bits of v (inverse of pzvo_spread_bits).
CREATE OR REPLACE FUNCTION pzvo_compact_bits(v bigint) RETURNS bigint
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
BEGIN
  v := v & 6148914691236517205;
  v := (v | (v >> 1)) & 3689348814741910323;
  v := (v | (v >> 2)) & 1085102592571150095;
  v := (v | (v >> 4)) & 71777214294589695;
  v := (v | (v >> 8)) & 281470681808895;
  v := (v | (v >> 16)) & 4294967295;
  RETURN v;
END
$$;

-- NESTED HEALPix index (port of HealpixNestedFast.hash; see org.pzvo.sky.SkyIndex.index).
CREATE OR REPLACE FUNCTION ivo_healpix_index(hpx_order integer, ra float8, dec_deg float8) RETURNS bigint
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
DECLARE
  lon float8; lat float8; abs_lat float8; x float8; y float8; xfloor bigint;
  half float8; nside bigint; d0h bigint; i bigint; j bigint; id0c bigint; jd0c bigint;
  v1 float8; v2 float8;
BEGIN
  IF hpx_order < 0 OR hpx_order > 29 THEN
    RAISE EXCEPTION 'Expected a HEALPix order in [0, 29], actual %', hpx_order USING ERRCODE = '22023';
  END IF;
  IF dec_deg = 'NaN'::float8 OR NOT (dec_deg >= -90 AND dec_deg <= 90) THEN
    RAISE EXCEPTION 'Expected a declination in [-90, 90] deg, actual %', dec_deg USING ERRCODE = '22023';
  END IF;
  IF ra = 'NaN'::float8 OR ra = 'Infinity'::float8 OR ra = '-Infinity'::float8 THEN
    RAISE EXCEPTION 'Expected a finite right ascension, actual %', ra USING ERRCODE = '22023';
  END IF;
  IF hpx_order = 0 THEN
    -- As SkyIndex.index: the parent of the order-1 pixel (CDS mishandles an exact 0 at depth 0).
    RETURN ivo_healpix_index(1, ra, dec_deg) >> 2;
  END IF;
  -- A tiny non-zero longitude behaves exactly like 1e-300 of the same sign (x rounds to -1).
  lon := CASE WHEN ra <> 0 AND abs(ra) < 1e-290 THEN sign(ra) * 1e-300::float8
              ELSE ra * 0.017453292519943295::float8 END;
  lat := CASE WHEN abs(dec_deg) < 1e-290 THEN 0::float8 ELSE dec_deg * 0.017453292519943295::float8 END;
  abs_lat := abs(lat);
  nside := 1::bigint << hpx_order;
  half := (1::bigint << (hpx_order - 1))::float8;
  x := 1.2732395447351628::float8 * abs(lon);
  xfloor := CASE WHEN x >= 2147483647 THEN 2147483647 ELSE trunc(x)::bigint END;
  x := x - (xfloor | 1)::float8;
  IF lon < 0 THEN
    x := -x;
    xfloor := 7 - (xfloor & 7);
  END IF;
  IF abs_lat <= 0.7297276562269663::float8 THEN
    -- Equatorial region (cylindrical projection). Below 1e-20 the sine cannot change y + 2.
    -- Fast path: the C library's sine differs from FastMath.sinQ by a few ulp, which moves the
    -- scaled coordinates by < 1e-6; only when one lies within 1e-5 of an integer (a cell edge)
    -- can the floor differ, and then the exact FastMath port decides.
    y := CASE WHEN abs_lat < 1e-20 THEN 0::float8 ELSE sin(abs_lat) END * 1.5::float8;
    IF lat < 0 THEN y := -y; END IF;
    y := y + 2;
    v1 := (y + x) * half;
    v2 := (y - x) * half;
    IF abs(v1 - round(v1)) < 1e-5 OR abs(v2 - round(v2)) < 1e-5 THEN
      y := CASE WHEN abs_lat < 1e-20 THEN 0::float8 ELSE pzvo_fast_sin_q(abs_lat, 0) END * 1.5::float8;
      IF lat < 0 THEN y := -y; END IF;
      y := y + 2;
      v1 := (y + x) * half;
      v2 := (y - x) * half;
    END IF;
    i := floor(v1)::bigint;
    IF i = 2 * nside THEN i := i - 1; END IF;
    j := floor(v2)::bigint;
    IF j = 2 * nside THEN j := j - 1; END IF;
    id0c := i >> hpx_order;
    jd0c := j >> hpx_order;
    d0h := ((2 >> (id0c + jd0c)::integer) << 2) | (((xfloor + (id0c # jd0c)) & 7) >> 1);
    i := i & (nside - 1);
    j := j & (nside - 1);
  ELSE
    -- Polar caps (Collignon projection); same fast path as above with cos for FastMath.cosQ.
    y := 2.449489742783178::float8 * cos(0.5::float8 * abs_lat + 0.7853981633974483::float8);
    v1 := (x * y + y) * half;
    v2 := (y - x * y) * half;
    IF abs(v1 - round(v1)) < 1e-5 OR abs(v2 - round(v2)) < 1e-5 THEN
      y := 2.449489742783178::float8 * pzvo_fast_sin_q(1.5707963267948966::float8 - (0.5::float8 * abs_lat + 0.7853981633974483::float8),
             -((1.5707963267948966::float8 - (0.5::float8 * abs_lat + 0.7853981633974483::float8)) - 1.5707963267948966::float8
               + (0.5::float8 * abs_lat + 0.7853981633974483::float8)) + 6.123233995736766E-17::float8);
      v1 := (x * y + y) * half;
      v2 := (y - x * y) * half;
    END IF;
    d0h := (xfloor & 7) >> 1;
    i := floor(v1)::bigint;
    j := floor(v2)::bigint;
    IF lat >= 0 THEN
      xfloor := i;
      i := (nside - 1) - j;
      j := (nside - 1) - xfloor;
    ELSE
      d0h := d0h | 8;
    END IF;
  END IF;
  RETURN (d0h << (2 * hpx_order)) | pzvo_spread_bits(i) | (pzvo_spread_bits(j) << 1);
END
$$;

-- Centre {ra in [0, 360), dec_deg} of a NESTED cell (HealpixNestedFast.center, with the C library's
-- asin/acos instead of FastMath's: agrees with Java to ~1e-15 deg, not bit for bit).
CREATE OR REPLACE FUNCTION ivo_healpix_center(hpx_order integer, ipix bigint) RETURNS float8[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
DECLARE
  nside bigint; d0h bigint; ij bigint; i bigint; j bigint; l_in bigint; h_in bigint;
  q bigint; h_d0h bigint; l_d0h bigint; lon float8; lat float8; neg boolean; ra float8;
BEGIN
  IF hpx_order < 0 OR hpx_order > 29 THEN
    RAISE EXCEPTION 'Expected a HEALPix order in [0, 29], actual %', hpx_order USING ERRCODE = '22023';
  END IF;
  IF ipix < 0 OR ipix >= (12::bigint << (2 * hpx_order)) THEN
    RAISE EXCEPTION 'Expected a pixel index in [0, %) at order %, actual %',
      12::bigint << (2 * hpx_order), hpx_order, ipix USING ERRCODE = '22023';
  END IF;
  nside := 1::bigint << hpx_order;
  d0h := ipix >> (2 * hpx_order);
  ij := ipix & ((1::bigint << (2 * hpx_order)) - 1);
  i := pzvo_compact_bits(ij);
  j := pzvo_compact_bits(ij >> 1);
  l_in := i - j;
  h_in := i + j - (nside - 1);
  q := d0h >> 2;
  h_d0h := 1 - q;
  l_d0h := ((d0h & 3) << 1) | (h_d0h & 1);
  lon := l_in::float8 / nside::float8;
  lat := h_in::float8 / nside::float8;
  IF (d0h < 4 AND h_in > 0) OR (d0h > 7 AND h_in < 0) THEN
    neg := lat < 0;
    lat := 1 - abs(lat);
    lon := lon / lat;
    lat := lat * 0.408248290463863::float8;
    lat := 2 * acos(lat) - 1.5707963267948966::float8;
    IF neg THEN lat := -lat; END IF;
  ELSE
    lat := lat + h_d0h;
    lat := asin(lat * 0.6666666666666666::float8);
    IF d0h = 4 AND l_in < 0 THEN l_d0h := l_d0h | 8; END IF;
  END IF;
  lon := (lon + l_d0h) * 0.7853981633974483::float8;
  ra := lon * 57.29577951308232::float8;
  IF ra >= 360 THEN ra := ra - 360; END IF;
  RETURN ARRAY[ra, lat * 57.29577951308232::float8];
END
$$;

-- The (up to 8) neighbours of a NESTED cell (HEALPix C++ Healpix_Base::neighbors).
CREATE OR REPLACE FUNCTION pzvo_healpix_neighbours(hpx_order integer, ipix bigint) RETURNS bigint[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
DECLARE
  xoffset CONSTANT integer[] := ARRAY[-1, -1, 0, 1, 1, 1, 0, -1];
  yoffset CONSTANT integer[] := ARRAY[0, 1, 1, 1, 0, -1, -1, -1];
  facearray CONSTANT integer[] := ARRAY[
     8,  9, 10, 11, -1, -1, -1, -1, 10, 11,  8,  9,
     5,  6,  7,  4,  8,  9, 10, 11,  9, 10, 11,  8,
    -1, -1, -1, -1,  5,  6,  7,  4, -1, -1, -1, -1,
     4,  5,  6,  7, 11,  8,  9, 10, 11,  8,  9, 10,
     0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11,
     1,  2,  3,  0,  0,  1,  2,  3,  5,  6,  7,  4,
    -1, -1, -1, -1,  7,  4,  5,  6, -1, -1, -1, -1,
     3,  0,  1,  2,  3,  0,  1,  2,  4,  5,  6,  7,
     2,  3,  0,  1, -1, -1, -1, -1,  0,  1,  2,  3];
  swaparray CONSTANT integer[] := ARRAY[0, 0, 3,  0, 0, 6,  0, 0, 0,  0, 0, 5,  0, 0, 0,  5, 0, 0,  0, 0, 0,  6, 0, 0,  3, 0, 0];
  nside bigint; face integer; ij bigint; ix bigint; iy bigint; x bigint; y bigint; t bigint;
  nbnum integer; f integer; bits integer; result bigint[] := '{}';
BEGIN
  nside := 1::bigint << hpx_order;
  face := (ipix >> (2 * hpx_order))::integer;
  ij := ipix & ((1::bigint << (2 * hpx_order)) - 1);
  ix := pzvo_compact_bits(ij);
  iy := pzvo_compact_bits(ij >> 1);
  FOR k IN 1..8 LOOP
    x := ix + xoffset[k];
    y := iy + yoffset[k];
    nbnum := 4;
    IF x < 0 THEN x := x + nside; nbnum := nbnum - 1;
    ELSIF x >= nside THEN x := x - nside; nbnum := nbnum + 1; END IF;
    IF y < 0 THEN y := y + nside; nbnum := nbnum - 3;
    ELSIF y >= nside THEN y := y - nside; nbnum := nbnum + 3; END IF;
    f := facearray[nbnum * 12 + face + 1];
    IF f >= 0 THEN
      bits := swaparray[nbnum * 3 + (face >> 2) + 1];
      IF bits & 1 <> 0 THEN x := nside - x - 1; END IF;
      IF bits & 2 <> 0 THEN y := nside - y - 1; END IF;
      IF bits & 4 <> 0 THEN t := x; x := y; y := t; END IF;
      result := result || ((f::bigint << (2 * hpx_order)) | pzvo_spread_bits(x) | (pzvo_spread_bits(y) << 1));
    END IF;
  END LOOP;
  RETURN ARRAY(SELECT DISTINCT u FROM unnest(result) AS u WHERE u <> ipix ORDER BY u);
END
$$;

-- CDS Healpix.getBestStartingDepth(radiusRad): -1 when no depth qualifies.
CREATE OR REPLACE FUNCTION pzvo_best_starting_depth(radius_rad float8) RETURNS integer
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
DECLARE
  edge CONSTANT float8[] := ARRAY[0.8410686705685088, 0.37723631722170053, 0.18256386461918295, 0.09000432499034523, 0.04470553761855741, 0.02228115704023076, 0.011122977211214961, 0.005557125022105058, 0.0027774761500209185, 0.0013884670480328143, 6.941658374603201E-4, 3.4706600585087755E-4, 1.7352877579970442E-4, 8.676333125510362E-5, 4.338140148342286E-5, 2.1690634707822447E-5, 1.084530084565172E-5, 5.422646295795749E-6, 2.711322116099695E-6, 1.3556608000873442E-6, 6.778303355805395E-7, 3.389151516386149E-7, 1.69457571754776E-7, 8.472878485272006E-8, 4.236439215502565E-8, 2.1182195982014308E-8, 1.0591097960375205E-8, 5.295548939447981E-9, 2.647774429917369E-9, 1.3238871881399636E-9];
BEGIN
  IF radius_rad = 'NaN'::float8 OR radius_rad > edge[1] THEN
    RETURN -1;
  END IF;
  FOR d IN REVERSE 29..0 LOOP
    IF radius_rad < edge[d + 1] THEN
      RETURN d;
    END IF;
  END LOOP;
  RETURN 0;
END
$$;

-- Merged order-29 ranges of the cell holding the centre and its neighbours (Coverage.coneCells).
CREATE OR REPLACE FUNCTION pzvo_cone_cells(ra float8, dec_deg float8, radius float8) RETURNS bigint[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
DECLARE
  depth integer; cell bigint; cells bigint[]; shift integer; result bigint[] := '{}';
  lo bigint; hi bigint; c bigint;
BEGIN
  IF NOT (radius >= 0) OR radius = 'NaN'::float8 THEN
    RAISE EXCEPTION 'Expected a cone radius >= 0 deg, actual %', radius USING ERRCODE = '22023';
  END IF;
  depth := pzvo_best_starting_depth(pzvo_rad(radius));
  IF depth < 0 THEN
    RETURN ARRAY[0::bigint, 12::bigint << 58];
  END IF;
  cell := ivo_healpix_index(depth, ra, dec_deg);
  cells := ARRAY(SELECT u FROM unnest(cell || pzvo_healpix_neighbours(depth, cell)) AS u ORDER BY u);
  shift := 2 * (29 - depth);
  lo := cells[1];
  hi := cells[1] + 1;
  FOREACH c IN ARRAY cells[2:] LOOP
    IF c = hi THEN
      hi := c + 1;
    ELSE
      result := result || ARRAY[lo << shift, hi << shift];
      lo := c;
      hi := c + 1;
    END IF;
  END LOOP;
  RETURN result || ARRAY[lo << shift, hi << shift];
END
$$;

-- Great-circle distance in degrees (Spherical.distanceDeg: Vincenty's atan2 form). A single SQL
-- expression so that the planner inlines it into positional-join predicates (no call overhead).
CREATE OR REPLACE FUNCTION pzvo_distance(ra1 float8, dec1 float8, ra2 float8, dec2 float8) RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT atan2(
           sqrt((cos(dec2 * 0.017453292519943295::float8) * sin((ra2 - ra1) * 0.017453292519943295::float8))
                * (cos(dec2 * 0.017453292519943295::float8) * sin((ra2 - ra1) * 0.017453292519943295::float8))
              + (cos(dec1 * 0.017453292519943295::float8) * sin(dec2 * 0.017453292519943295::float8)
                 - sin(dec1 * 0.017453292519943295::float8) * cos(dec2 * 0.017453292519943295::float8)
                   * cos((ra2 - ra1) * 0.017453292519943295::float8))
                * (cos(dec1 * 0.017453292519943295::float8) * sin(dec2 * 0.017453292519943295::float8)
                 - sin(dec1 * 0.017453292519943295::float8) * cos(dec2 * 0.017453292519943295::float8)
                   * cos((ra2 - ra1) * 0.017453292519943295::float8))),
           sin(dec1 * 0.017453292519943295::float8) * sin(dec2 * 0.017453292519943295::float8)
             + cos(dec1 * 0.017453292519943295::float8) * cos(dec2 * 0.017453292519943295::float8)
               * cos((ra2 - ra1) * 0.017453292519943295::float8)
         ) * 57.29577951308232::float8
$$;

CREATE OR REPLACE FUNCTION pzvo_check_position(ra float8, dec_deg float8) RETURNS void
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
BEGIN
  IF ra = 'NaN'::float8 OR ra = 'Infinity'::float8 OR ra = '-Infinity'::float8 THEN
    RAISE EXCEPTION 'Expected a finite right ascension in deg, actual %', ra USING ERRCODE = '22023';
  END IF;
  IF dec_deg = 'NaN'::float8 OR NOT (dec_deg >= -90 AND dec_deg <= 90) THEN
    RAISE EXCEPTION 'Expected a declination in [-90, 90] deg, actual %', dec_deg USING ERRCODE = '22023';
  END IF;
END
$$;

-- Validates a DALI shape; 2 point, 3 circle, 4 polygon (Spherical.kind).
CREATE OR REPLACE FUNCTION pzvo_shape_kind(shape float8[]) RETURNS integer
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
DECLARE n integer := coalesce(array_length(shape, 1), 0);
BEGIN
  IF n = 2 OR n = 3 THEN
    PERFORM pzvo_check_position(shape[1], shape[2]);
    IF n = 3 AND (shape[3] = 'NaN'::float8 OR NOT (shape[3] >= 0 AND shape[3] <= 180)) THEN
      RAISE EXCEPTION 'Expected a circle radius in [0, 180] deg, actual %', shape[3] USING ERRCODE = '22023';
    END IF;
    RETURN n;
  END IF;
  IF n >= 6 AND n % 2 = 0 THEN
    RETURN 4;
  END IF;
  RAISE EXCEPTION 'Expected a shape of 2 (point), 3 (circle) or an even number >= 6 (polygon) of coordinates, actual %', n
    USING ERRCODE = '22023';
END
$$;

-- Unit vector of a position: {x, y, z} (Vec3.unit).
CREATE OR REPLACE FUNCTION pzvo_unit(ra float8, dec_deg float8) RETURNS float8[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
DECLARE r float8 := pzvo_rad(ra); d float8 := pzvo_rad(dec_deg); cd float8;
BEGIN
  cd := cos(d);
  RETURN ARRAY[cd * cos(r), cd * sin(r), sin(d)];
END
$$;

-- {ra in [0, 360), dec_deg} of a non-zero vector (Vec3.toRaDec).
CREATE OR REPLACE FUNCTION pzvo_to_ra_dec(x float8, y float8, z float8) RETURNS float8[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
DECLARE ra float8;
BEGIN
  ra := atan2(y, x) * 57.29577951308232::float8;
  IF ra < 0 THEN ra := ra + 360; END IF;
  IF ra >= 360 THEN ra := 0; END IF;
  RETURN ARRAY[ra, atan2(z, sqrt(x * x + y * y)) * 57.29577951308232::float8];
END
$$;

-- Angle (rad) between unit vectors (Vec3.angle).
CREATE OR REPLACE FUNCTION pzvo_angle(ax float8, ay float8, az float8, bx float8, b_y float8, bz float8) RETURNS float8
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
DECLARE cx float8; cy float8; cz float8;
BEGIN
  cx := ay * bz - az * b_y;
  cy := az * bx - ax * bz;
  cz := ax * b_y - ay * bx;
  RETURN atan2(sqrt(cx * cx + cy * cy + cz * cz), ax * bx + ay * b_y + az * bz);
END
$$;

-- A prepared polygon (SphericalPolygon): [orientation, area_sr, cx, cy, cz, x1, y1, z1, ...].
CREATE OR REPLACE FUNCTION pzvo_polygon(shape float8[]) RETURNS float8[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
DECLARE
  len integer := coalesce(array_length(shape, 1), 0); n integer; v float8[] := '{}'; u float8[];
  sx float8 := 0; sy float8 := 0; sz float8 := 0; norm float8; cx float8; cy float8; cz float8;
  ex float8; ey float8; ez float8; j integer; signed_sr float8 := 0;
  xi float8; yi float8; zi float8; xj float8; yj float8; zj float8; tx float8; ty float8; tz float8;
BEGIN
  IF len < 6 OR len % 2 <> 0 THEN
    RAISE EXCEPTION 'Expected a polygon of at least 3 vertices as an even number (>= 6) of coordinates, actual % coordinates', len
      USING ERRCODE = '22023';
  END IF;
  n := len / 2;
  FOR i IN 0..n - 1 LOOP
    PERFORM pzvo_check_position(shape[2 * i + 1], shape[2 * i + 2]);
    u := pzvo_unit(shape[2 * i + 1], shape[2 * i + 2]);
    v := v || u;
    sx := sx + u[1]; sy := sy + u[2]; sz := sz + u[3];
  END LOOP;
  FOR i IN 0..n - 1 LOOP
    j := (i + 1) % n;
    ex := v[3 * i + 2] * v[3 * j + 3] - v[3 * i + 3] * v[3 * j + 2];
    ey := v[3 * i + 3] * v[3 * j + 1] - v[3 * i + 1] * v[3 * j + 3];
    ez := v[3 * i + 1] * v[3 * j + 2] - v[3 * i + 2] * v[3 * j + 1];
    IF sqrt(ex * ex + ey * ey + ez * ez) < 1e-15 THEN
      RAISE EXCEPTION 'Expected a polygon without degenerate edges (consecutive vertices identical or antipodal), actual vertices % (%, %) and % (%, %)',
        i + 1, shape[2 * i + 1], shape[2 * i + 2], j + 1, shape[2 * j + 1], shape[2 * j + 2] USING ERRCODE = '22023';
    END IF;
  END LOOP;
  norm := sqrt(sx * sx + sy * sy + sz * sz);
  IF norm < 1e-9 THEN
    sx := v[1]; sy := v[2]; sz := v[3]; norm := 1;
  END IF;
  cx := sx / norm; cy := sy / norm; cz := sz / norm;
  FOR i IN 0..n - 1 LOOP
    j := (i + 1) % n;
    xi := v[3 * i + 1]; yi := v[3 * i + 2]; zi := v[3 * i + 3];
    xj := v[3 * j + 1]; yj := v[3 * j + 2]; zj := v[3 * j + 3];
    tx := yi * zj - zi * yj;
    ty := zi * xj - xi * zj;
    tz := xi * yj - yi * xj;
    signed_sr := signed_sr + 2 * atan2(cx * tx + cy * ty + cz * tz,
      1 + (cx * xi + cy * yi + cz * zi) + (xi * xj + yi * yj + zi * zj) + (xj * cx + yj * cy + zj * cz));
  END LOOP;
  WHILE signed_sr > 2 * pi() LOOP signed_sr := signed_sr - 4 * pi(); END LOOP;
  WHILE signed_sr <= -2 * pi() LOOP signed_sr := signed_sr + 4 * pi(); END LOOP;
  RETURN ARRAY[CASE WHEN signed_sr >= 0 THEN 1 ELSE -1 END, abs(signed_sr), cx, cy, cz] || v;
END
$$;

-- Whether a unit vector lies in a prepared polygon (SphericalPolygon.contains: winding number).
CREATE OR REPLACE FUNCTION pzvo_polygon_contains(poly float8[], px float8, py float8, pz float8) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
DECLARE
  n integer := (array_length(poly, 1) - 5) / 3; j integer; total float8 := 0;
  ax float8; ay float8; az float8; bx float8; b_y float8; bz float8; tx float8; ty float8; tz float8;
  pa float8; pb float8; ab float8;
BEGIN
  FOR i IN 0..n - 1 LOOP
    j := (i + 1) % n;
    ax := poly[3 * i + 6]; ay := poly[3 * i + 7]; az := poly[3 * i + 8];
    bx := poly[3 * j + 6]; b_y := poly[3 * j + 7]; bz := poly[3 * j + 8];
    tx := ay * bz - az * b_y;
    ty := az * bx - ax * bz;
    tz := ax * b_y - ay * bx;
    pa := px * ax + py * ay + pz * az;
    pb := px * bx + py * b_y + pz * bz;
    ab := ax * bx + ay * b_y + az * bz;
    total := total + atan2(px * tx + py * ty + pz * tz, ab - pa * pb);
  END LOOP;
  RETURN poly[1] * total > pi();
END
$$;

-- Angular distance (rad) from a unit vector to edge i (0-based) of a prepared polygon.
CREATE OR REPLACE FUNCTION pzvo_polygon_edge_distance(poly float8[], i integer, px float8, py float8, pz float8) RETURNS float8
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
DECLARE
  n integer := (array_length(poly, 1) - 5) / 3; j integer := (i + 1) % n;
  xi float8 := poly[3 * i + 6]; yi float8 := poly[3 * i + 7]; zi float8 := poly[3 * i + 8];
  xj float8 := poly[3 * j + 6]; yj float8 := poly[3 * j + 7]; zj float8 := poly[3 * j + 8];
  nx float8; ny float8; nz float8; norm float8; apn float8; pbn float8; s float8;
BEGIN
  nx := yi * zj - zi * yj;
  ny := zi * xj - xi * zj;
  nz := xi * yj - yi * xj;
  norm := sqrt(nx * nx + ny * ny + nz * nz);
  nx := nx / norm; ny := ny / norm; nz := nz / norm;
  apn := (yi * pz - zi * py) * nx + (zi * px - xi * pz) * ny + (xi * py - yi * px) * nz;
  pbn := (py * zj - pz * yj) * nx + (pz * xj - px * zj) * ny + (px * yj - py * xj) * nz;
  IF apn >= 0 AND pbn >= 0 THEN
    s := abs(px * nx + py * ny + pz * nz);
    RETURN atan2(s, sqrt(greatest(0, 1 - s * s)));
  END IF;
  RETURN least(pzvo_angle(px, py, pz, xi, yi, zi), pzvo_angle(px, py, pz, xj, yj, zj));
END
$$;

CREATE OR REPLACE FUNCTION pzvo_on_arc(ax float8, ay float8, az float8, bx float8, b_y float8, bz float8,
    nx float8, ny float8, nz float8, qx float8, qy float8, qz float8) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT (ay * qz - az * qy) * nx + (az * qx - ax * qz) * ny + (ax * qy - ay * qx) * nz >= 0
     AND (qy * bz - qz * b_y) * nx + (qz * bx - qx * bz) * ny + (qx * b_y - qy * bx) * nz >= 0
$$;

-- Whether edge i of polygon a and edge k of polygon b (prepared, 0-based) share a point.
CREATE OR REPLACE FUNCTION pzvo_polygon_edges_cross(a float8[], i integer, b float8[], k integer) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
DECLARE
  na integer := (array_length(a, 1) - 5) / 3; nb integer := (array_length(b, 1) - 5) / 3;
  j integer := (i + 1) % na; l integer := (k + 1) % nb;
  a1x float8 := a[3 * i + 6]; a1y float8 := a[3 * i + 7]; a1z float8 := a[3 * i + 8];
  a2x float8 := a[3 * j + 6]; a2y float8 := a[3 * j + 7]; a2z float8 := a[3 * j + 8];
  b1x float8 := b[3 * k + 6]; b1y float8 := b[3 * k + 7]; b1z float8 := b[3 * k + 8];
  b2x float8 := b[3 * l + 6]; b2y float8 := b[3 * l + 7]; b2z float8 := b[3 * l + 8];
  ax float8; ay float8; az float8; bx float8; b_y float8; bz float8; qx float8; qy float8; qz float8;
BEGIN
  ax := a1y * a2z - a1z * a2y; ay := a1z * a2x - a1x * a2z; az := a1x * a2y - a1y * a2x;
  bx := b1y * b2z - b1z * b2y; b_y := b1z * b2x - b1x * b2z; bz := b1x * b2y - b1y * b2x;
  qx := ay * bz - az * b_y; qy := az * bx - ax * bz; qz := ax * b_y - ay * bx;
  FOR sgn IN 0..1 LOOP
    IF pzvo_on_arc(a1x, a1y, a1z, a2x, a2y, a2z, ax, ay, az, qx, qy, qz)
       AND pzvo_on_arc(b1x, b1y, b1z, b2x, b2y, b2z, bx, b_y, bz, qx, qy, qz) THEN
      RETURN true;
    END IF;
    qx := -qx; qy := -qy; qz := -qz;
  END LOOP;
  RETURN false;
END
$$;

CREATE OR REPLACE FUNCTION pzvo_fail_position(ra float8, dec_deg float8) RETURNS integer
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
  PERFORM pzvo_check_position(ra, dec_deg);
  RETURN NULL;
END
$$;

-- 1 if the point (degrees) lies in a prepared polygon (pzvo_polygon), 0 otherwise.
CREATE OR REPLACE FUNCTION pzvo_polygon_contains_deg(poly float8[], ra float8, dec_deg float8) RETURNS integer
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
DECLARE
  r float8 := pzvo_rad(ra); d float8 := pzvo_rad(dec_deg);
BEGIN
  -- The point as a unit vector, then the one winding-number test shared with pzvo_intersects.
  RETURN CASE WHEN pzvo_polygon_contains(poly, cos(d) * cos(r), cos(d) * sin(r), sin(d)) THEN 1 ELSE 0 END;
END
$$;

-- 1 if the point lies in the circle or polygon (Spherical.contains). A single SQL expression:
-- the planner inlines it, so with a constant shape the polygon is prepared once per query
-- (pzvo_polygon is IMMUTABLE and folded) and a circle becomes an inlined distance test.
CREATE OR REPLACE FUNCTION pzvo_contains(ra float8, dec_deg float8, shape float8[]) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN ra IS NULL OR dec_deg IS NULL OR shape IS NULL OR array_position(shape, NULL) IS NOT NULL THEN NULL
    WHEN ra = 'NaN'::float8 OR ra = 'Infinity'::float8 OR ra = '-Infinity'::float8 OR dec_deg = 'NaN'::float8
         OR NOT (dec_deg >= -90 AND dec_deg <= 90) THEN pzvo_fail_position(ra, dec_deg)
    WHEN pzvo_shape_kind(shape) = 2 THEN CASE WHEN pzvo_distance(ra, dec_deg, shape[1], shape[2]) = 0 THEN 1 ELSE 0 END
    WHEN pzvo_shape_kind(shape) = 3 THEN CASE WHEN pzvo_distance(ra, dec_deg, shape[1], shape[2]) <= shape[3] THEN 1 ELSE 0 END
    ELSE pzvo_polygon_contains_deg(pzvo_polygon(shape), ra, dec_deg)
  END
$$;

-- 1 if two shapes share a point (Spherical.intersects).
CREATE OR REPLACE FUNCTION pzvo_intersects(shape1 float8[], shape2 float8[]) RETURNS integer
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
DECLARE k1 integer; k2 integer; c float8[]; pa float8[]; pb float8[]; n integer; m integer; radius_rad float8;
BEGIN
  IF array_position(shape1, NULL) IS NOT NULL OR array_position(shape2, NULL) IS NOT NULL THEN RETURN NULL; END IF;
  k1 := pzvo_shape_kind(shape1);
  k2 := pzvo_shape_kind(shape2);
  IF k1 > k2 THEN
    RETURN pzvo_intersects(shape2, shape1);
  END IF;
  IF k1 = 2 THEN
    RETURN pzvo_contains(shape1[1], shape1[2], shape2);
  END IF;
  IF k1 = 3 AND k2 = 3 THEN
    RETURN CASE WHEN pzvo_distance(shape1[1], shape1[2], shape2[1], shape2[2]) <= shape1[3] + shape2[3] THEN 1 ELSE 0 END;
  END IF;
  IF k1 = 3 THEN
    pb := pzvo_polygon(shape2);
    c := pzvo_unit(shape1[1], shape1[2]);
    IF pzvo_polygon_contains(pb, c[1], c[2], c[3]) THEN RETURN 1; END IF;
    radius_rad := shape1[3] * 0.017453292519943295::float8;
    FOR i IN 0..(array_length(shape2, 1) / 2) - 1 LOOP
      IF pzvo_polygon_edge_distance(pb, i, c[1], c[2], c[3]) <= radius_rad THEN RETURN 1; END IF;
    END LOOP;
    RETURN 0;
  END IF;
  pa := pzvo_polygon(shape1);
  pb := pzvo_polygon(shape2);
  IF pzvo_polygon_contains(pa, pb[6], pb[7], pb[8]) OR pzvo_polygon_contains(pb, pa[6], pa[7], pa[8]) THEN
    RETURN 1;
  END IF;
  n := array_length(shape1, 1) / 2;
  m := array_length(shape2, 1) / 2;
  FOR i IN 0..n - 1 LOOP
    FOR k IN 0..m - 1 LOOP
      IF pzvo_polygon_edges_cross(pa, i, pb, k) THEN RETURN 1; END IF;
    END LOOP;
  END LOOP;
  RETURN 0;
END
$$;

-- Area in square degrees (Spherical.areaSqDeg).
CREATE OR REPLACE FUNCTION pzvo_area(shape float8[]) RETURNS float8
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
DECLARE kind integer; s float8;
BEGIN
  IF array_position(shape, NULL) IS NOT NULL THEN RETURN NULL; END IF;
  kind := pzvo_shape_kind(shape);
  IF kind = 2 THEN RETURN 0; END IF;
  IF kind = 3 THEN
    s := sin(least(shape[3], 180) * 0.017453292519943295::float8 / 2);
    RETURN 4 * pi() * s * s * (57.29577951308232::float8 * 57.29577951308232::float8);
  END IF;
  RETURN (pzvo_polygon(shape))[2] * (57.29577951308232::float8 * 57.29577951308232::float8);
END
$$;

-- Centroid {ra, dec_deg} (Spherical.centroid; SphericalPolygon.centroidVector).
CREATE OR REPLACE FUNCTION pzvo_centroid(shape float8[]) RETURNS float8[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
DECLARE
  poly float8[]; n integer; j integer; cx float8; cy float8; cz float8;
  xi float8; yi float8; zi float8; xj float8; yj float8; zj float8; tx float8; ty float8; tz float8;
  excess float8; size float8; mx float8; my float8; mz float8; norm float8;
  vx float8 := 0; vy float8 := 0; vz float8 := 0; side float8[];
BEGIN
  IF array_position(shape, NULL) IS NOT NULL THEN RETURN NULL; END IF;
  IF pzvo_shape_kind(shape) <= 3 THEN
    RETURN ARRAY[shape[1], shape[2]];
  END IF;
  poly := pzvo_polygon(shape);
  n := (array_length(poly, 1) - 5) / 3;
  cx := poly[3]; cy := poly[4]; cz := poly[5];
  FOR i IN 0..n - 1 LOOP
    j := (i + 1) % n;
    xi := poly[3 * i + 6]; yi := poly[3 * i + 7]; zi := poly[3 * i + 8];
    xj := poly[3 * j + 6]; yj := poly[3 * j + 7]; zj := poly[3 * j + 8];
    tx := yi * zj - zi * yj;
    ty := zi * xj - xi * zj;
    tz := xi * yj - yi * xj;
    excess := 2 * atan2(cx * tx + cy * ty + cz * tz,
      1 + (cx * xi + cy * yi + cz * zi) + (xi * xj + yi * yj + zi * zj) + (xj * cx + yj * cy + zj * cz));
    size := greatest(pzvo_angle(cx, cy, cz, xi, yi, zi),
      greatest(pzvo_angle(xi, yi, zi, xj, yj, zj), pzvo_angle(cx, cy, cz, xj, yj, zj)));
    IF size < 1e-3 THEN
      mx := cx + xi + xj; my := cy + yi + yj; mz := cz + zi + zj;
      norm := sqrt(mx * mx + my * my + mz * mz);
      vx := vx + excess * mx / norm;
      vy := vy + excess * my / norm;
      vz := vz + excess * mz / norm;
    ELSE
      side := pzvo_add_side(cx, cy, cz, xi, yi, zi, ARRAY[0, 0, 0]::float8[]);
      side := pzvo_add_side(xi, yi, zi, xj, yj, zj, side);
      side := pzvo_add_side(xj, yj, zj, cx, cy, cz, side);
      vx := vx + side[1] / 2;
      vy := vy + side[2] / 2;
      vz := vz + side[3] / 2;
    END IF;
  END LOOP;
  RETURN pzvo_to_ra_dec(poly[1] * vx, poly[1] * vy, poly[1] * vz);
END
$$;

-- Adds side length times the unit normal of the side (a, b) to acc (SphericalPolygon.addSide).
CREATE OR REPLACE FUNCTION pzvo_add_side(ax float8, ay float8, az float8, bx float8, b_y float8, bz float8, acc float8[])
RETURNS float8[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
DECLARE nx float8; ny float8; nz float8; norm float8; angle float8;
BEGIN
  nx := ay * bz - az * b_y;
  ny := az * bx - ax * bz;
  nz := ax * b_y - ay * bx;
  norm := sqrt(nx * nx + ny * ny + nz * nz);
  IF norm = 0 THEN RETURN acc; END IF;
  angle := atan2(norm, ax * bx + ay * b_y + az * bz);
  RETURN ARRAY[acc[1] + angle * nx / norm, acc[2] + angle * ny / norm, acc[3] + angle * nz / norm];
END
$$;

-- The polygon of an ADQL BOX (Spherical.boxPolygon; ADQL 2.1 section 4.2.4): NE, NW, SW, SE.
CREATE OR REPLACE FUNCTION pzvo_box(ra float8, dec_deg float8, width float8, height float8) RETURNS float8[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
DECLARE
  r float8; d float8; c float8[]; ex float8; ey float8; nx float8; ny float8; nz float8;
  cw float8; sw float8; ch float8; sh float8; se float8; sn float8; result float8[] := '{}';
  tx float8; ty float8; tz float8; px float8; py float8; pz float8;
  ux float8; uy float8; uz float8; qx float8; qy float8; qz float8; vx float8; vy float8; vz float8;
  signs CONSTANT float8[] := ARRAY[1, 1, -1, 1, -1, -1, 1, -1];
BEGIN
  PERFORM pzvo_check_position(ra, dec_deg);
  IF width = 'NaN'::float8 OR height = 'NaN'::float8 OR NOT (width > 0 AND width < 180) OR NOT (height > 0 AND height < 180) THEN
    RAISE EXCEPTION 'Expected a box width and height in (0, 180) deg, actual % x %', width, height USING ERRCODE = '22023';
  END IF;
  r := pzvo_rad(ra);
  d := pzvo_rad(dec_deg);
  c := pzvo_unit(ra, dec_deg);
  ex := -sin(r);
  ey := cos(r);
  nx := -sin(d) * cos(r);
  ny := -sin(d) * sin(r);
  nz := cos(d);
  cw := cos(width * 0.017453292519943295::float8 / 2);
  sw := sin(width * 0.017453292519943295::float8 / 2);
  ch := cos(height * 0.017453292519943295::float8 / 2);
  sh := sin(height * 0.017453292519943295::float8 / 2);
  FOR k IN 0..3 LOOP
    se := signs[2 * k + 1];
    sn := signs[2 * k + 2];
    tx := c[1] * ch + sn * nx * sh;
    ty := c[2] * ch + sn * ny * sh;
    tz := c[3] * ch + sn * nz * sh;
    px := ty * 0 - tz * ey;
    py := tz * ex - tx * 0;
    pz := tx * ey - ty * ex;
    ux := c[1] * cw + se * ex * sw;
    uy := c[2] * cw + se * ey * sw;
    uz := c[3] * cw;
    qx := uy * nz - uz * ny;
    qy := uz * nx - ux * nz;
    qz := ux * ny - uy * nx;
    vx := py * qz - pz * qy;
    vy := pz * qx - px * qz;
    vz := px * qy - py * qx;
    IF vx * c[1] + vy * c[2] + vz * c[3] < 0 THEN
      vx := -vx; vy := -vy; vz := -vz;
    END IF;
    result := result || pzvo_to_ra_dec(vx, vy, vz);
  END LOOP;
  RETURN result;
END
$$;

-- ivo_histogram state transition (Histogram.add / Histogram.bin).
CREATE OR REPLACE FUNCTION pzvo_histogram_step(state integer[], val float8, lower float8, upper float8, nbins integer)
RETURNS integer[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE b integer;
BEGIN
  IF val IS NULL OR lower IS NULL OR upper IS NULL OR nbins IS NULL THEN
    RETURN state;
  END IF;
  IF nbins < 1 OR NOT (lower < upper) OR lower = 'NaN'::float8 OR upper = 'NaN'::float8 THEN
    RAISE EXCEPTION 'Expected nbins >= 1 and lower < upper, actual nbins %, lower %, upper %', nbins, lower, upper
      USING ERRCODE = '22023';
  END IF;
  IF val = 'NaN'::float8 THEN
    RETURN state;
  END IF;
  IF val < lower THEN
    b := 0;
  ELSIF val >= upper THEN
    b := nbins + 1;
  ELSE
    b := 1 + least(nbins - 1, floor((val - lower) / (upper - lower) * nbins))::integer;
  END IF;
  IF state IS NULL THEN
    state := array_fill(0, ARRAY[nbins + 2]);
  ELSIF array_length(state, 1) <> nbins + 2 THEN
    RAISE EXCEPTION 'Expected the same nbins in every row of ivo_histogram, actual % and %', array_length(state, 1) - 2, nbins
      USING ERRCODE = '22023';
  END IF;
  state[b + 1] := state[b + 1] + 1;
  RETURN state;
END
$$;

CREATE OR REPLACE FUNCTION pzvo_histogram_combine(a integer[], b integer[]) RETURNS integer[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
  IF a IS NULL THEN RETURN b; END IF;
  IF b IS NULL THEN RETURN a; END IF;
  RETURN ARRAY(SELECT x + y FROM unnest(a, b) AS t(x, y));
END
$$;

CREATE OR REPLACE AGGREGATE ivo_histogram(float8, float8, float8, integer) (
  SFUNC = pzvo_histogram_step,
  STYPE = integer[],
  COMBINEFUNC = pzvo_histogram_combine,
  PARALLEL = SAFE
);

-- ivo_string_agg(value, delimiter): non-NULL values joined with the delimiter (StringAgg).
CREATE OR REPLACE FUNCTION pzvo_string_agg_step(state text, val text, delimiter text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN val IS NULL THEN state
              WHEN state IS NULL THEN val
              ELSE state || coalesce(delimiter, '') || val END
$$;

CREATE OR REPLACE AGGREGATE ivo_string_agg(text, text) (
  SFUNC = pzvo_string_agg_step,
  STYPE = text
);

-- Identity on PostgreSQL; on H2 it unwraps the JAVA_OBJECT of ivo_histogram (see Histogram).
CREATE OR REPLACE FUNCTION pzvo_int_array(a integer[]) RETURNS integer[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ SELECT a $$;

-- 1 if word occurs in haystack, ignoring case, between non-word characters (GAVO ivo_hasword).
CREATE OR REPLACE FUNCTION ivo_hasword(haystack text, word text) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT CASE WHEN word = '' THEN 0
              WHEN lower(haystack) ~ ('(^|[^[:alnum:]_])'
                   || regexp_replace(lower(word), '([^[:alnum:]_[:space:]])', '\\\1', 'g')
                   || '($|[^[:alnum:]_])') THEN 1
              ELSE 0 END
$$;

-- 1 if value matches the SQL LIKE pattern ignoring case (ivo_nocasematch).
CREATE OR REPLACE FUNCTION ivo_nocasematch(val text, pattern text) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT CASE WHEN val ILIKE pattern THEN 1 ELSE 0 END
$$;
