// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pzvo.adql.Messages;
import org.pzvo.adql.ast.*;

/**
 * The function half of {@link ExprResolver}: shared helpers for type requirements, and the
 * resolution and typing of built-in functions (ADQL 2.1 §2.3.2-§2.3.4), aggregates, UDFs, CAST
 * and the geometry constructors (§4.2, with the ICRS-only rule of DESIGN.md). Split from
 * {@link ExprResolver} only to keep each class readable; they form one visitor.
 */
abstract class FunctionTyping extends DefaultVisitor<Typed> {
    final QueryResolver queries;
    final Scope scope;

    FunctionTyping(QueryResolver queries, Scope scope) {
        this.queries = queries;
        this.scope = scope;
    }

    Typed typed(Expr e) {
        return e.accept(this);
    }

    Expr expr(Expr e) {
        return (Expr) e.accept(this).node();
    }

    Predicate predicate(Predicate p) {
        return (Predicate) p.accept(this).node();
    }

    static CheckFailure fail(Node node, String message) {
        return new CheckFailure(node.span(), message);
    }

    @Override
    protected Typed visitNode(Node node) {
        throw new IllegalStateException("not an expression: " + node.getClass().getSimpleName());
    }

    List<Expr> nodes(List<Typed> typed) {
        List<Expr> out = new ArrayList<>(typed.size());
        for (Typed t : typed) {
            out.add((Expr) t.node());
        }
        return out;
    }

    Typed require(Expr e, Meta.Kind wanted, String what, int position) {
        Typed t = typed(e);
        Meta.Kind kind = t.meta().kind();
        boolean ok = kind == wanted || kind == Meta.Kind.NULL
                || (wanted == Meta.Kind.NUMERIC && kind == Meta.Kind.BOOLEAN)
                || (wanted == Meta.Kind.STRING && kind == Meta.Kind.TIMESTAMP);
        if (!ok) {
            throw fail(e, Messages.argumentType(what, position, wanted.description(), kind.description()));
        }
        return t;
    }

    Typed point(Expr e, String what, int position) {
        Typed t = require(e, Meta.Kind.GEOMETRY, what, position);
        String xtype = t.meta().xtype();
        if (xtype != null && !xtype.equalsIgnoreCase("point") && t.meta().kind() == Meta.Kind.GEOMETRY) {
            throw fail(e, Messages.argumentType(what, position, "a point", "a " + xtype.toLowerCase(Locale.ROOT).replace("adql:", "")));
        }
        return t;
    }

    static boolean integral(Typed t) {
        return t.meta().isIntegral() || t.meta().kind() == Meta.Kind.NULL;
    }

    // ------------------------------------------------------------------ functions

    @Override
    public Typed visitBuiltinCall(BuiltinCall node) {
        BuiltinFunction fn = node.function();
        String name = fn.adqlName();
        List<Typed> args = new ArrayList<>();
        Meta meta;
        switch (fn.category()) {
            case MATH, TRIG -> {
                for (int i = 0; i < node.args().size(); i++) {
                    args.add(require(node.args().get(i), Meta.Kind.NUMERIC, name, i + 1));
                }
                boolean ints = args.stream().allMatch(ExprResolver::integral) && !args.isEmpty();
                meta = switch (fn) {
                    case ABS -> (ints ? Meta.LONG : Meta.DOUBLE).withUnit(args.get(0).meta().unit());
                    case MOD -> ints ? Meta.LONG : Meta.DOUBLE;
                    case CEILING, FLOOR, ROUND, TRUNCATE -> Meta.DOUBLE.withUnit(args.get(0).meta().unit());
                    case DEGREES -> Meta.DOUBLE.withUnit("deg");
                    case RADIANS, ACOS, ASIN, ATAN, ATAN2 -> Meta.DOUBLE.withUnit("rad");
                    default -> Meta.DOUBLE;
                };
            }
            case STRING -> {
                args.add(require(node.args().get(0), Meta.Kind.STRING, name, 1));
                meta = Meta.STRING;
            }
            default -> {
                meta = geometryFunction(node, args);
            }
        }
        return new Typed(new BuiltinCall(node.span(), fn, nodes(args)), meta);
    }

