package io.mqttreactive.netty.json;

import java.util.Locale;

/**
 * Tells whether an MQTT 5.0 Content Type names JSON: the media type {@code application/json} (RFC 8259) or one with
 * the {@code +json} structured syntax suffix (RFC 6839), such as {@code application/ld+json}; parameters such as
 * {@code charset} are ignored, and case does not matter (RFC 6838 section 4.2).
 */
final class JsonContentType {

    private static final String APPLICATION = "application/";

    private JsonContentType() {
    }

    static boolean isJson(String contentType) {
        int parameters = contentType.indexOf(';');
        String mediaType = (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip()
                .toLowerCase(Locale.ROOT);
        if (!mediaType.startsWith(APPLICATION)) {
            return false;
        }
        String subtype = mediaType.substring(APPLICATION.length());
        return subtype.equals("json")
                || subtype.endsWith("+json") && subtype.length() > "+json".length() && subtype.indexOf('/') < 0;
    }
}
