package io.mqttreactive.netty.internal.codec.oracle;

import io.netty.buffer.ByteBufUtil;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value snapshot of a packet for comparison: records become maps of component name to value, byte arrays become
 * hex strings, lists stay lists. The model's packages are not opened to AssertJ, which runs outside the module, so
 * the records are read here, inside it, and AssertJ compares the plain snapshots and shows their difference.
 */
final class PacketSnapshot {

    private PacketSnapshot() {
    }

    static Object of(Object value) {
        if (value instanceof byte[] bytes) {
            return "0x" + ByteBufUtil.hexDump(bytes);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PacketSnapshot::of).toList();
        }
        if (value instanceof Record record) {
            Map<String, Object> components = new LinkedHashMap<>();
            components.put("record", record.getClass().getSimpleName());
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                components.put(component.getName(), of(read(record, component)));
            }
            return components;
        }
        return value;
    }

    private static Object read(Record record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }
}
