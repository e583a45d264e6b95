// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.tap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pzvo.adql.feature.LanguageFeature;
import org.pzvo.auth.SecurityMethods;
import org.pzvo.dali.OutputFormat;

/**
 * The VOSI capabilities document of the TAP service (VOSI 1.1 §3.1), with the TAPRegExt 1.0
 * TableAccess capability: languages and their optional features (from the same declarations the
 * ADQL checker enforces), output formats, upload methods and limits.
 */
public final class Capabilities {
    /** Limits advertised in the TableAccess capability (TAPRegExt 1.0 §2.4–2.6). */
    public record Limits(long defaultMaxrec, long hardMaxrec, int asyncDefaultSeconds, int asyncHardSeconds,
                         int retentionDefaultSeconds, int retentionHardSeconds, long uploadMaxRows) {}

    private final List<LanguageFeature> features;
    private final Limits limits;
    private final List<String> dataModels;

    /**
     * @param dataModels ivo-ids of data models the service holds, e.g. ObsCore 1.1
     */
    public Capabilities(List<LanguageFeature> features, Limits limits, List<String> dataModels) {
        this.features = List.copyOf(features);
        this.limits = limits;
        this.dataModels = List.copyOf(dataModels);
    }

    String document(String tapBaseUrl) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<vosi:capabilities xmlns:vosi=\"http://www.ivoa.net/xml/VOSICapabilities/v1.0\"")
                .append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
                .append(" xmlns:vr=\"http://www.ivoa.net/xml/VOResource/v1.0\"")
                .append(" xmlns:vs=\"http://www.ivoa.net/xml/VODataService/v1.1\"")
                .append(" xmlns:tr=\"http://www.ivoa.net/xml/TAPRegExt/v1.0\">\n");
        tableAccess(sb, tapBaseUrl);
        simple(sb, "ivo://ivoa.net/std/VOSI#capabilities", tapBaseUrl + "/capabilities");
        simple(sb, "ivo://ivoa.net/std/VOSI#availability", tapBaseUrl + "/availability");
        simple(sb, "ivo://ivoa.net/std/VOSI#tables-1.1", tapBaseUrl + "/tables");
        simple(sb, "ivo://ivoa.net/std/DALI#examples", tapBaseUrl + "/examples");
        // Each interface anonymous and with bearer tokens (issue 9).
        return SecurityMethods.withTokenInterfaces(sb.append("</vosi:capabilities>\n").toString());
    }

    private void tableAccess(StringBuilder sb, String base) {
        sb.append("<capability standardID=\"ivo://ivoa.net/std/TAP\" xsi:type=\"tr:TableAccess\">\n");
        sb.append("<interface xsi:type=\"vs:ParamHTTP\" role=\"std\" version=\"1.1\">")
                .append("<accessURL use=\"base\">").append(Xml.text(base)).append("</accessURL></interface>\n");
        for (String dm : dataModels) {
            sb.append("<dataModel ivo-id=\"").append(Xml.text(dm)).append("\">")
                    .append(Xml.text(dataModelName(dm))).append("</dataModel>\n");
        }
        sb.append("<language><name>ADQL</name>")
                .append("<version ivo-id=\"ivo://ivoa.net/std/ADQL#v2.0\">2.0</version>")
                .append("<version ivo-id=\"ivo://ivoa.net/std/ADQL#v2.1\">2.1</version>")
                .append("<description>ADQL 2.1 (IVOA Recommendation 2023-12-15); ADQL 2.0 queries are accepted as well."
                        + " Geometry is ICRS only.</description>\n");
        Map<String, StringBuilder> byType = new LinkedHashMap<>();
        for (LanguageFeature f : features) {
            byType.computeIfAbsent(f.typeUri(), k -> new StringBuilder())
                    .append("<feature><form>").append(Xml.text(f.form())).append("</form>")
                    .append(Xml.element("description", f.description())).append("</feature>\n");
        }
        byType.forEach((type, list) -> sb.append("<languageFeatures type=\"").append(Xml.text(type)).append("\">\n")
                .append(list).append("</languageFeatures>\n"));
        sb.append("</language>\n");
        for (OutputFormat f : OutputFormat.values()) {
            String ivoId = outputFormatId(f);
            sb.append(ivoId == null ? "<outputFormat>" : "<outputFormat ivo-id=\"" + ivoId + "\">")
                    .append("<mime>").append(Xml.text(f.mimeType())).append("</mime>");
            for (String alias : f.aliases()) {
                sb.append("<alias>").append(Xml.text(alias)).append("</alias>");
            }
            sb.append("</outputFormat>\n");
        }
        for (String method : new String[] {"inline", "http", "https"}) {
            sb.append("<uploadMethod ivo-id=\"ivo://ivoa.net/std/TAPRegExt#upload-").append(method).append("\"/>\n");
        }
        sb.append("<retentionPeriod><default>").append(limits.retentionDefaultSeconds())
                .append("</default><hard>").append(limits.retentionHardSeconds()).append("</hard></retentionPeriod>\n")
                .append("<executionDuration><default>").append(limits.asyncDefaultSeconds())
                .append("</default><hard>").append(limits.asyncHardSeconds()).append("</hard></executionDuration>\n")
                .append("<outputLimit><default unit=\"row\">").append(limits.defaultMaxrec())
                .append("</default><hard unit=\"row\">").append(limits.hardMaxrec()).append("</hard></outputLimit>\n")
                .append("<uploadLimit><default unit=\"row\">").append(limits.uploadMaxRows())
                .append("</default><hard unit=\"row\">").append(limits.uploadMaxRows()).append("</hard></uploadLimit>\n")
                .append("</capability>\n");
    }

    private static String dataModelName(String ivoId) {
        return ivoId.startsWith("ivo://ivoa.net/std/ObsCore") ? "ObsCore-1.1" : ivoId;
    }

    /** TAPRegExt 1.0 §2.3 standard output format identifiers. */
    private static String outputFormatId(OutputFormat f) {
        switch (f) {
            case VOTABLE_BINARY2:
                return "ivo://ivoa.net/std/TAPRegExt#output-votable-binary2";
            case VOTABLE_BINARY:
                return "ivo://ivoa.net/std/TAPRegExt#output-votable-binary";
            case VOTABLE_TABLEDATA:
                return "ivo://ivoa.net/std/TAPRegExt#output-votable-td";
            default:
                return null;
        }
    }

    private static void simple(StringBuilder sb, String standardId, String url) {
        sb.append("<capability standardID=\"").append(standardId).append("\">")
                .append("<interface xsi:type=\"vs:ParamHTTP\"><accessURL use=\"full\">").append(Xml.text(url))
                .append("</accessURL></interface></capability>\n");
    }

}
