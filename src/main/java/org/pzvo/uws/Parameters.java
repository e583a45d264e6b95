// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The parameters of a job: an immutable, ordered, multi-valued list of name/value pairs whose
 * names compare case-insensitively (DALI 1.1 §3.1: parameter names are not case-sensitive).
 * Values are kept exactly as given.
 */
public final class Parameters {

    /** One name/value pair. */
    public record Parameter(String name, String value) {
        public Parameter {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (name.isBlank()) {
                throw new IllegalArgumentException("Expected a non-blank parameter name");
            }
        }
    }

    /** No parameters. */
    public static final Parameters EMPTY = new Parameters(List.of());

    private final List<Parameter> list;

    private Parameters(List<Parameter> list) {
        this.list = List.copyOf(list);
    }

    /** The parameters in the given order. */
    public static Parameters of(List<Parameter> list) {
        return list.isEmpty() ? EMPTY : new Parameters(list);
    }

    /** Convenience for tests and runners: alternating names and values. */
    public static Parameters of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Expected name/value pairs, actual odd count "
                    + namesAndValues.length);
        }
        List<Parameter> l = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            l.add(new Parameter(namesAndValues[i], namesAndValues[i + 1]));
        }
        return of(l);
    }

    /** All pairs in order. */
    public List<Parameter> asList() {
        return list;
    }

    /** Whether there are no parameters. */
    public boolean isEmpty() {
        return list.isEmpty();
    }

    /** The first value of the named parameter. */
    public Optional<String> first(String name) {
        for (Parameter p : list) {
            if (p.name().equalsIgnoreCase(name)) {
                return Optional.of(p.value());
            }
        }
        return Optional.empty();
    }

    /** All values of the named parameter, in order (empty if absent). */
    public List<String> all(String name) {
        List<String> values = new ArrayList<>();
        for (Parameter p : list) {
            if (p.name().equalsIgnoreCase(name)) {
                values.add(p.value());
            }
        }
        return values;
    }

    /** Whether the named parameter is present. */
    public boolean has(String name) {
        return first(name).isPresent();
    }

    /**
     * These parameters updated by {@code updates}: every name present in {@code updates}
     * replaces all values of that name here (UWS 1.1 §2.2.3.5); other names are kept.
     */
    public Parameters with(Parameters updates) {
        Map<String, List<Parameter>> byName = new LinkedHashMap<>();
        for (Parameter p : list) {
            byName.computeIfAbsent(key(p.name()), k -> new ArrayList<>()).add(p);
        }
        Map<String, List<Parameter>> replacing = new LinkedHashMap<>();
        for (Parameter p : updates.list) {
            replacing.computeIfAbsent(key(p.name()), k -> new ArrayList<>()).add(p);
        }
        byName.putAll(replacing);
        List<Parameter> merged = new ArrayList<>();
        byName.values().forEach(merged::addAll);
        return of(merged);
    }

    /** These parameters without any value of the named parameter. */
    public Parameters without(String name) {
        List<Parameter> kept = new ArrayList<>();
        for (Parameter p : list) {
            if (!p.name().equalsIgnoreCase(name)) {
                kept.add(p);
            }
        }
        return of(kept);
    }

    private static String key(String name) {
        return name.toUpperCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parameters other && list.equals(other.list);
    }

    @Override
    public int hashCode() {
        return list.hashCode();
    }

    @Override
    public String toString() {
        return list.toString();
    }
}
