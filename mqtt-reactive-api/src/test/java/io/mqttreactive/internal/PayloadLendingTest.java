package io.mqttreactive.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.message.MqttMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PayloadLendingTest {

    @Test
    @DisplayName("MqttMessage registers its lender when it is initialized, and only one lender is accepted")
    void registeredOnceByTheMessageType() {
        MqttMessage.builder();
        assertThat(PayloadLending.lender()).isNotNull();
        assertThatThrownBy(() -> PayloadLending.register(new PayloadLending.Lender<Object, Object>() {
            @Override
            public void adopt(Object builder, byte[] payload) {
            }

            @Override
            public byte[] read(Object message) {
                return new byte[0];
            }
        })).isInstanceOf(IllegalStateException.class);
    }
}