    private Meta geometryFunction(BuiltinCall node, List<Typed> args) {
        String name = node.function().adqlName();
        switch (node.function()) {
            case COORD1, COORD2 -> {
                args.add(point(node.args().get(0), name, 1));
                return Meta.DOUBLE.withUnit("deg");
            }
            case DISTANCE -> {
                args.add(point(node.args().get(0), name, 1));
                args.add(point(node.args().get(1), name, 2));
                return new Meta("double", null, null, "deg", "pos.angDistance", null, null);
            }
            case AREA -> {
                args.add(require(node.args().get(0), Meta.Kind.GEOMETRY, name, 1));
                return Meta.DOUBLE.withUnit("deg**2");
            }
            case CENTROID -> {
                args.add(require(node.args().get(0), Meta.Kind.GEOMETRY, name, 1));
                return Meta.POINT;
            }
            case COORDSYS -> {
                args.add(require(node.args().get(0), Meta.Kind.GEOMETRY, name, 1));
                return Meta.STRING;
            }
            default -> {
                args.add(require(node.args().get(0), Meta.Kind.GEOMETRY, name, 1));
                args.add(require(node.args().get(1), Meta.Kind.GEOMETRY, name, 2));
                return Meta.INT;
            }
        }
    }

    @Override
    public Typed visitAggregate(Aggregate node) {
        String name = node.function().name();
        if (node.arg().isEmpty()) {
            return new Typed(node, Meta.LONG);
        }
        Expr argument = node.arg().get();
        Typed arg = switch (node.function()) {
            case SUM, AVG -> require(argument, Meta.Kind.NUMERIC, name, 1);
            default -> typed(argument);
        };
        Meta m = arg.meta();
        Meta meta = switch (node.function()) {
            case COUNT -> Meta.LONG;
            case AVG -> Meta.DOUBLE.withUnit(m.unit());
            case SUM -> (integral(arg) ? Meta.LONG : Meta.DOUBLE).withUnit(m.unit());
            default -> new Meta(m.datatype(), m.arraysize(), m.xtype(), m.unit(), m.ucd(), m.utype(), null);
        };
        Aggregate resolved = new Aggregate(node.span(), node.function(), node.distinct(), Optional.of((Expr) arg.node()));
        return new Typed(resolved, meta);
    }

    @Override
    public Typed visitUdfCall(UdfCall node) {
        FunctionInfo fn = queries.function(node);
        List<Typed> args = new ArrayList<>();
        for (int i = 0; i < node.args().size(); i++) {
            Meta.Kind kind = Meta.kindOfAdqlType(fn.argumentTypes().get(i));
            args.add(kind == null ? typed(node.args().get(i)) : require(node.args().get(i), kind, fn.name(), i + 1));
        }
        return new Typed(new UdfCall(node.span(), fn.name(), nodes(args)), Meta.ofAdqlType(fn.returnType()));
    }

    @Override
    public Typed visitCast(Cast node) {
        Typed value = typed(node.value());
        Meta.Kind kind = value.meta().kind();
        CastType type = node.type();
        boolean ok = switch (type) {
            case SMALLINT, INTEGER, BIGINT, REAL, DOUBLE_PRECISION -> kind == Meta.Kind.NUMERIC
                    || kind == Meta.Kind.STRING || kind == Meta.Kind.BOOLEAN || kind == Meta.Kind.NULL;
            case CHAR, VARCHAR -> kind != Meta.Kind.GEOMETRY && kind != Meta.Kind.ARRAY;
            case TIMESTAMP -> kind == Meta.Kind.STRING || kind == Meta.Kind.TIMESTAMP || kind == Meta.Kind.NULL;
            default -> kind == Meta.Kind.STRING || kind == Meta.Kind.GEOMETRY || kind == Meta.Kind.NULL;
        };
        if (!ok) {
            throw fail(node.value(), Messages.argumentType("CAST", 1, "convertible to " + type.adql(),
                    kind.description()));
        }
        String arraysize = switch (type) {
            case CHAR -> node.length() >= 0 ? String.valueOf(node.length()) : "*";
            case VARCHAR -> node.length() >= 0 ? node.length() + "*" : "*";
            case TIMESTAMP, POLYGON -> "*";
            case POINT -> "2";
            case CIRCLE -> "3";
            default -> null;
        };
        String unit = type.isGeometry() ? "deg" : null;
        Meta meta = new Meta(type.datatype(), arraysize, type.xtype(), unit, null, null, null);
        return new Typed(new Cast(node.span(), (Expr) value.node(), type, node.length()), meta);
    }

