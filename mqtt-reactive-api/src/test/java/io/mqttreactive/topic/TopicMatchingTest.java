package io.mqttreactive.topic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicMatchingTest {

    @ParameterizedTest(name = "\"{0}\" matches \"{1}\": {2}")
    @CsvSource(delimiter = '|', textBlock = """
            a/b              | a/b                   | true
            a/b              | a/B                   | false
            a/b              | a/b/                  | false
            a/b              | a                     | false
            a                | a/b                   | false
            a//b             | a//b                  | true
            a//b             | a/b                   | false
            /                | /                     | true
            /a               | a                     | false
            #                | a                     | true
            #                | a/b/c                 | true
            #                | /                     | true
            #                | /a                    | true
            sport/#          | sport                 | true
            sport/#          | sport/                | true
            sport/#          | sport/tennis/player1  | true
            sport/#          | sports                | false
            sport/tennis/#   | sport/tennis          | true
            sport/tennis/#   | sport/tennis/a/b      | true
            sport/tennis/#   | sport/tennisX         | false
            /#               | /                     | true
            /#               | /a/b                  | true
            /#               | a                     | false
            +                | a                     | true
            +                | a/b                   | false
            +                | /                     | false
            +                | /a                    | false
            +/+              | /a                    | true
            +/+              | /                     | true
            +/+              | a/b                   | true
            +/+              | a                     | false
            /+               | /finance              | true
            /+               | /                     | true
            +/               | a/                    | true
            +/               | a                     | false
            sport/+          | sport                 | false
            sport/+          | sport/                | true
            sport/+          | sport/tennis          | true
            sport/+          | sport/tennis/x        | false
            sport/+/player1  | sport/tennis/player1  | true
            sport/+/player1  | sport//player1        | true
            sport/+/player1  | sport/tennis/player2  | false
            +/tennis/#       | sport/tennis/player1  | true
            +/tennis/#       | sport/tennis          | true
            +/#              | a                     | true
            a/+/#            | a/b                   | true
            a/+/#            | a                     | false
            a/b/c            | a/b/cd                | false
            a/bc/d           | a/b/d                 | false
            """)
    void matchesByLevels(String filter, String topic, boolean expected) {
        assertThat(MqttTopicFilter.of(filter).matches(MqttTopic.of(topic))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[MQTT-4.7.2-1] \"{0}\" matches \"{1}\": {2}")
    @CsvSource(delimiter = '|', textBlock = """
            #                    | $SYS/broker        | false
            +/broker             | $SYS/broker        | false
            +                    | $SYS               | false
            +/#                  | $SYS/a             | false
            $SYS/#               | $SYS/broker/load   | true
            $SYS/+               | $SYS/broker        | true
            $SYS/broker          | $SYS/broker        | true
            $SYS                 | $SYS               | true
            a/#                  | a/$b               | true
            a/+                  | a/$b               | true
            $share/g/#           | $SYS/broker        | false
            $share/g/$SYS/#      | $SYS/broker        | true
            """)
    void wildcardsAtTheStartDoNotMatchDollarTopics(String filter, String topic, boolean expected) {
        assertThat(MqttTopicFilter.of(filter).matches(MqttTopic.of(topic))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "shared \"{0}\" matches \"{1}\": {2}")
    @CsvSource(delimiter = '|', textBlock = """
            $share/g/sport/+     | sport/tennis       | true
            $share/g/sport/#     | sport              | true
            $share/g/sport       | $share/g/sport     | false
            $share/g/a/b         | a/b                | true
            $share/g/a/b         | g/a/b              | false
            """)
    void sharedFiltersMatchLikeTheirTopicFilter(String filter, String topic, boolean expected) {
        assertThat(MqttTopicFilter.of(filter).matches(MqttTopic.of(topic))).isEqualTo(expected);
    }
}
