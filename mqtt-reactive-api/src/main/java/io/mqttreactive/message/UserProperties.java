package io.mqttreactive.message;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The MQTT 5.0 user properties of a packet: an immutable, ordered list of name and value pairs. The same
 * name may occur more than once; order and duplicates are kept as given (MQTT 5.0 section 3.3.2.3.7).
 *
 * <p>Build one with {@link #of(String, String)}, {@link #of(List)} or {@link #builder()}. MQTT 3.1 and 3.1.1
 * have no user properties: they are not sent there and are always empty on what is received.
 */
public final class UserProperties implements Iterable<UserProperty> {

    private static final UserProperties EMPTY = new UserProperties(List.of());

    private final List<UserProperty> properties;

    private UserProperties(List<UserProperty> properties) {
        this.properties = properties;
    }

    /**
     * Returns the empty user properties.
     *
     * @return no properties
     */
    public static UserProperties empty() {
        return EMPTY;
    }

    /**
     * Returns user properties holding one pair.
     *
     * @param name  the name
     * @param value the value
     * @return the properties
     * @throws NullPointerException     if an argument is {@code null}
     * @throws IllegalArgumentException if an argument is not a valid MQTT UTF-8 string
     */
    public static UserProperties of(String name, String value) {
        return new UserProperties(List.of(new UserProperty(name, value)));
    }

    /**
     * Returns user properties holding the given pairs in order.
     *
     * @param properties the pairs; the list is copied
     * @return the properties
     * @throws NullPointerException if {@code properties} or an element is {@code null}
     */
    public static UserProperties of(List<UserProperty> properties) {
        return properties.isEmpty() ? EMPTY : new UserProperties(List.copyOf(properties));
    }

    /**
     * Returns a builder for user properties.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the pairs in order.
     *
     * @return an unmodifiable list
     */
    public List<UserProperty> asList() {
        return properties;
    }

    /**
     * Returns the number of pairs, duplicates included.
     *
     * @return the size
     */
    public int size() {
        return properties.size();
    }

    /**
     * Tells whether there is no pair.
     *
     * @return {@code true} if empty
     */
    public boolean isEmpty() {
        return properties.isEmpty();
    }

    /**
     * Returns the value of the first pair with a name.
     *
     * @param name the name
     * @return the first value, or empty if no pair has that name
     */
    public Optional<String> first(String name) {
        Objects.requireNonNull(name, "name");
        return properties.stream().filter(p -> p.name().equals(name)).map(UserProperty::value).findFirst();
    }

    /**
     * Returns the values of all pairs with a name, in order.
     *
     * @param name the name
     * @return an unmodifiable list, empty if no pair has that name
     */
    public List<String> all(String name) {
        Objects.requireNonNull(name, "name");
        return properties.stream().filter(p -> p.name().equals(name)).map(UserProperty::value).toList();
    }

    @Override
    public Iterator<UserProperty> iterator() {
        return properties.iterator();
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof UserProperties that && properties.equals(that.properties);
    }

    @Override
    public int hashCode() {
        return properties.hashCode();
    }

    @Override
    public String toString() {
        return properties.toString();
    }

    /**
     * Collects user properties in order. Not thread-safe.
     */
    public static final class Builder {

        private final List<UserProperty> properties = new ArrayList<>();

        private Builder() {
        }

        /**
         * Appends a pair, even if a pair with that name exists.
         *
         * @param name  the name
         * @param value the value
         * @return this builder
         * @throws NullPointerException     if an argument is {@code null}
         * @throws IllegalArgumentException if an argument is not a valid MQTT UTF-8 string
         */
        public Builder add(String name, String value) {
            properties.add(new UserProperty(name, value));
            return this;
        }

        /**
         * Appends a pair.
         *
         * @param property the pair
         * @return this builder
         */
        public Builder add(UserProperty property) {
            properties.add(Objects.requireNonNull(property, "property"));
            return this;
        }

        /**
         * Appends all pairs of other user properties, in order.
         *
         * @param other the properties to append
         * @return this builder
         */
        public Builder addAll(UserProperties other) {
            properties.addAll(other.properties);
            return this;
        }

        /**
         * Returns the user properties collected so far.
         *
         * @return the properties
         */
        public UserProperties build() {
            return of(properties);
        }
    }
}