    // ------------------------------------------------------------------ geometry constructors

    private Optional<Expr> coordSys(Optional<Expr> coordSys, String function) {
        if (coordSys.isEmpty()) {
            return coordSys;
        }
        Expr cs = coordSys.get();
        if (cs instanceof StringLiteral s) {
            String bad = Frames.badCoordSys(s.value());
            if (bad != null) {
                throw fail(cs, Messages.unsupportedFrame(s.value()));
            }
            return coordSys;
        }
        return Optional.of((Expr) require(cs, Meta.Kind.STRING, function, 1).node());
    }

    private Expr number(Expr e, String function, int position) {
        return (Expr) require(e, Meta.Kind.NUMERIC, function, position).node();
    }

    private Expr center(Expr e, String function, int position) {
        if (e instanceof Point p && p.coordSys().isEmpty()) {
            return new Point(p.span(), p.coordSys(), number(p.x(), function, position),
                    number(p.y(), function, position + 1));
        }
        return (Expr) point(e, function, position).node();
    }

    @Override
    public Typed visitPoint(Point node) {
        int offset = node.coordSys().isPresent() ? 1 : 0;
        Optional<Expr> cs = coordSys(node.coordSys(), "POINT");
        return new Typed(new Point(node.span(), cs, number(node.x(), "POINT", offset + 1),
                number(node.y(), "POINT", offset + 2)), Meta.POINT);
    }

    @Override
    public Typed visitCircle(Circle node) {
        int offset = node.coordSys().isPresent() ? 1 : 0;
        Optional<Expr> cs = coordSys(node.coordSys(), "CIRCLE");
        Expr center = center(node.center(), "CIRCLE", offset + 1);
        int radiusPosition = offset + (node.center() instanceof Point p && p.coordSys().isEmpty() ? 3 : 2);
        return new Typed(new Circle(node.span(), cs, center, number(node.radius(), "CIRCLE", radiusPosition)),
                Meta.CIRCLE);
    }

    @Override
    public Typed visitBox(Box node) {
        int offset = node.coordSys().isPresent() ? 1 : 0;
        Optional<Expr> cs = coordSys(node.coordSys(), "BOX");
        Expr center = center(node.center(), "BOX", offset + 1);
        int next = offset + (node.center() instanceof Point p && p.coordSys().isEmpty() ? 3 : 2);
        return new Typed(new Box(node.span(), cs, center, number(node.width(), "BOX", next),
                number(node.height(), "BOX", next + 1)), Meta.POLYGON);
    }

    @Override
    public Typed visitPolygon(Polygon node) {
        int position = node.coordSys().isPresent() ? 1 : 0;
        Optional<Expr> cs = coordSys(node.coordSys(), "POLYGON");
        List<Expr> vertices = new ArrayList<>();
        for (Expr v : node.vertices()) {
            boolean inline = v instanceof Point p && p.coordSys().isEmpty();
            vertices.add(center(v, "POLYGON", position + 1));
            position += inline ? 2 : 1;
        }
        return new Typed(new Polygon(node.span(), cs, vertices), Meta.POLYGON);
    }

    @Override
    public Typed visitRegion(Region node) {
        Typed text = require(node.text(), Meta.Kind.STRING, "REGION", 1);
        if (node.text() instanceof StringLiteral s) {
            String bad = Frames.badRegionFrame(s.value());
            if (bad != null) {
                throw fail(node.text(), Messages.unsupportedFrame(bad));
            }
        }
        return new Typed(new Region(node.span(), (Expr) text.node()), Meta.REGION);
    }
}
