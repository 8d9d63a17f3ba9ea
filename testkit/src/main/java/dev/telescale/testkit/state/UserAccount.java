package dev.telescale.testkit.state;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A human Telegram user the test created: its id and User JSON.
 *
 * @param id   the user id (also the id of its private chats)
 * @param user the User object; do not modify
 */
public record UserAccount(long id, ObjectNode user) {

    /** The first name. */
    public String firstName() {
        return user.path("first_name").asText();
    }
}
