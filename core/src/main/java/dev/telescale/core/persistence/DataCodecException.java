package dev.telescale.core.persistence;

/**
 * Data could not be turned into JSON or back by a {@link DataCodec}: the message names what was being converted
 * (e.g. "the user data of user 42"), the Java type, and the field path where Jackson stopped (e.g.
 * {@code Profile["tags"]->ArrayList[3]}). The cause is Jackson's exception when there is one.
 */
public class DataCodecException extends PersistenceException {

    public DataCodecException(String message, Throwable cause) {
        super(message, cause);
    }

    public DataCodecException(String message) {
        super(message);
    }
}
