package io.lgc.artifact.container;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Map.copyOf forgets order; report maps must keep file order for display. */
final class OrderedMaps {
    private OrderedMaps() {
    }

    static <K, V> Map<K, V> copy(Map<K, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
