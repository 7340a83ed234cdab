package io.mqttreactive;

/**
 * A version of the MQTT protocol, with the protocol name and level it sends in CONNECT.
 */
public enum MqttVersion {

    /** MQTT 3.1: protocol name {@code MQIsdp}, protocol level 3. */
    MQTT_3_1("MQIsdp", 3),

    /** MQTT 3.1.1 (OASIS standard): protocol name {@code MQTT}, protocol level 4. */
    MQTT_3_1_1("MQTT", 4),

    /** MQTT 5.0 (OASIS standard): protocol name {@code MQTT}, protocol level 5. */
    MQTT_5_0("MQTT", 5);

    private final String protocolName;
    private final int protocolLevel;

    MqttVersion(String protocolName, int protocolLevel) {
        this.protocolName = protocolName;
        this.protocolLevel = protocolLevel;
    }

    /**
     * Returns the protocol name sent in CONNECT.
     *
     * @return {@code MQIsdp} for 3.1, {@code MQTT} otherwise
     */
    public String protocolName() {
        return protocolName;
    }

    /**
     * Returns the protocol level sent in CONNECT.
     *
     * @return 3, 4 or 5
     */
    public int protocolLevel() {
        return protocolLevel;
    }

    /**
     * Tells whether this version has MQTT 5 features: properties, reason codes, AUTH.
     *
     * @return {@code true} for {@link #MQTT_5_0}
     */
    public boolean isMqtt5() {
        return this == MQTT_5_0;
    }

    /**
     * Returns the version with a protocol level.
     *
     * @param level the protocol level from a CONNECT packet
     * @return the version
     * @throws IllegalArgumentException if no version has that level
     */
    public static MqttVersion fromProtocolLevel(int level) {
        for (MqttVersion version : values()) {
            if (version.protocolLevel == level) {
                return version;
            }
        }
        throw new IllegalArgumentException("unsupported MQTT protocol level " + level);
    }
}
