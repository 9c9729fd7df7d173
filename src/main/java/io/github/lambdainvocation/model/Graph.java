package io.github.lambdainvocation.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Dependencies between invocation ids: {@code a -> [b, c]} means a runs after b and c. Pure.
 *
 * <p>Orders keep the given order among ids that do not depend on each other, so a configuration without
 * dependencies runs exactly in configuration order.
 */
public final class Graph {

    private final Map<String, List<String>> dependsOn;

    /** @param dependsOn for every id, in the order to keep, the ids it depends on */
    public Graph(Map<String, List<String>> dependsOn) {
        this.dependsOn = new LinkedHashMap<>(dependsOn);
    }

    public List<String> dependenciesOf(String id) {
        return dependsOn.getOrDefault(id, List.of());
    }

    /** The ids this graph knows. */
    public Set<String> ids() {
        return dependsOn.keySet();
    }

    /** Dependencies naming ids the graph does not have: "a -> x". */
    public List<String> unknownDependencies() {
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : dependsOn.entrySet()) {
            for (String d : e.getValue()) {
                if (!dependsOn.containsKey(d)) {
                    unknown.add(e.getKey() + " -> " + d);
                }
            }
        }
        return unknown;
    }

    /** A cycle, as the ids along it with the first repeated at the end ("a, b, a"), if there is one. */
    public Optional<List<String>> cycle() {
        Map<String, Integer> mark = new LinkedHashMap<>();
        for (String id : dependsOn.keySet()) {
            List<String> path = new ArrayList<>();
            Optional<List<String>> found = visit(id, mark, path);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<List<String>> visit(String id, Map<String, Integer> mark, List<String> path) {
        Integer state = mark.get(id);
        if (state != null && state == 2) {
            return Optional.empty();
        }
        if (state != null && state == 1) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
            cycle.add(id);
            return Optional.of(cycle);
        }
        mark.put(id, 1);
        path.add(id);
        for (String dep : dependenciesOf(id)) {
            if (dependsOn.containsKey(dep)) {
                Optional<List<String>> found = visit(dep, mark, path);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        path.remove(path.size() - 1);
        mark.put(id, 2);
        return Optional.empty();
    }

    /** Whether every dependency in {@code deps} is done or outside the graph. */
    private boolean ready(List<String> deps, Set<String> done) {
        for (String d : deps) {
            if (!done.contains(d) && dependsOn.containsKey(d)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every id after the ids it depends on; among independent ids, the given order. Requires an acyclic graph.
     */
    public List<String> order() {
        Set<String> done = new LinkedHashSet<>();
        boolean progress = true;
        while (done.size() < dependsOn.size() && progress) {
            progress = false;
            for (Map.Entry<String, List<String>> e : dependsOn.entrySet()) {
                if (!done.contains(e.getKey()) && ready(e.getValue(), done)) {
                    done.add(e.getKey());
                    progress = true;
                    break; // restart from the top: the earliest ready id goes first
                }
            }
        }
        if (done.size() < dependsOn.size()) {
            throw new IllegalStateException("the graph has a cycle: " + cycle().orElse(List.of()));
        }
        return new ArrayList<>(done);
    }

    /** Every id before the ids it depends on: the order of teardown. */
    public List<String> reverseOrder() {
        List<String> order = order();
        Collections.reverse(order);
        return order;
    }
}
