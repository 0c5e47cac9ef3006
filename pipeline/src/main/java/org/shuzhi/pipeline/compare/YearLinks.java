package org.shuzhi.pipeline.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Links between reports from their metadata (issue 6 item 1): two reports are related when they have the same unit
 * (so a unit whose secretary changed is still compared), or the same secretary (a secretary who moved units). Units
 * and names are compared with whitespace removed. A name counts as one person only when no year has two reports
 * carrying it from different units (two namesakes in one year would otherwise be merged). Immutable.
 */
final class YearLinks {
    /** What the links need of a document. */
    record Meta(String unit, String secretary, Integer year) {
    }

    private final List<Meta> metas;
    private final Map<String, List<Integer>> byUnit = new HashMap<>();
    private final Map<String, List<Integer>> bySecretary = new HashMap<>();

    /** @param metas per document number, its metadata (null for documents that are not linked, e.g. templates) */
    YearLinks(List<Meta> metas) {
        this.metas = metas;
        Map<String, Map<Integer, Set<String>>> unitsPerNameYear = new HashMap<>();
        for (int i = 0; i < metas.size(); i++) {
            Meta m = metas.get(i);
            if (m == null) {
                continue;
            }
            String u = key(m.unit());
            String s = key(m.secretary());
            if (u != null) {
                byUnit.computeIfAbsent(u, k -> new ArrayList<>()).add(i);
            }
            if (s != null) {
                bySecretary.computeIfAbsent(s, k -> new ArrayList<>()).add(i);
                if (m.year() != null) {
                    unitsPerNameYear.computeIfAbsent(s, k -> new HashMap<>())
                            .computeIfAbsent(m.year(), k -> new HashSet<>()).add(u == null ? "?" + i : u);
                }
            }
        }
        unitsPerNameYear.forEach((name, years) -> {
            if (years.values().stream().anyMatch(units -> units.size() > 1)) {
                bySecretary.remove(name);
            }
        });
    }

    private static String key(String s) {
        if (s == null) {
            return null;
        }
        String k = s.replaceAll("\\s+", "");
        return k.isEmpty() ? null : k;
    }

    /** @return true when the two documents have the same unit, or the same (unambiguous) secretary */
    boolean related(int a, int b) {
        Meta x = metas.get(a);
        Meta y = metas.get(b);
        if (x == null || y == null) {
            return false;
        }
        String ux = key(x.unit());
        if (ux != null && ux.equals(key(y.unit()))) {
            return true;
        }
        String sx = key(x.secretary());
        return sx != null && sx.equals(key(y.secretary())) && bySecretary.containsKey(sx);
    }

    /** @return true when both have the same unit */
    boolean sameUnit(int a, int b) {
        String ux = key(metas.get(a).unit());
        return ux != null && ux.equals(key(metas.get(b).unit()));
    }

    /** @return true when both have the same unambiguous secretary */
    boolean sameSecretary(int a, int b) {
        String sx = key(metas.get(a).secretary());
        return sx != null && sx.equals(key(metas.get(b).secretary())) && bySecretary.containsKey(sx);
    }

    /** @return the related documents of other (known) years, by year then number; empty when the year is unknown */
    List<Integer> linked(int a) {
        Meta m = metas.get(a);
        if (m == null || m.year() == null) {
            return List.of();
        }
        Set<Integer> out = new HashSet<>();
        String u = key(m.unit());
        String s = key(m.secretary());
        if (u != null) {
            out.addAll(byUnit.getOrDefault(u, List.of()));
        }
        if (s != null) {
            out.addAll(bySecretary.getOrDefault(s, List.of()));
        }
        List<Integer> l = new ArrayList<>();
        for (int o : out) {
            Integer y = metas.get(o).year();
            if (o != a && y != null && !y.equals(m.year())) {
                l.add(o);
            }
        }
        l.sort(Comparator.comparingInt((Integer o) -> metas.get(o).year()).thenComparingInt(o -> o));
        return l;
    }

    /** @return the related documents of earlier years, nearest year first */
    List<Integer> earlier(int a) {
        int y = metas.get(a).year() == null ? Integer.MIN_VALUE : metas.get(a).year();
        List<Integer> l = new ArrayList<>(linked(a).stream().filter(o -> metas.get(o).year() < y).toList());
        l.sort(Comparator.comparingInt((Integer o) -> -metas.get(o).year()).thenComparingInt(o -> o));
        return l;
    }
}
