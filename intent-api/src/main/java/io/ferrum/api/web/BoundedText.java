package io.ferrum.api.web;

import io.ferrum.model.common.TextLimits;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every string of a request body is checked against {@link TextLimits} for its field while the body is read, so an
 * oversized value is refused naming the field (422) before it can reach an index, a log line or the database.
 */
final class BoundedText {

    private BoundedText() {
    }

    /** The Jackson module the API's mapper reads bodies with. */
    static SimpleModule module() {
        SimpleModule module = new SimpleModule("ferrum-text-limits");
        module.addDeserializer(String.class, new Deserializer(TextLimits.DEFAULT));
        return module;
    }

    /** A string longer than its field allows; the path is added by Jackson as the error unwinds. */
    static final class TooLong extends MismatchedInputException {
        final int max;

        TooLong(JsonParser parser, int max, int length) {
            super(parser, "at most " + max + " characters (got " + length + ")", String.class);
            this.max = max;
        }
    }

    private static final class Deserializer extends StdScalarDeserializer<String> {

        private final int max;

        Deserializer(int max) {
            super(String.class);
            this.max = max;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            int bound = TextLimits.forField(property == null ? null : property.getName());
            return bound == max ? this : new Deserializer(bound);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && value.length() > max) {
                throw new TooLong(parser, max, value.length());
            }
            return value;
        }

        @Override
        public Object getEmptyValue(DeserializationContext context) {
            return "";
        }
    }
}
