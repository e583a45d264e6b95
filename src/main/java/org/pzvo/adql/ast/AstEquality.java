// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Structural equality of syntax trees that ignores {@link Span}s. Record equality compares spans
 * too, which is right for most uses (two nodes at different places are different nodes); this
 * helper answers "do these trees mean the same query?", as needed by the printer's round-trip
 * contract {@code equalsIgnoringSpans(parse(print(q)), q)}.
 */
public final class AstEquality {
    private AstEquality() {
    }

    /** Whether {@code a} and {@code b} are equal once every span is disregarded. */
    public static boolean equalsIgnoringSpans(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof Span && b instanceof Span) {
            return true;
        }
        if (a.getClass() != b.getClass()) {
            return false;
        }
        if (a instanceof List<?> la) {
            List<?> lb = (List<?>) b;
            if (la.size() != lb.size()) {
                return false;
            }
            Iterator<?> ib = lb.iterator();
            for (Object x : la) {
                if (!equalsIgnoringSpans(x, ib.next())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Optional<?> oa) {
            Optional<?> ob = (Optional<?>) b;
            return oa.isPresent() == ob.isPresent()
                    && (oa.isEmpty() || equalsIgnoringSpans(oa.get(), ob.get()));
        }
        if (a instanceof Record) {
            for (RecordComponent c : a.getClass().getRecordComponents()) {
                if (!equalsIgnoringSpans(get(c, a), get(c, b))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static Object get(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }
}
